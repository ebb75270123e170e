package org.caseops.domain.searches;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.caseops.domain.custodians.CustodianSource;

/**
 * Which sources a search covers: the custodian sources bound to it, the additional sources, the
 * dataSource of each non-custodial data source bound to it ({@code noncustodialSources}), every
 * source of the case's custodians when it covers all case custodians, and the dataSource of every
 * non-custodial data source when it covers {@code allCaseNoncustodialDataSources}; released ones
 * are left out of the two scopes. No other data source scope widens a search.
 */
public final class SearchScope {
  private SearchScope() {}

  /**
   * The ids of the sources the search covers, bound sources first.
   *
   * @param caseSources every source of every custodian of the search's case
   */
  public static Set<String> sourceIds(
      EdiscoverySearch search, Collection<CustodianSource> caseSources) {
    return sourceIds(search, caseSources, Set.of());
  }

  /**
   * The ids of the sources the search covers, bound sources first; a released custodian is no
   * longer one of the case's custodians, so {@code allCaseCustodians} leaves its sources out (a
   * source bound to the search by id stays).
   *
   * @param caseSources every source of every custodian of the search's case
   * @param releasedCustodianIds the case's released custodians and non-custodial data sources
   */
  public static Set<String> sourceIds(
      EdiscoverySearch search,
      Collection<CustodianSource> caseSources,
      Set<String> releasedCustodianIds) {
    Set<String> ids = new LinkedHashSet<>(search.getCustodianSourceIds());
    ids.addAll(search.getAdditionalSourceIds());
    boolean custodial = search.coversAllCaseCustodians();
    boolean noncustodial = search.coversAllCaseNoncustodialDataSources();
    Set<String> bound = search.getNoncustodialSourceIds();
    for (CustodianSource source : caseSources) {
      if (source.isNoncustodial() && bound.contains(source.getNoncustodialId())) {
        ids.add(source.getId());
        continue;
      }
      boolean covered = source.isNoncustodial() ? noncustodial : custodial;
      if (covered && !releasedCustodianIds.contains(source.containerId())) {
        ids.add(source.getId());
      }
    }
    return ids;
  }
}
