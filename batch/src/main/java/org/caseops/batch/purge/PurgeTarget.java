package org.caseops.batch.purge;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.searches.SearchScope;

/**
 * What a purgeData operation works on, read from the operation: its search's query as Lucene runs
 * it, the sources in the search's scope, and whether the purge is permanent ({@code purgeType}
 * {@code permanentlyDelete}) or recoverable (the default).
 */
record PurgeTarget(
    String searchId,
    Query query,
    Set<String> scope,
    Map<String, CustodianSource> sources,
    boolean permanent) {
  /** The operation parameter that keeps the purge type's member name. */
  static final String PURGE_TYPE = "purgeType";

  static final String PERMANENTLY_DELETE = "permanentlyDelete";

  static PurgeTarget of(
      CaseOperation operation, SearchRepository searches, CustodianRepository custodians) {
    String caseId = operation.getCaseId();
    String searchId = operation.getTarget().getSearchId();
    EdiscoverySearch search =
        (searchId == null ? Optional.<EdiscoverySearch>empty() : searches.find(caseId, searchId))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The search " + searchId + " does not exist in the case."));
    Query query;
    try {
      query = KqlTranslator.toLucene(search.getContentQuery(), null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The search's contentQuery cannot be run: " + e.getMessage(), e);
    }
    Map<String, CustodianSource> sources =
        custodians.listSourcesOfCase(caseId).stream()
            .collect(Collectors.toMap(CustodianSource::getId, Function.identity()));
    return new PurgeTarget(
        searchId,
        query,
        SearchScope.sourceIds(search, sources.values(), custodians.releasedCustodianIds(caseId)),
        sources,
        PERMANENTLY_DELETE.equals(operation.parameter(PURGE_TYPE)));
  }
}
