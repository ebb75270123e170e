package org.caseops.batch.estimatestatistics;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemTotals;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.searches.SearchScope;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Runs the operation's search over the case's index, restricted to the sources in the search's scope, and records the
 * estimate: matching items (one document per item, so each counts once) and their size, the unindexed items in scope
 * from the catalog, and the mailboxes and sites with hits. Links the search to the operation. A case without an index
 * yet has no indexed hits. A search that is gone or whose query cannot be run ends the operation failed, saying why.
 */
@Dependent
@Named
public class EstimateStatisticsBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject CustodianRepository custodians;
  @Inject ItemRepository items;

  @Inject @BatchProperty String caseId;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    CaseOperation operation = operations.find(run.operationId()).orElseThrow();
    String searchId = operation.getTarget().getSearchId();
    Optional<EdiscoverySearch> found = searchId == null ? Optional.empty() : searches.find(caseId, searchId);
    if (found.isEmpty()) {
      run.conclude(
          CaseOperationStatus.failed,
          new ResultInfo(404, 0, "The search " + searchId + " does not exist in the case."));
      return "FAILED";
    }
    EdiscoverySearch search = found.get();
    Query query;
    try {
      query = KqlTranslator.toLucene(search.getContentQuery(), null);
    } catch (IllegalArgumentException e) {
      run.conclude(
          CaseOperationStatus.failed,
          new ResultInfo(400, 0, "The search's contentQuery cannot be run: " + e.getMessage()));
      return "FAILED";
    }
    Map<String, CustodianSource> caseSources =
        custodians.listSourcesOfCase(caseId).stream()
            .collect(Collectors.toMap(CustodianSource::getId, Function.identity()));
    Set<String> scope = SearchScope.sourceIds(search, caseSources.values());

    long count = 0;
    long size = 0;
    int mailboxes = 0;
    int sites = 0;
    Optional<DirectoryReader> index = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    if (index.isPresent()) {
      try (DirectoryReader reader = index.get()) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String sourceId : scope) {
          MatchTally tally = new MatchTally();
          searcher.search(SearchQueries.restrict(query, IndexFields.SOURCE_ID, List.of(sourceId)), tally);
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
      }
    }
    ItemTotals unindexed = items.unindexedInSources(scope);
    operations.recordEstimate(
        run.operationId(), new EstimateStatistics(count, size, unindexed.count(), unindexed.size(), mailboxes, sites));
    searches.markEstimated(search.getId(), run.operationId());
    run.conclude(
        CaseOperationStatus.succeeded,
        new ResultInfo(
            200,
            0,
            summary(count, size, mailboxes, sites, unindexed.count(), unindexed.size())));
    return "COMPLETED";
  }

  /** The operation's resultInfo message, e.g. "299 indexed items (816,021 bytes) match in 1 mailbox and 0 sites; …". */
  static String summary(long count, long size, int mailboxes, int sites, long unindexed, long unindexedSize) {
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
