package org.caseops.domain.searches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.junit.jupiter.api.Test;

class SearchScopeTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private final CustodianSource adeleMail =
      CustodianSource.mailbox("c", "adele", "adele@contoso.com", null, null, NOW);
  private final CustodianSource adeleSite =
      CustodianSource.site("c", "adele", "https://contoso.sharepoint.com/sites/a", null, null, NOW);
  private final CustodianSource meganMail =
      CustodianSource.mailbox("c", "megan", "megan@contoso.com", null, null, NOW);
  private final List<CustodianSource> caseSources = List.of(adeleMail, adeleSite, meganMail);

  @Test
  void boundAndAdditionalSourcesOnly() {
    EdiscoverySearch search = search(Set.of(), List.of(adeleMail.getId()), List.of("extra-source"));

    assertThat(SearchScope.sourceIds(search, caseSources))
        .containsExactly(adeleMail.getId(), "extra-source");
  }

  @Test
  void allCaseCustodiansAddsEverySourceOfTheCaseOnce() {
    EdiscoverySearch search =
        search(Set.of(DataSourceScopes.allCaseCustodians), List.of(adeleMail.getId()), List.of());

    assertThat(SearchScope.sourceIds(search, caseSources))
        .containsExactly(adeleMail.getId(), adeleSite.getId(), meganMail.getId());
  }

  @Test
  void allCaseCustodiansLeavesOutTheSourcesOfReleasedCustodiansButNotBoundOnes() {
    EdiscoverySearch search =
        search(Set.of(DataSourceScopes.allCaseCustodians), List.of(adeleSite.getId()), List.of());

    assertThat(SearchScope.sourceIds(search, caseSources, Set.of("adele")))
        .containsExactly(adeleSite.getId(), meganMail.getId());
  }

  @Test
  void noncustodialSourcesAreCoveredWhenBoundOrByTheirOwnScopeNeverByAllCaseCustodians() {
    CustodianSource shared =
        CustodianSource.noncustodial(
            "c", "n1", SourceKind.USER, "shared@contoso.com", null, null, NOW);
    CustodianSource team =
        CustodianSource.noncustodial(
            "c", "n2", SourceKind.SITE, "https://contoso.sharepoint.com/sites/t", null, null, NOW);
    List<CustodianSource> all = List.of(adeleMail, shared, team);

    EdiscoverySearch custodians =
        search(Set.of(DataSourceScopes.allCaseCustodians), List.of(), List.of());
    assertThat(SearchScope.sourceIds(custodians, all)).containsExactly(adeleMail.getId());

    EdiscoverySearch noncustodial =
        search(Set.of(DataSourceScopes.allCaseNoncustodialDataSources), List.of(), List.of());
    assertThat(SearchScope.sourceIds(noncustodial, all))
        .containsExactly(shared.getId(), team.getId());
    // A released non-custodial data source leaves the scope; one bound by id stays.
    assertThat(SearchScope.sourceIds(noncustodial, all, Set.of("n1")))
        .containsExactly(team.getId());
    EdiscoverySearch bound =
        search(Set.of(), List.of(), List.of()).bindNoncustodialSources(List.of("n1"));
    assertThat(SearchScope.sourceIds(bound, all, Set.of("n1"))).containsExactly(shared.getId());
  }

  @Test
  void tenantScopesAndNoneCoverNothingMore() {
    EdiscoverySearch tenant =
        search(
            Set.of(DataSourceScopes.allTenantMailboxes, DataSourceScopes.allTenantSites),
            List.of(),
            List.of());
    EdiscoverySearch none = search(Set.of(DataSourceScopes.none), List.of(), List.of());

    assertThat(SearchScope.sourceIds(tenant, caseSources)).isEmpty();
    assertThat(SearchScope.sourceIds(none, caseSources)).isEmpty();
  }

  private static EdiscoverySearch search(
      Set<DataSourceScopes> scopes, List<String> bound, List<String> additional) {
    return EdiscoverySearch.create("c", "s", null, "", scopes, bound, additional, null, NOW);
  }
}
