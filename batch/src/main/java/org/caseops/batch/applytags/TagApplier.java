package org.caseops.batch.applytags;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.caseops.batch.Outcome;
import org.caseops.batch.Progress;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.reviewsets.TagChange;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * The applyTags use case: runs an operation's review-set query over the review set's index ({@code
 * tag:name} matching the files that carry the case's tag of that name when the work starts, nothing
 * for an unknown name) and applies the tags to add and remove to every matching file with the
 * {@link TagChange} rule, a batch of files per transaction. The tags are checked before anything
 * changes: a tag that no longer exists fails the operation, saying which. Applying the same tags
 * again changes nothing, so work that stopped halfway is simply done again.
 */
@Dependent
public class TagApplier {
  /** Files tagged per transaction when the job is not told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  private final CaseOperationRepository operations;
  private final ReviewSetRepository reviewSets;
  private final ReviewTagRepository tags;

  @Inject
  public TagApplier(
      CaseOperationRepository operations,
      ReviewSetRepository reviewSets,
      ReviewTagRepository tags) {
    this.operations = operations;
    this.reviewSets = reviewSets;
    this.tags = tags;
  }

  /**
   * Applies the tags of the operation (an applyTags operation of the case) to the files its query
   * matches, {@code batchSize} files per transaction. Reports the matching items as the total work
   * once the tags are checked, and the items done after each batch.
   *
   * @return how the operation ends: succeeded, saying how many files matched and how many changed;
   *     or failed (404: the review set or its query is gone; 400: a tag is gone or in both lists,
   *     or the query cannot be run)
   * @throws IOException when the review set's index cannot be read
   */
  public Outcome apply(String operationId, String caseId, int batchSize, Progress progress)
      throws IOException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
    }
    OperationTarget target = operations.find(operationId).orElseThrow().getTarget();
    String reviewSetId = target.getReviewSetId();
    if (reviewSetId == null || reviewSets.find(caseId, reviewSetId).isEmpty()) {
      return Outcome.failed(404, "The review set " + reviewSetId + " does not exist in the case.");
    }
    Optional<ReviewSetQuery> query =
        target.getQueryId() == null
            ? Optional.empty()
            : reviewSets.findQuery(caseId, reviewSetId, target.getQueryId());
    if (query.isEmpty()) {
      return Outcome.failed(
          404,
          "The review set query " + target.getQueryId() + " does not exist in the review set.");
    }
    TagChange change;
    try {
      change = TagChange.of(target.getTagsToAdd(), target.getTagsToRemove(), tags.listAll(caseId));
    } catch (IllegalArgumentException e) {
      return Outcome.failed(400, e.getMessage());
    }
    Function<String, Query> tagQuery =
        name -> {
          Optional<ReviewTag> tag = tags.findByName(caseId, name);
          if (tag.isEmpty()) {
            return new MatchNoDocsQuery("no tag named " + name);
          }
          Set<String> itemIds = tags.itemIdsWithTag(reviewSetId, tag.get().getId());
          return itemIds.isEmpty()
              ? new MatchNoDocsQuery("no file carries " + name)
              : SearchQueries.anyOf(IndexFields.ID, itemIds);
        };
    Query lucene;
    try {
      lucene = KqlTranslator.toLucene(query.get().getContentQuery(), tagQuery);
    } catch (IllegalArgumentException e) {
      return Outcome.failed(
          400, "The review set query's contentQuery cannot be run: " + e.getMessage());
    }
    List<String> matching = matchingItemIds(caseId, reviewSetId, lucene);
    progress.total(matching.size());
    long files = 0;
    long changed = 0;
    for (int from = 0; from < matching.size(); from += batchSize) {
      List<String> itemIds = matching.subList(from, Math.min(matching.size(), from + batchSize));
      Set<String> held = reviewSets.itemIdsPresent(reviewSetId, itemIds);
      List<String> fileIds = new ArrayList<>(held.size());
      for (String itemId : itemIds) {
        if (held.contains(itemId)) {
          fileIds.add(ReviewSetItem.idFor(reviewSetId, itemId));
        }
      }
      changed += retag(reviewSetId, fileIds, change);
      files += fileIds.size();
      progress.done(from + itemIds.size());
    }
    return Outcome.succeeded(
        String.format(
            "The query matched %d %s; the tags changed on %d of them.",
            files, files == 1 ? "file" : "files", changed));
  }

  /** Applies the change to the files in one transaction; returns how many of them it changed. */
  private long retag(String reviewSetId, List<String> fileIds, TagChange change) {
    Map<String, Set<String>> current = tags.tagsOf(fileIds);
    Map<String, Set<String>> add = new HashMap<>();
    Map<String, Set<String>> remove = new HashMap<>();
    long changed = 0;
    for (String fileId : fileIds) {
      Set<String> before = current.getOrDefault(fileId, Set.of());
      Set<String> after = change.applyTo(before);
      Set<String> on = new HashSet<>(after);
      on.removeAll(before);
      Set<String> off = new HashSet<>(before);
      off.removeAll(after);
      if (!on.isEmpty()) {
        add.put(fileId, on);
      }
      if (!off.isEmpty()) {
        remove.put(fileId, off);
      }
      if (!on.isEmpty() || !off.isEmpty()) {
        changed++;
      }
    }
    if (!add.isEmpty() || !remove.isEmpty()) {
      tags.retag(reviewSetId, add, remove);
    }
    return changed;
  }

  /** The catalogued item ids of the documents in the review set's index that the query matches. */
  private static List<String> matchingItemIds(String caseId, String reviewSetId, Query query)
      throws IOException {
    Optional<DirectoryReader> index =
        SearchQueries.open(CaseopsPaths.reviewSetIndexDir(caseId, reviewSetId));
    if (index.isEmpty()) {
      return List.of();
    }
    try (DirectoryReader reader = index.get()) {
      return ItemIds.matching(reader, query);
    }
  }
}
