package org.caseops.batch.searchexport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.caseops.batch.estimatestatistics.MatchTally;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemKey;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemTotals;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.searches.SearchScope;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Reads the items of a search export. On opening, the search runs once over the case index, source
 * by source in its scope, which counts each source's hits (a source with hits is responsive); the
 * export's locations select sources, and its criteria the items in them: the indexed items that
 * match ({@code searchHits}), the unindexed items ({@code partiallyIndexed}). The search's hits in
 * the selected sources are kept as one bit per document of the index, never as a list of ids. The
 * export's items are then read in id order, numbered from 0, a page at a time by key: the keys of
 * the catalog entries of the selected sources after the last one read (a range of an index on the
 * case and id), of which those selected are read whole with their custodians and sources; after the
 * last, {@link SearchExportItem#END}. Memory holds one page, whatever the size of the search. The
 * items are counted the same way, a page at a time, before the first is read. Its checkpoint is the
 * state at the last boundary ({@link SearchExportCheckpoint}), with the id of the last item written
 * before it, so a restart reads again from the first item after that id.
 */
@Dependent
@Named
public class SearchExportReader extends AbstractItemReader {
  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject CustodianRepository custodians;
  @Inject ItemRepository catalog;

  @Inject @BatchProperty String pageSize;
  @Inject @BatchProperty String natives;

  private int page;
  private String caseId;
  private SearchExportSettings settings;
  private final List<String> selected = new ArrayList<>();
  private DirectoryReader index;
  private List<FixedBitSet> hits;
  private boolean[] leafHasHits;
  private String afterKey;
  private int next;
  private int skip;
  private boolean exhausted;
  private boolean ended;
  private final Deque<SearchExportItem> buffer = new ArrayDeque<>();
  private final Map<String, String> custodianOfSource = new HashMap<>();
  private final Map<String, String> sourceNames = new HashMap<>();
  private final Map<String, SourceFolder> folders = new HashMap<>();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    caseId = run.caseId();
    CaseOperation operation = operations.find(run.operationId()).orElseThrow();
    settings = SearchExportSettings.of(operation, Boolean.parseBoolean(natives));
    page = pageSize == null || pageSize.isBlank() ? 500 : Integer.parseInt(pageSize.trim());
    EdiscoverySearch search =
        (settings.searchId() == null
                ? Optional.<EdiscoverySearch>empty()
                : searches.find(caseId, settings.searchId()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The search " + settings.searchId() + " does not exist in the case."));
    Query query;
    try {
      query = KqlTranslator.toLucene(search.getContentQuery(), null);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The search's contentQuery cannot be run: " + e.getMessage(), e);
    }
    Map<String, String> custodianNames = new HashMap<>();
    for (Custodian c : custodians.list(caseId, 0, Integer.MAX_VALUE)) {
      custodianNames.put(c.getId(), c.getDisplayName() == null ? c.getEmail() : c.getDisplayName());
    }
    List<CustodianSource> caseSources = custodians.listSourcesOfCase(caseId);
    Path root = CaseopsPaths.evidenceRoot();
    for (CustodianSource s : caseSources) {
      custodianOfSource.put(s.getId(), custodianNames.getOrDefault(s.getCustodianId(), ""));
      String name = s.getEmail() != null ? s.getEmail() : s.getSiteWebUrl();
      sourceNames.put(s.getId(), name == null ? s.getDisplayName() : name);
      folders.put(s.getId(), SourceFolder.locate(root, s));
    }
    Map<String, CustodianSource> byId = new HashMap<>();
    caseSources.forEach(s -> byId.put(s.getId(), s));
    List<String> scope =
        new ArrayList<>(
            SearchScope.sourceIds(search, caseSources, custodians.releasedCustodianIds(caseId)));
    scope.sort(Comparator.comparing((String id) -> sourceNames.getOrDefault(id, id)));

    SearchExportState state = SearchExportState.of(stepContext);
    state.sources.clear();
    selected.clear();
    index = SearchQueries.open(CaseopsPaths.indexDir(caseId)).orElse(null);
    IndexSearcher searcher = index == null ? null : new IndexSearcher(index);
    for (String sourceId : scope) {
      MatchTally tally = new MatchTally();
      if (searcher != null) {
        searcher.search(
            SearchQueries.restrict(query, IndexFields.SOURCE_ID, List.of(sourceId)), tally);
      }
      boolean responsive = tally.count() > 0;
      boolean isSelected = responsive ? settings.responsive() : settings.nonresponsive();
      ItemTotals unindexed = catalog.unindexedInSources(List.of(sourceId));
      CustodianSource source = byId.get(sourceId);
      state.sources.add(
          new SearchExportState.SourceSummary(
              custodianOfSource.getOrDefault(sourceId, ""),
              sourceNames.getOrDefault(sourceId, sourceId),
              source != null && source.getKind() == SourceKind.USER ? "mailbox" : "site",
              tally.count(),
              tally.size(),
              unindexed.count(),
              unindexed.size(),
              isSelected));
      if (isSelected) {
        selected.add(sourceId);
      }
    }
    if (index != null && settings.searchHits() && !selected.isEmpty()) {
      hits =
          SearchQueries.hits(index, SearchQueries.restrict(query, IndexFields.SOURCE_ID, selected));
      leafHasHits = new boolean[hits.size()];
      for (int i = 0; i < hits.size(); i++) {
        leafHasHits[i] = hits.get(i).cardinality() > 0;
      }
    }
    state.total = count();
    if (checkpoint instanceof SearchExportCheckpoint c) {
      state.resume(c);
      afterKey = c.lastKey();
      if (afterKey == null) {
        // A checkpoint that gives no key: its items are read again and passed over.
        skip = c.nextIndex();
      } else {
        next = c.nextIndex();
      }
    } else {
      state.resume(SearchExportCheckpoint.START);
    }
    run.totalWork(state.total);
    run.doneWork(next + skip);
  }

  /** How many items the export holds, counted a page of keys at a time. */
  private int count() throws IOException {
    int count = 0;
    String after = null;
    for (; ; ) {
      List<ItemKey> keys = catalog.keysInSourcesAfter(caseId, selected, after, page);
      if (keys.isEmpty()) {
        return count;
      }
      count += chosen(keys).size();
      after = keys.get(keys.size() - 1).id();
    }
  }

  /**
   * The ids of the page's items that the export's criteria select, in id order: its indexed items
   * that the search matched ({@code searchHits}), its unindexed items ({@code partiallyIndexed}).
   * An unindexed item is exported as one, never as a hit.
   */
  private List<String> chosen(List<ItemKey> keys) throws IOException {
    Set<String> matched = Set.of();
    if (hits != null) {
      matched = matched(keys.stream().filter(ItemKey::indexed).map(ItemKey::id).toList());
    }
    List<String> chosen = new ArrayList<>();
    for (ItemKey key : keys) {
      if (key.indexed() ? matched.contains(key.id()) : settings.partiallyIndexed()) {
        chosen.add(key.id());
      }
    }
    return chosen;
  }

  /** The ids among these (in increasing order) of documents that the search matched. */
  private Set<String> matched(List<String> ids) throws IOException {
    Set<String> found = new HashSet<>();
    if (ids.isEmpty()) {
      return found;
    }
    for (LeafReaderContext leaf : index.leaves()) {
      if (!leafHasHits[leaf.ord]) {
        continue;
      }
      Terms terms = leaf.reader().terms(IndexFields.ID);
      if (terms == null) {
        continue;
      }
      FixedBitSet bits = hits.get(leaf.ord);
      TermsEnum termsEnum = terms.iterator();
      PostingsEnum postings = null;
      for (String id : ids) {
        if (found.contains(id) || !termsEnum.seekExact(new BytesRef(id))) {
          continue;
        }
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (bits.get(doc)) {
            found.add(id);
            break;
          }
        }
      }
    }
    return found;
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
      return SearchExportItem.END;
    }
    return buffer.poll();
  }

  /** Reads the next page of keys and the items of it that the export selects (possibly none). */
  private void nextPage() throws IOException {
    List<ItemKey> keys = catalog.keysInSourcesAfter(caseId, selected, afterKey, page);
    if (keys.isEmpty()) {
      exhausted = true;
      return;
    }
    afterKey = keys.get(keys.size() - 1).id();
    List<String> ids = chosen(keys);
    if (skip > 0) {
      int passed = Math.min(skip, ids.size());
      skip -= passed;
      next += passed;
      ids = ids.subList(passed, ids.size());
    }
    if (ids.isEmpty()) {
      return;
    }
    Map<String, Item> items = new HashMap<>();
    for (Item item : catalog.findAll(ids)) {
      items.put(item.getId(), item);
    }
    for (String id : ids) {
      Item item = items.get(id);
      if (item == null) {
        continue;
      }
      SourceFolder folder = folders.get(item.getSourceId());
      boolean message =
          folder != null && ItemContent.isMessage(folder.source().getKind(), item.getLocation());
      buffer.add(
          new SearchExportItem(
              next++,
              item,
              custodianOfSource.getOrDefault(item.getSourceId(), ""),
              sourceNames.getOrDefault(item.getSourceId(), ""),
              folder,
              message));
    }
    OperationRun.of(jobContext).doneWork(next);
  }

  @Override
  public Serializable checkpointInfo() {
    return SearchExportState.of(stepContext).committed;
  }

  @Override
  public void close() throws Exception {
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
