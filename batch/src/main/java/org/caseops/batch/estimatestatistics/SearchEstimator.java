package org.caseops.batch.estimatestatistics;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.caseops.batch.Outcome;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemTotals;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.searches.SearchScope;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * The estimateStatistics use case: runs an operation's search over the case's index, restricted to
 * the sources in the search's scope, and records the estimate on the operation: matching items (one
 * document per item, so each counts once) and their size, the unindexed items in scope from the
 * catalog, and the mailboxes and sites with hits. Items the catalog keeps from their preserved
 * copies only ({@code preservedOnly}) keep their index documents, so they are counted as any hit;
 * how many of the hits they are is counted apart ({@code preservedOnlyItemCount}). Links the search
 * to the operation. A case without an index yet has no indexed hits. A search that is gone or whose
 * query cannot be run fails the operation, saying why, and records nothing.
 */
@Dependent
public class SearchEstimator {
  private static final int ID_SLICE = 10_000;

  private final CaseOperationRepository operations;
  private final SearchRepository searches;
  private final CustodianRepository custodians;
  private final ItemRepository items;

  @Inject
  public SearchEstimator(
      CaseOperationRepository operations,
      SearchRepository searches,
      CustodianRepository custodians,
      ItemRepository items) {
    this.operations = operations;
    this.searches = searches;
    this.custodians = custodians;
    this.items = items;
  }

  /**
   * Estimates the search of the operation (an estimateStatistics operation of the case) and records
   * the estimate.
   *
   * @return how the operation ends: succeeded with a summary, or failed (404: the search is gone;
   *     400: its query cannot be run)
   * @throws IOException when the case's index cannot be read
   */
  public Outcome estimate(String operationId, String caseId) throws IOException {
    CaseOperation operation = operations.find(operationId).orElseThrow();
    String searchId = operation.getTarget().getSearchId();
    Optional<EdiscoverySearch> found =
        searchId == null ? Optional.empty() : searches.find(caseId, searchId);
    if (found.isEmpty()) {
      return Outcome.failed(404, "The search " + searchId + " does not exist in the case.");
    }
    EdiscoverySearch search = found.get();
    Query query;
    try {
      query = KqlTranslator.toLucene(search.getContentQuery(), null);
    } catch (IllegalArgumentException e) {
      return Outcome.failed(400, "The search's contentQuery cannot be run: " + e.getMessage());
    }
    Map<String, CustodianSource> caseSources =
        custodians.listSourcesOfCase(caseId).stream()
            .collect(Collectors.toMap(CustodianSource::getId, Function.identity()));
    Set<String> scope =
        SearchScope.sourceIds(
            search, caseSources.values(), custodians.releasedCustodianIds(caseId));

    long count = 0;
    long size = 0;
    long preservedOnly = 0;
    int mailboxes = 0;
    int sites = 0;
    Optional<DirectoryReader> index = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    if (index.isPresent()) {
      try (DirectoryReader reader = index.get()) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String sourceId : scope) {
          MatchTally tally = new MatchTally();
          searcher.search(
              SearchQueries.restrict(query, IndexFields.SOURCE_ID, List.of(sourceId)), tally);
          count += tally.count();
          size += tally.size();
          CustodianSource source = caseSources.get(sourceId);
          if (tally.count() > 0 && source != null) {
            if (source.getKind() == SourceKind.USER) {
              mailboxes++;
            } else {
              sites++;
            }
          }
        }
        preservedOnly = countPreservedOnly(searcher, query, scope);
      }
    }
    ItemTotals unindexed = items.unindexedInSources(scope);
    operations.recordEstimate(
        operationId,
        new EstimateStatistics(
            count, size, unindexed.count(), unindexed.size(), mailboxes, sites, preservedOnly));
    searches.markEstimated(search.getId(), operationId);
    return Outcome.succeeded(
        summary(count, size, mailboxes, sites, unindexed.count(), unindexed.size())
            + (preservedOnly == 0
                ? ""
                : " "
                    + count(preservedOnly, "matching item is", "matching items are")
                    + " kept from preserved copies only."));
  }

  /**
   * How many of the query's hits in the scope the catalog keeps from their preserved copies only:
   * those items (few: deleted or changed at their source under a hold) are looked up in the
   * catalog, and the query is run again restricted to them, a slice of ids at a time.
   */
  private long countPreservedOnly(IndexSearcher searcher, Query query, Set<String> scope)
      throws IOException {
    List<String> kept = items.preservedOnlyIndexedIdsInSources(scope);
    long matching = 0;
    for (int from = 0; from < kept.size(); from += ID_SLICE) {
      matching +=
          searcher.count(
              SearchQueries.restrict(
                  query,
                  IndexFields.ID,
                  kept.subList(from, Math.min(kept.size(), from + ID_SLICE))));
    }
    return matching;
  }

  /**
   * The operation's resultInfo message, e.g. "299 indexed items (816,021 bytes) match in 1 mailbox
   * and 0 sites; …".
   */
  static String summary(
      long count, long size, int mailboxes, int sites, long unindexed, long unindexedSize) {
    return count(count, "indexed item", "indexed items")
        + " ("
        + count(size, "byte", "bytes")
        + ") "
        + (count == 1 ? "matches" : "match")
        + " in "
        + count(mailboxes, "mailbox", "mailboxes")
        + " and "
        + count(sites, "site", "sites")
        + "; "
        + count(unindexed, "unindexed item", "unindexed items")
        + " ("
        + count(unindexedSize, "byte", "bytes")
        + ") in scope.";
  }

  private static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
  }
}
