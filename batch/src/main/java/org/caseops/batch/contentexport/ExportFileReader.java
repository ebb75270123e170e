package org.caseops.batch.contentexport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewSetRepository.FileWithCc;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Reads the files to export: the review set's files that were in it when the operation was
 * submitted (those the review-set query matches, when the operation names one), in the order they
 * were added (then by id), a page at a time by keyset (the files after the last one read), each
 * page with its files' {@code Cc} (kept on each file since it was added), custodians, sources and,
 * when the export has them, tags; after the last, {@link ExportDocument#END}. Memory holds one
 * page, whatever the export's size: a review-set query is run against the index once per page,
 * restricted to that page's items. Its checkpoint is the state at the end of the last finished ZIP
 * part ({@link ExportCheckpoint}), with the key of the first document of the next part, so a
 * restart reads again from that document.
 */
@Dependent
@Named
public class ExportFileReader extends AbstractItemReader {
  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject CaseOperationRepository operations;
  @Inject ReviewSetRepository reviewSets;
  @Inject ReviewTagRepository tags;
  @Inject CustodianRepository custodians;
  @Inject CaseRepository cases;
  @Inject ExportFileRepository exportFiles;

  @Inject @BatchProperty String pageSize;

  private int page;
  private int next;
  private boolean ended;
  private boolean exhausted;
  private String reviewSetId;
  private Instant submitted;
  private Instant afterAdded;
  private String afterId;
  private boolean inclusive;
  private Query matching;
  private boolean withTags;
  private DirectoryReader index;
  private final Deque<ExportDocument> buffer = new ArrayDeque<>();
  private final Map<String, String> custodianOfSource = new HashMap<>();
  private final Map<String, String> sourceNames = new HashMap<>();
  private final Map<String, String> tagNames = new HashMap<>();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    CaseOperation operation = operations.find(run.operationId()).orElseThrow();
    String caseId = run.caseId();
    ExportSettings settings = ExportSettings.of(operation);
    reviewSetId = settings.reviewSetId();
    withTags = settings.tags();
    page = pageSize == null || pageSize.isBlank() ? 500 : Integer.parseInt(pageSize.trim());
    if (reviewSets.find(caseId, reviewSetId).isEmpty()) {
      throw new IllegalStateException("The review set " + reviewSetId + " does not exist.");
    }
    Map<String, String> custodianNames = new HashMap<>();
    for (Custodian c : custodians.list(caseId, 0, Integer.MAX_VALUE)) {
      custodianNames.put(c.getId(), c.getDisplayName() == null ? c.getEmail() : c.getDisplayName());
    }
    for (CustodianSource s : custodians.listSourcesOfCase(caseId)) {
      custodianOfSource.put(s.getId(), custodianNames.getOrDefault(s.getCustodianId(), ""));
      String name = s.getEmail() != null ? s.getEmail() : s.getSiteWebUrl();
      sourceNames.put(s.getId(), name == null ? s.getDisplayName() : name);
    }
    for (ReviewTag tag : tags.listAll(caseId)) {
      tagNames.put(tag.getId(), tag.getDisplayName());
    }
    submitted = operation.getCreatedDateTime();
    if (settings.queryId() != null) {
      ReviewSetQuery query =
          reviewSets
              .findQuery(caseId, reviewSetId, settings.queryId())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The review set query " + settings.queryId() + " does not exist."));
      matching = luceneQuery(caseId, query);
      index = SearchQueries.open(CaseopsPaths.reviewSetIndexDir(caseId, reviewSetId)).orElse(null);
    }
    ExportState state = ExportState.of(stepContext);
    state.total = count();
    state.batesPrefix =
        ExportSettings.batesPrefix(
            operation, cases.find(caseId).map(EdiscoveryCase::getExternalId).orElse(null));
    if (checkpoint instanceof ExportCheckpoint c) {
      state.resume(c);
      next = c.nextIndex();
      afterAdded = c.nextAdded();
      afterId = c.nextFileId();
      inclusive = true;
      exhausted = afterId == null && next > 0;
    } else {
      // Numbers continue after the case's earlier productions unless the request says otherwise.
      String start = operation.parameter(ExportSettings.BATES_START);
      state.resume(
          ExportCheckpoint.start(
              start != null ? Long.parseLong(start) : exportFiles.lastBatesNumber(caseId) + 1));
    }
    run.totalWork(state.total);
    run.doneWork(next);
  }

  /** How many files the export holds: counted a page at a time when a query selects them. */
  private int count() throws IOException {
    ListQuery.Condition inSet =
        new ListQuery.Comparison("addedDateTime", ListQuery.Operator.LE, submitted);
    if (matching == null) {
      return (int) reviewSets.countItems(reviewSetId, inSet);
    }
    int count = 0;
    Instant added = null;
    String id = null;
    for (; ; ) {
      List<FileWithCc> files = pageAfter(added, id, false);
      if (files.isEmpty()) {
        return count;
      }
      count += matchingOf(files).size();
      ReviewSetItem last = files.get(files.size() - 1).file();
      added = last.getAddedDateTime();
      id = last.getId();
    }
  }

  /**
   * The page of files added by the time the operation was submitted that come after ({@code
   * inclusive}: from) the given one in the export's order, or from the first without one, each with
   * its Cc: ranges of the index on (review set, time added, id) ({@link
   * ReviewSetRepository#filesToExport}).
   */
  private List<FileWithCc> pageAfter(Instant added, String id, boolean inclusive) {
    return reviewSets.filesToExport(reviewSetId, submitted, added, id, inclusive, page);
  }

  /** The item ids of the page's files that the review-set query matches. */
  private Set<String> matchingOf(List<FileWithCc> files) throws IOException {
    if (index == null) {
      return Set.of();
    }
    Set<String> itemIds = new HashSet<>();
    files.forEach(f -> itemIds.add(f.file().getItemId()));
    return new HashSet<>(
        ItemIds.matching(index, SearchQueries.restrict(matching, IndexFields.ID, itemIds)));
  }

  private Query luceneQuery(String caseId, ReviewSetQuery query) {
    return KqlTranslator.toLucene(
        query.getContentQuery(),
        name -> {
          Optional<ReviewTag> tag = tags.findByName(caseId, name);
          Set<String> ids =
              tag.isEmpty() ? Set.of() : tags.itemIdsWithTag(reviewSetId, tag.get().getId());
          return ids.isEmpty()
              ? new MatchNoDocsQuery("no file carries " + name)
              : SearchQueries.anyOf(IndexFields.ID, ids);
        });
  }

  @Override
  public Object readItem() throws Exception {
    while (buffer.isEmpty() && !exhausted) {
      nextPage();
    }
    if (buffer.isEmpty()) {
      if (ended) {
        return null;
      }
      ended = true;
      return ExportDocument.END;
    }
    return buffer.poll();
  }

  /** Reads the next page of files (possibly none of them selected by the query). */
  private void nextPage() throws IOException {
    List<FileWithCc> read = pageAfter(afterAdded, afterId, inclusive);
    inclusive = false;
    if (read.isEmpty()) {
      exhausted = true;
      return;
    }
    ReviewSetItem last = read.get(read.size() - 1).file();
    afterAdded = last.getAddedDateTime();
    afterId = last.getId();
    List<FileWithCc> files = read;
    if (matching != null) {
      Set<String> selected = matchingOf(read);
      files = read.stream().filter(f -> selected.contains(f.file().getItemId())).toList();
    }
    if (files.isEmpty()) {
      return;
    }
    Map<String, Set<String>> fileTags =
        withTags ? tags.tagsOf(files.stream().map(f -> f.file().getId()).toList()) : Map.of();
    for (FileWithCc entry : files) {
      ReviewSetItem f = entry.file();
      String tagged = "";
      Set<String> tagIds = fileTags.get(f.getId());
      if (tagIds != null) {
        List<String> names = new ArrayList<>();
        for (String tagId : tagIds) {
          String name = tagNames.get(tagId);
          if (name != null) {
            names.add(name);
          }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        tagged = String.join(";", names);
      }
      buffer.add(
          new ExportDocument(
              next++,
              f,
              entry.cc(),
              custodianOfSource.getOrDefault(f.getSourceId(), ""),
              sourceNames.getOrDefault(f.getSourceId(), ""),
              tagged));
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return ExportState.of(stepContext).committed;
  }

  @Override
  public void close() throws Exception {
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
