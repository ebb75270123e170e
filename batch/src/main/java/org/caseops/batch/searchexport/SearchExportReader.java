package org.caseops.batch.searchexport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.caseops.batch.estimatestatistics.MatchTally;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.items.Item;
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
 * by source in its scope, which gives each source's hits (a source with hits is responsive); the
 * export's locations select sources, and its criteria the items in them: the indexed items that
 * match ({@code searchHits}), the unindexed items ({@code partiallyIndexed}); their ids, in id
 * order, are the export's items, numbered from 0. Then a page at a time, those catalog entries with
 * their custodians and sources; after the last, {@link SearchExportItem#END}. Memory holds the ids
 * and one page. Its checkpoint is the state at the last boundary ({@link SearchExportCheckpoint}),
 * so a restart reads again from the first item after it.
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
  private List<String> ids = List.of();
  private int next;
  private boolean ended;
  private final Deque<SearchExportItem> buffer = new ArrayDeque<>();
  private final Map<String, String> custodianOfSource = new HashMap<>();
  private final Map<String, String> sourceNames = new HashMap<>();
  private final Map<String, SourceFolder> folders = new HashMap<>();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    String caseId = run.caseId();
    CaseOperation operation = operations.find(run.operationId()).orElseThrow();
    SearchExportSettings settings =
        SearchExportSettings.of(operation, Boolean.parseBoolean(natives));
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
    Set<String> unindexedInScope = new HashSet<>(catalog.unindexedIdsInSources(scope));
    List<String> selected = new ArrayList<>();
    Set<String> chosen = new HashSet<>();
    Optional<DirectoryReader> index = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    try {
      IndexSearcher searcher = index.map(IndexSearcher::new).orElse(null);
      for (String sourceId : scope) {
        Query inSource = SearchQueries.restrict(query, IndexFields.SOURCE_ID, List.of(sourceId));
        MatchTally tally = new MatchTally();
        List<String> hits = List.of();
        if (searcher != null) {
          searcher.search(inSource, tally);
          hits = ItemIds.matching(index.get(), inSource);
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
        if (!isSelected) {
          continue;
        }
        selected.add(sourceId);
        if (settings.searchHits()) {
          for (String id : hits) {
            // An unindexed item is exported as one, with partiallyIndexed, never as a hit.
            if (!unindexedInScope.contains(id)) {
              chosen.add(id);
            }
          }
        }
      }
    } finally {
      if (index.isPresent()) {
        index.get().close();
      }
    }
    if (settings.partiallyIndexed() && !selected.isEmpty()) {
      chosen.addAll(catalog.unindexedIdsInSources(selected));
    }
    List<String> sorted = new ArrayList<>(chosen);
    sorted.sort(Comparator.naturalOrder());
    ids = sorted;
    state.total = ids.size();
    if (checkpoint instanceof SearchExportCheckpoint c) {
      state.resume(c);
      next = c.nextIndex();
    } else {
      state.resume(SearchExportCheckpoint.START);
    }
    run.totalWork(ids.size());
    run.doneWork(next);
  }

  @Override
  public Object readItem() throws Exception {
    if (buffer.isEmpty()) {
      while (buffer.isEmpty() && next < ids.size()) {
        nextPage();
      }
      if (buffer.isEmpty()) {
        if (ended) {
          return null;
        }
        ended = true;
        return SearchExportItem.END;
      }
    }
    return buffer.poll();
  }

  private void nextPage() {
    int end = Math.min(ids.size(), next + page);
    Map<String, Item> items = new HashMap<>();
    for (Item item : catalog.findAll(ids.subList(next, end))) {
      items.put(item.getId(), item);
    }
    for (int i = next; i < end; i++) {
      Item item = items.get(ids.get(i));
      if (item == null) {
        continue;
      }
      SourceFolder folder = folders.get(item.getSourceId());
      boolean message =
          folder != null && ItemContent.isMessage(folder.source().getKind(), item.getLocation());
      buffer.add(
          new SearchExportItem(
              i,
              item,
              custodianOfSource.getOrDefault(item.getSourceId(), ""),
              sourceNames.getOrDefault(item.getSourceId(), ""),
              folder,
              message));
    }
    next = end;
    OperationRun.of(jobContext).doneWork(next);
  }

  @Override
  public Serializable checkpointInfo() {
    return SearchExportState.of(stepContext).committed;
  }
}
