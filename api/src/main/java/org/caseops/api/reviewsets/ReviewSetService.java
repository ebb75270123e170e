package org.caseops.api.reviewsets;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.OperationService;
import org.caseops.api.operations.OperationTargets;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.TargetRole;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Review sets, their files and their queries, and the two actions on them: addToReviewSet (202; the
 * search comes in the body) and applyTags on a query (202; the tags come in the body). Review-set
 * names are unique in a case, ignoring case (409 otherwise).
 */
@Dependent
public class ReviewSetService {
  private static final Logger LOG = Logger.getLogger(ReviewSetService.class.getName());

  private final ResourceLookups lookups;
  private final ReviewSetRepository reviewSets;
  private final ReviewTagRepository tags;
  private final CustodianRepository custodians;
  private final ContentStore contents;
  private final PdfRenditionRepository renditions;
  private final OperationService operationService;
  private final OperationTargets targets;
  private final Clock clock;

  /**
   * A file with what its JSON needs besides itself: the kind of its source, its tags, and its PDF
   * rendition ({@code null} when it has none).
   */
  public record FileView(
      ReviewSetItem file, SourceKind sourceKind, List<ReviewTag> tags, PdfRendition pdf) {
    /** A file without a PDF rendition. */
    public FileView(ReviewSetItem file, SourceKind sourceKind, List<ReviewTag> tags) {
      this(file, sourceKind, tags, null);
    }
  }

  /** A file's stored content, to be closed by the caller. */
  public record FileContent(InputStream stream, String mediaType, long size, String name) {}

  @Inject
  public ReviewSetService(
      ResourceLookups lookups,
      ReviewSetRepository reviewSets,
      ReviewTagRepository tags,
      CustodianRepository custodians,
      ContentStore contents,
      PdfRenditionRepository renditions,
      OperationService operationService,
      OperationTargets targets,
      Clock clock) {
    this.lookups = lookups;
    this.reviewSets = reviewSets;
    this.tags = tags;
    this.custodians = custodians;
    this.contents = contents;
    this.renditions = renditions;
    this.operationService = operationService;
    this.targets = targets;
    this.clock = clock;
  }

  /**
   * @throws ConflictException 409 {@code conflict} when the case has a review set of that name,
   *     ignoring case
   */
  public ReviewSet create(String caseId, String displayName, IdentitySet by) {
    lookups.cases().requireCase(caseId);
    if (reviewSets.nameTaken(caseId, displayName)) {
      throw duplicateName(caseId, displayName);
    }
    ReviewSet set = ReviewSet.create(caseId, displayName, by, now());
    try {
      reviewSets.add(set);
    } catch (RuntimeException e) {
      if (reviewSets.nameTaken(caseId, displayName)) {
        throw duplicateName(caseId, displayName);
      }
      throw e;
    }
    return set;
  }

  private static ConflictException duplicateName(String caseId, String displayName) {
    return new ConflictException(
        "The case '"
            + caseId
            + "' already has a review set named '"
            + GraphError.clip(displayName)
            + "' (names are compared ignoring case).");
  }

  public ReviewSet get(String caseId, String reviewSetId) {
    return lookups.findReviewSet(caseId, reviewSetId);
  }

  public List<ReviewSet> list(String caseId, ListQuery query) {
    lookups.cases().requireCase(caseId);
    return reviewSets.list(caseId, query);
  }

  public long count(String caseId, ListQuery.Condition filter) {
    return reviewSets.count(caseId, filter);
  }

  /**
   * Starts addToReviewSet on the review set the URL names, with the search and options of the body.
   */
  public CaseOperation addToReviewSet(
      String caseId, String reviewSetId, OperationRequest parameters, IdentitySet by) {
    ReviewSet set = lookups.findReviewSet(caseId, reviewSetId);
    return operationService.submit(
        caseId,
        CaseAction.addToReviewSet,
        targets.resolve(caseId, parameters.found(TargetRole.REVIEW_SET, set.getId())),
        by);
  }

  // ---- files

  /** A page of the review set's files, in the order they were added. */
  public List<FileView> files(String caseId, String reviewSetId, int offset, int limit) {
    return files(caseId, reviewSetId, ListQuery.page(offset, limit));
  }

  /**
   * A page of the review set's files, in the query's order (the order they were added without one).
   */
  public List<FileView> files(String caseId, String reviewSetId, ListQuery query) {
    lookups.findReviewSet(caseId, reviewSetId);
    return views(caseId, reviewSets.listItems(reviewSetId, query));
  }

  public long countFiles(String reviewSetId) {
    return countFiles(reviewSetId, null);
  }

  public long countFiles(String reviewSetId, ListQuery.Condition filter) {
    return reviewSets.countItems(reviewSetId, filter);
  }

  public FileView file(String caseId, String reviewSetId, String fileId) {
    return views(caseId, List.of(lookups.findFile(caseId, reviewSetId, fileId))).get(0);
  }

  private List<FileView> views(String caseId, List<ReviewSetItem> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    Map<String, SourceKind> kinds = new HashMap<>();
    for (CustodianSource source : custodians.listSourcesOfCase(caseId)) {
      kinds.put(source.getId(), source.getKind());
    }
    Map<String, ReviewTag> tagsById = new HashMap<>();
    for (ReviewTag tag : tags.listAll(caseId)) {
      tagsById.put(tag.getId(), tag);
    }
    List<String> fileIds = files.stream().map(ReviewSetItem::getId).toList();
    Map<String, Set<String>> tagIds = tags.tagsOf(fileIds);
    Map<String, PdfRendition> pdfs = renditions.findAll(fileIds);
    List<FileView> views = new ArrayList<>();
    for (ReviewSetItem file : files) {
      List<ReviewTag> fileTags = new ArrayList<>();
      for (String tagId : tagIds.getOrDefault(file.getId(), Set.of())) {
        ReviewTag tag = tagsById.get(tagId);
        if (tag != null) {
          fileTags.add(tag);
        }
      }
      views.add(
          new FileView(file, kinds.get(file.getSourceId()), fileTags, pdfs.get(file.getId())));
    }
    return views;
  }

  /**
   * The stored bytes of a file.
   *
   * @throws ResourceNotFoundException 404 when the case's content store does not hold them
   * @throws UncheckedIOException when the store holds them but cannot read them; its message names
   *     the file and carries no internals
   */
  public FileContent content(String caseId, String reviewSetId, String fileId) {
    ReviewSetItem file = lookups.findFile(caseId, reviewSetId, fileId);
    try {
      InputStream stream =
          contents
              .open(caseId, file.getSha256())
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "The content of ediscoveryFile '"
                              + fileId
                              + "' is not in the case's content store."));
      return new FileContent(stream, FileJson.mediaType(file), file.getSize(), file.getName());
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE,
          "Content " + file.getSha256() + " of case " + caseId + " could not be read",
          e);
      throw new UncheckedIOException(
          "The content of ediscoveryFile '" + fileId + "' could not be read.", e);
    }
  }

  /**
   * The PDF rendition of a file, made by convertToPdf.
   *
   * @throws ResourceNotFoundException 404 when the file has no rendition yet, or the content store
   *     does not hold it
   * @throws UncheckedIOException when the store holds it but cannot read it
   */
  public FileContent pdf(String caseId, String reviewSetId, String fileId) {
    ReviewSetItem file = lookups.findFile(caseId, reviewSetId, fileId);
    PdfRendition rendition =
        renditions
            .find(file.getId())
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "The ediscoveryFile '"
                            + fileId
                            + "' has no PDF yet: run the convertToPdf action on its review set to"
                            + " make one."));
    try {
      InputStream stream =
          contents
              .open(caseId, rendition.getPdfSha256())
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "The PDF of ediscoveryFile '"
                              + fileId
                              + "' is not in the case's content store: run convertToPdf again."));
      return new FileContent(stream, "application/pdf", rendition.getSize(), file.getName());
    } catch (IOException e) {
      LOG.log(
          Level.SEVERE,
          "PDF " + rendition.getPdfSha256() + " of case " + caseId + " could not be read",
          e);
      throw new UncheckedIOException(
          "The PDF of ediscoveryFile '" + fileId + "' could not be read.", e);
    }
  }

  // ---- queries

  public ReviewSetQuery addQuery(
      String caseId, String reviewSetId, ReviewSetRequests.NewQuery request, IdentitySet by) {
    lookups.findReviewSet(caseId, reviewSetId);
    ReviewSetQuery query =
        ReviewSetQuery.create(
            caseId, reviewSetId, request.displayName(), request.contentQuery(), by, now());
    reviewSets.addQuery(query);
    return query;
  }

  public ReviewSetQuery getQuery(String caseId, String reviewSetId, String queryId) {
    return lookups.findQuery(caseId, reviewSetId, queryId);
  }

  public List<ReviewSetQuery> listQueries(String caseId, String reviewSetId, ListQuery query) {
    lookups.findReviewSet(caseId, reviewSetId);
    return reviewSets.listQueries(reviewSetId, query);
  }

  public long countQueries(String reviewSetId, ListQuery.Condition filter) {
    return reviewSets.countQueries(reviewSetId, filter);
  }

  public ReviewSetQuery updateQuery(
      String caseId,
      String reviewSetId,
      String queryId,
      ReviewSetRequests.QueryChanges changes,
      IdentitySet by) {
    ReviewSetQuery query = lookups.findQuery(caseId, reviewSetId, queryId);
    if (changes.displayName() != null) {
      query.rename(changes.displayName());
    }
    if (changes.contentQuery() != null) {
      query.query(changes.contentQuery());
    }
    query.modified(by, now());
    return reviewSets.updateQuery(query);
  }

  public void deleteQuery(String caseId, String reviewSetId, String queryId) {
    lookups.findQuery(caseId, reviewSetId, queryId);
    reviewSets.deleteQuery(caseId, reviewSetId, queryId);
  }

  /** Starts applyTags on the query the URL names, with the tags of the body. */
  public CaseOperation applyTags(
      String caseId,
      String reviewSetId,
      String queryId,
      OperationRequest parameters,
      IdentitySet by) {
    ReviewSetQuery query = lookups.findQuery(caseId, reviewSetId, queryId);
    return operationService.submit(
        caseId,
        CaseAction.applyTags,
        targets.resolve(
            caseId,
            parameters
                .found(TargetRole.REVIEW_SET, query.getReviewSetId())
                .found(TargetRole.QUERY, query.getId())),
        by);
  }

  /**
   * Starts contentExport on the review set the URL names, or on the query of it the URL names
   * ({@code queryId} not null), with the options of the body.
   */
  public CaseOperation export(
      String caseId,
      String reviewSetId,
      String queryId,
      OperationRequest parameters,
      IdentitySet by) {
    OperationRequest found;
    if (queryId == null) {
      ReviewSet set = lookups.findReviewSet(caseId, reviewSetId);
      found = parameters.found(TargetRole.REVIEW_SET, set.getId());
    } else {
      ReviewSetQuery query = lookups.findQuery(caseId, reviewSetId, queryId);
      found =
          parameters
              .found(TargetRole.REVIEW_SET, query.getReviewSetId())
              .found(TargetRole.QUERY, query.getId());
    }
    return operationService.submit(
        caseId, CaseAction.contentExport, targets.resolve(caseId, found), found.parameters(), by);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
