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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Reads the files to export: on opening, the ids of the review set's files that were in it when the
 * operation was submitted (those the review-set query matches, when the operation names one), in
 * the order they were added; then a page at a time, those files with their catalog entries,
 * custodians, sources and tags; after the last, {@link ExportDocument#END}. Its checkpoint is the
 * state at the end of the last finished ZIP part ({@link ExportCheckpoint}), so a restart reads
 * again from the first document of the part that was being written.
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
  @Inject ItemRepository catalog;
  @Inject CaseRepository cases;
  @Inject ExportFileRepository exportFiles;

  @Inject @BatchProperty String pageSize;

  private int page;
  private List<String> fileIds = List.of();
  private int next;
  private boolean ended;
  private String reviewSetId;
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
    Set<String> matching = null;
    if (settings.queryId() != null) {
      ReviewSetQuery query =
          reviewSets
              .findQuery(caseId, reviewSetId, settings.queryId())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The review set query " + settings.queryId() + " does not exist."));
      matching = matchingItemIds(caseId, query);
    }
    List<String> ids = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      List<ReviewSetItem> files = reviewSets.listItems(reviewSetId, offset, 1000);
      for (ReviewSetItem f : files) {
        if (!f.getAddedDateTime().isAfter(operation.getCreatedDateTime())
            && (matching == null || matching.contains(f.getItemId()))) {
          ids.add(f.getId());
        }
      }
      if (files.size() < 1000) {
        break;
      }
    }
    fileIds = ids;
    ExportState state = ExportState.of(stepContext);
    state.total = ids.size();
    state.batesPrefix =
        ExportSettings.batesPrefix(
            operation, cases.find(caseId).map(EdiscoveryCase::getExternalId).orElse(null));
    if (checkpoint instanceof ExportCheckpoint c) {
      state.resume(c);
      next = c.nextIndex();
    } else {
      // Numbers continue after the case's earlier productions unless the request says otherwise.
      String start = operation.parameter(ExportSettings.BATES_START);
      state.resume(
          ExportCheckpoint.start(
              start != null ? Long.parseLong(start) : exportFiles.lastBatesNumber(caseId) + 1));
    }
    run.totalWork(ids.size());
    run.doneWork(next);
  }

  private Set<String> matchingItemIds(String caseId, ReviewSetQuery query) throws IOException {
    Query lucene =
        KqlTranslator.toLucene(
            query.getContentQuery(),
            name -> {
              Optional<ReviewTag> tag = tags.findByName(caseId, name);
              Set<String> ids =
                  tag.isEmpty() ? Set.of() : tags.itemIdsWithTag(reviewSetId, tag.get().getId());
              return ids.isEmpty()
                  ? new MatchNoDocsQuery("no file carries " + name)
                  : SearchQueries.anyOf(IndexFields.ID, ids);
            });
    Optional<DirectoryReader> index =
        SearchQueries.open(CaseopsPaths.reviewSetIndexDir(caseId, reviewSetId));
    if (index.isEmpty()) {
      return Set.of();
    }
    try (DirectoryReader reader = index.get()) {
      return new HashSet<>(ItemIds.matching(reader, lucene));
    }
  }

  @Override
  public Object readItem() throws Exception {
    if (buffer.isEmpty()) {
      if (next >= fileIds.size()) {
        if (ended) {
          return null;
        }
        ended = true;
        return ExportDocument.END;
      }
      nextPage();
    }
    return buffer.poll();
  }

  private void nextPage() {
    int end = Math.min(fileIds.size(), next + page);
    List<String> pageIds = fileIds.subList(next, end);
    Map<String, ReviewSetItem> files = new HashMap<>();
    for (ReviewSetItem f :
        reviewSets.listItems(
            reviewSetId,
            new ListQuery(
                new ListQuery.In("id", new TreeSet<>(pageIds)), List.of(), 0, pageIds.size()))) {
      files.put(f.getId(), f);
    }
    Map<String, Item> items = new HashMap<>();
    for (Item item :
        catalog.findAll(files.values().stream().map(ReviewSetItem::getItemId).toList())) {
      items.put(item.getId(), item);
    }
    Map<String, Set<String>> fileTags = tags.tagsOf(pageIds);
    for (int i = next; i < end; i++) {
      ReviewSetItem f = files.get(fileIds.get(i));
      if (f == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String tagId : fileTags.getOrDefault(f.getId(), Set.of())) {
        String name = tagNames.get(tagId);
        if (name != null) {
          names.add(name);
        }
      }
      names.sort(String.CASE_INSENSITIVE_ORDER);
      buffer.add(
          new ExportDocument(
              i,
              f,
              items.get(f.getItemId()),
              custodianOfSource.getOrDefault(f.getSourceId(), ""),
              sourceNames.getOrDefault(f.getSourceId(), ""),
              String.join(";", names)));
    }
    next = end;
  }

  @Override
  public Serializable checkpointInfo() {
    return ExportState.of(stepContext).committed;
  }
}
