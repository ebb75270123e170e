package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Reads the items to copy, starting from the hits: on opening, the search runs once over the case
 * index restricted to the sources in scope and yields the ids of the matching items (with {@code
 * partiallyIndexed}, the ids of the unindexed items in scope join them), in id order. Then a page
 * of ids at a time, it loads those catalog entries by id and hands on those the review set does not
 * hold yet. The cost follows the hits, not the case; memory holds the ids and one page of entries.
 * Its checkpoint is the last item id handled, so a restart resumes after it.
 */
@Dependent
@Named
public class MatchingItemReader extends AbstractItemReader {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject ReviewSetRepository reviewSets;
  @Inject CustodianRepository custodians;
  @Inject ItemRepository catalog;

  @Inject @BatchProperty String pageSize;

  private ReviewSetTarget target;
  private int page;

  /** The ids to consider, ascending. */
  private String[] ids = new String[0];

  /** The ids of {@link #ids} that the search matches, ascending. */
  private String[] hits = new String[0];

  /** The position in {@link #ids} of the next id to load. */
  private int next;

  private String pageEnd;
  private String lastHandedOut;
  private final Deque<Item> buffer = new ArrayDeque<>();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    target =
        ReviewSetTarget.of(
            operations.find(run.operationId()).orElseThrow(), searches, reviewSets, custodians);
    page = pageSize == null || pageSize.isBlank() ? 1000 : Integer.parseInt(pageSize.trim());
    if (!target.scope().isEmpty()) {
      hits = sortedDistinct(hitIds(run.caseId()));
      List<String> all = new ArrayList<>(Arrays.asList(hits));
      if (target.unindexedToo()) {
        all.addAll(catalog.unindexedIdsInSources(target.scope()));
      }
      ids = sortedDistinct(all);
    }
    if (checkpoint instanceof CopyCheckpoint c && c.afterId() != null) {
      pageEnd = c.afterId();
      next = firstAfter(ids, c.afterId());
    }
    run.totalWork(ids.length);
    run.doneWork(next);
  }

  /** The item ids of the documents of the case index that the search matches in scope. */
  private List<String> hitIds(String caseId) throws IOException {
    Optional<DirectoryReader> opened = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    if (opened.isEmpty()) {
      return List.of();
    }
    try (DirectoryReader index = opened.get()) {
      return ItemIds.matching(
          index, SearchQueries.restrict(target.query(), IndexFields.SOURCE_ID, target.scope()));
    }
  }

  private static String[] sortedDistinct(List<String> values) {
    return values.stream().distinct().sorted(Comparator.naturalOrder()).toArray(String[]::new);
  }

  /** The position of the first id after the given one. */
  private static int firstAfter(String[] sorted, String id) {
    int at = Arrays.binarySearch(sorted, id);
    return at >= 0 ? at + 1 : -at - 1;
  }

  @Override
  public Object readItem() throws Exception {
    while (buffer.isEmpty()) {
      if (next >= ids.length) {
        return null;
      }
      nextPage();
    }
    Item item = buffer.poll();
    lastHandedOut = item.getId();
    return item;
  }

  private void nextPage() {
    int end = Math.min(ids.length, next + page);
    List<String> pageIds = Arrays.asList(ids).subList(next, end);
    pageEnd = ids[end - 1];
    next = end;
    OperationRun.of(jobContext).doneWork(next);
    List<Item> candidates = new ArrayList<>(pageIds.size());
    for (Item item : catalog.findAll(pageIds)) {
      boolean hit = Arrays.binarySearch(hits, item.getId()) >= 0;
      if (item.isIndexed() ? hit : target.unindexedToo()) {
        candidates.add(item);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    Set<String> present =
        reviewSets.itemIdsPresent(
            target.reviewSetId(), candidates.stream().map(Item::getId).toList());
    candidates.sort(Comparator.comparing(Item::getId));
    for (Item item : candidates) {
      if (!present.contains(item.getId())) {
        buffer.add(item);
      }
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return new CopyCheckpoint(buffer.isEmpty() ? pageEnd : lastHandedOut, next - buffer.size());
  }
}
