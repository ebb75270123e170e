package org.caseops.batch.addtoreviewset;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.searches.SearchScope;

/**
 * What an addToReviewSet operation works on, read from its target: the review set, the search's
 * query as Lucene runs it, the sources in the search's scope, and whether unindexed items in scope
 * go in too ({@code itemsToInclude} holding {@code partiallyIndexed}; {@code searchHits}, the
 * default, adds the matching indexed items).
 */
record ReviewSetTarget(
    String reviewSetId,
    Query query,
    Set<String> scope,
    Map<String, CustodianSource> sources,
    boolean unindexedToo) {
  static final String PARTIALLY_INDEXED = "partiallyIndexed";
  static final String SEARCH_HITS = "searchHits";

  /**
   * Reads the target of the operation.
   *
   * @throws IllegalArgumentException saying what is wrong when the review set or search is gone, or
   *     the query cannot be run
   */
  static ReviewSetTarget of(
      CaseOperation operation,
      SearchRepository searches,
      ReviewSetRepository reviewSets,
      CustodianRepository custodians) {
    String caseId = operation.getCaseId();
    String reviewSetId = operation.getTarget().getReviewSetId();
    if (reviewSetId == null || reviewSets.find(caseId, reviewSetId).isEmpty()) {
      throw new IllegalArgumentException(
          "The review set " + reviewSetId + " does not exist in the case.");
    }
    String searchId = operation.getTarget().getSearchId();
    EdiscoverySearch search =
        (searchId == null
                ? java.util.Optional.<EdiscoverySearch>empty()
                : searches.find(caseId, searchId))
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
    List<String> options = operation.getTarget().getOptions();
    return new ReviewSetTarget(
        reviewSetId,
        query,
        SearchScope.sourceIds(search, sources.values(), custodians.releasedCustodianIds(caseId)),
        sources,
        options.contains(PARTIALLY_INDEXED));
  }
}
