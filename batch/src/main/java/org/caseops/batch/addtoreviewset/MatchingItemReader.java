package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.caseops.batch.fulltext.IndexFields;
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
 * Reads the catalogued items of the sources in scope in id order, a page at a time, and hands on those that the
 * search matches (one query over the page's ids) or, with {@code partiallyIndexed}, that could not be indexed, and
 * that the review set does not hold yet. Memory holds one page. Its checkpoint is the last item id handled, so a
 * restart resumes after it.
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

  @Inject @BatchProperty String caseId;
  @Inject @BatchProperty String pageSize;

  private ReviewSetTarget target;
  private DirectoryReader index;
  private IndexSearcher searcher;
  private int page;
  private String pageEnd;
  private String lastHandedOut;
  private long scanned;
  private final Deque<Item> buffer = new ArrayDeque<>();
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    target =
        ReviewSetTarget.of(operations.find(run.operationId()).orElseThrow(), searches, reviewSets, custodians);
    page = pageSize == null || pageSize.isBlank() ? 500 : Integer.parseInt(pageSize.trim());
    if (checkpoint instanceof CopyCheckpoint c) {
      pageEnd = c.afterId();
      scanned = c.scanned();
    }
    Optional<DirectoryReader> opened = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    if (opened.isPresent()) {
      index = opened.get();
      searcher = new IndexSearcher(index);
    }
    run.totalWork(catalog.countInSources(target.scope()));
    run.doneWork(scanned);
  }

  @Override
  public Object readItem() throws Exception {
    while (buffer.isEmpty()) {
      if (exhausted || !nextPage()) {
        exhausted = true;
        return null;
      }
    }
    Item item = buffer.poll();
    lastHandedOut = item.getId();
    return item;
  }

  private boolean nextPage() throws Exception {
    List<Item> items = catalog.pageInSources(target.scope(), pageEnd, page);
    if (items.isEmpty()) {
      return false;
    }
    pageEnd = items.get(items.size() - 1).getId();
    scanned += items.size();
    OperationRun.of(jobContext).doneWork(scanned);
    Set<String> matching = matching(items);
    List<Item> candidates = new ArrayList<>();
    for (Item item : items) {
      if (matching.contains(item.getId()) || (!item.isIndexed() && target.unindexedToo())) {
        candidates.add(item);
      }
    }
    if (candidates.isEmpty()) {
      return true;
    }
    Set<String> present =
        reviewSets.itemIdsPresent(target.reviewSetId(), candidates.stream().map(Item::getId).toList());
    for (Item item : candidates) {
      if (!present.contains(item.getId())) {
        buffer.add(item);
      }
    }
    return true;
  }

  /** The ids of the page's indexed items that the search matches. */
  private Set<String> matching(List<Item> items) throws Exception {
    Set<String> matching = new HashSet<>();
    if (searcher == null) {
      return matching;
    }
    List<String> indexed = items.stream().filter(Item::isIndexed).map(Item::getId).toList();
    if (indexed.isEmpty()) {
      return matching;
    }
    TopDocs hits =
        searcher.search(SearchQueries.restrict(target.query(), IndexFields.ID, indexed), indexed.size());
    var stored = searcher.storedFields();
    for (ScoreDoc hit : hits.scoreDocs) {
      matching.add(stored.document(hit.doc, Set.of(IndexFields.ID)).get(IndexFields.ID));
    }
    return matching;
  }

  @Override
  public Serializable checkpointInfo() {
    return new CopyCheckpoint(buffer.isEmpty() ? pageEnd : lastHandedOut, scanned);
  }

  @Override
  public void close() throws Exception {
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
