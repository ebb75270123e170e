package org.caseops.api.searches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.support.ListQuery;
import org.junit.jupiter.api.Test;

class SearchServiceTest {
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

  private final CaseFixture f = new CaseFixture();
  private final SearchService service = f.searchService;

  private String url(CustodianSource source, String kind) {
    return "https://localhost:8080/v1.0/security/cases/ediscoveryCases/"
        + f.caseId
        + "/custodians/"
        + f.custodian.getId()
        + "/"
        + kind
        + "/"
        + source.getId();
  }

  private SearchRequests.NewSearch request(
      List<String> custodianSources, List<String> additionalSources) {
    return new SearchRequests.NewSearch(
        "S",
        null,
        "budget",
        Set.of(DataSourceScopes.allCaseCustodians),
        custodianSources,
        additionalSources,
        List.of());
  }

  @Test
  void createBindsSourcesGivenAsAbsoluteRelativeOrKeyUrls() {
    String relative = "custodians/" + f.custodian.getId() + "/siteSources/" + f.site.getId();
    String keyed =
        "/beta/security/cases/ediscoverycases('"
            + f.caseId
            + "')/custodians('"
            + f.custodian.getId()
            + "')/userSources('"
            + f.mailbox.getId()
            + "')";

    EdiscoverySearch s =
        service.create(
            f.caseId,
            request(List.of(url(f.mailbox, "userSources"), relative), List.of(keyed)),
            CaseFixture.ALICE);

    assertThat(f.searches.stored).containsKey(s.getId());
    assertThat(s.getCustodianSourceIds())
        .containsExactlyInAnyOrder(f.mailbox.getId(), f.site.getId());
    assertThat(s.getAdditionalSourceIds()).containsExactly(f.mailbox.getId());
    assertThat(s.getCreatedBy()).isEqualTo(CaseFixture.ALICE);
    assertThat(service.custodianSources(f.caseId, s.getId()))
        .extracting(CustodianSource::getId)
        .containsExactlyInAnyOrder(f.mailbox.getId(), f.site.getId());
    assertThat(service.additionalSources(f.caseId, s.getId()))
        .extracting(CustodianSource::getId)
        .containsExactly(f.mailbox.getId());
  }

  @Test
  void aUrlThatIsNotASourceOfThisCaseIsRefusedByName() {
    String other = f.otherCase();
    String otherCaseUrl = url(f.mailbox, "userSources").replace(f.caseId, other);
    String wrongKind = url(f.mailbox, "siteSources");
    String notASource =
        "https://localhost/v1.0/security/cases/ediscoveryCases/" + f.caseId + "/searches/x";
    for (String bad : List.of(otherCaseUrl, wrongKind, notASource, "::not a url")) {
      assertThatRefusedBy(
              () -> service.create(f.caseId, request(List.of(bad), List.of()), CaseFixture.ALICE))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.getMessage()).contains("custodianSources@odata.bind");
              });
    }
    assertThat(f.searches.stored).isEmpty();
  }

  @Test
  void aSearchOfAnUnknownCaseIs404() {
    assertThatRefusedBy(
            () ->
                service.create(
                    "00000000-0000-0000-0000-000000000001",
                    request(List.of(), List.of()),
                    CaseFixture.ALICE))
        .satisfies(t -> assertThat(ApiErrors.of(t).status()).isEqualTo(404));
  }

  @Test
  void listGetUpdateAndDelete() {
    EdiscoverySearch a = service.create(f.caseId, request(List.of(), List.of()), CaseFixture.ALICE);
    assertThat(service.list(f.caseId, ListQuery.page(0, 10)))
        .extracting(EdiscoverySearch::getId)
        .containsExactly(a.getId());
    assertThat(service.count(f.caseId, null)).isEqualTo(1);

    service.update(
        f.caseId,
        a.getId(),
        new SearchRequests.SearchChanges("T", true, "new", "subject:x", Set.of()),
        CaseFixture.ALICE);
    EdiscoverySearch changed = service.get(f.caseId, a.getId());
    assertThat(changed.getDisplayName()).isEqualTo("T");
    assertThat(changed.getDescription()).isEqualTo("new");
    assertThat(changed.getContentQuery()).isEqualTo("subject:x");
    assertThat(changed.getDataSourceScopes()).isEmpty();
    assertThat(f.searches.updates).isEqualTo(1);

    service.delete(f.caseId, a.getId());
    assertThatThrownBy(() -> service.get(f.caseId, a.getId()))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains(a.getId());
            });
  }

  @Test
  void estimateStartsAnOperationOnTheSearchWithItsOptions() {
    EdiscoverySearch s = f.search("S");
    OperationRequest params =
        OperationRequest.parseParameters(
            CaseAction.estimateStatistics,
            org.caseops.api.testing.Json.object(
                "{'statisticsOptions':'includeQueryStats,includeRefiners'}"),
            false);

    CaseOperation op = service.estimate(f.caseId, s.getId(), params, CaseFixture.ALICE);

    assertThat(op.getAction()).isEqualTo(CaseAction.estimateStatistics);
    assertThat(op.getTarget().getSearchId()).isEqualTo(s.getId());
    assertThat(op.getTarget().getOptions()).containsExactly("includeRefiners", "includeQueryStats");
    assertThat(f.jobs.started).containsExactly("estimateStatistics");
    assertThat(f.jobs.parameters.get(0))
        .containsEntry("operationId", op.getId())
        .containsEntry("caseId", f.caseId);
  }

  @Test
  void searchExportsStartTheirJobOnTheSearchWithTheirParametersAndOneAtATimePerSearch() {
    EdiscoverySearch s = f.search("S");
    OperationRequest params =
        OperationRequest.parseParameters(
            org.caseops.api.operations.actions.SearchExportAction.RESULT_ON_SEARCH,
            org.caseops.api.testing.Json.object(
                "{'displayName':'Hits','exportCriteria':'partiallyIndexed',"
                    + "'additionalOptions':'includeReport'}"),
            true);

    CaseOperation op =
        service.export(f.caseId, s.getId(), CaseAction.exportResult, params, CaseFixture.ALICE);

    assertThat(op.getAction()).isEqualTo(CaseAction.exportResult);
    assertThat(op.getTarget().getSearchId()).isEqualTo(s.getId());
    assertThat(op.getTarget().getOptions())
        .containsExactly("partiallyIndexed", "responsiveLocations", "includeReport");
    assertThat(op.parameter("displayName")).isEqualTo("Hits");
    assertThat(op.parameter("exportFormat")).isEqualTo("eml");
    assertThat(f.jobs.started).containsExactly("exportResult");
    assertThatThrownBy(
            () ->
                service.export(
                    f.caseId, s.getId(), CaseAction.exportResult, params, CaseFixture.ALICE))
        .satisfies(t -> assertThat(ApiErrors.of(t).status()).isEqualTo(409));
    // A report of the same search is another action: it runs beside the export.
    OperationRequest report =
        OperationRequest.parseParameters(
            org.caseops.api.operations.actions.SearchExportAction.REPORT_ON_SEARCH,
            org.caseops.api.testing.Json.object("{'displayName':'Report'}"),
            true);
    assertThat(
            service
                .export(f.caseId, s.getId(), CaseAction.exportReport, report, CaseFixture.ALICE)
                .getAction())
        .isEqualTo(CaseAction.exportReport);
    assertThatThrownBy(
            () ->
                service.export(
                    f.caseId, "nosuchsearch", CaseAction.exportReport, report, CaseFixture.ALICE))
        .satisfies(t -> assertThat(ApiErrors.of(t).status()).isEqualTo(404));
  }

  @Test
  void estimatesOfDifferentSearchesRunTogetherButNotTwiceOnOne() {
    EdiscoverySearch a = f.search("A");
    EdiscoverySearch b = f.search("B");
    OperationRequest none = new OperationRequest(CaseAction.estimateStatistics);
    CaseOperation first = service.estimate(f.caseId, a.getId(), none, CaseFixture.ALICE);
    service.estimate(f.caseId, b.getId(), none, CaseFixture.ALICE);

    assertThatThrownBy(() -> service.estimate(f.caseId, a.getId(), none, CaseFixture.ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).contains(first.getId()).contains(a.getId());
            });
    f.operations.complete(first.getId(), CaseOperationStatus.succeeded, null, CaseFixture.NOW);
    assertThat(service.estimate(f.caseId, a.getId(), none, CaseFixture.ALICE).getId())
        .isNotEqualTo(first.getId());
  }

  @Test
  void lastEstimateIs404UntilOneRanThenTheOperation() {
    EdiscoverySearch s = f.search("S");
    assertThatThrownBy(() -> service.lastEstimate(f.caseId, s.getId()))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains("lastEstimateStatisticsOperation");
            });

    CaseOperation op =
        service.estimate(
            f.caseId,
            s.getId(),
            new OperationRequest(CaseAction.estimateStatistics),
            CaseFixture.ALICE);
    f.searches.markEstimated(s.getId(), op.getId());

    assertThat(service.lastEstimate(f.caseId, s.getId()).getId()).isEqualTo(op.getId());
  }

  @Test
  void jsonHasGraphsShapeWithScopesAsFlags() {
    EdiscoverySearch s =
        EdiscoverySearch.create(
            f.caseId,
            "S",
            null,
            "budget",
            Set.of(DataSourceScopes.allCaseCustodians, DataSourceScopes.allTenantMailboxes),
            List.of(),
            List.of(),
            CaseFixture.ALICE,
            CaseFixture.NOW);

    JsonObject json = SearchJson.entity(ROOT, s, false);

    assertThat(json.getString("@odata.context"))
        .isEqualTo(
            "http://localhost:8080/v1.0/$metadata#security/cases/ediscoveryCases('"
                + f.caseId
                + "')/searches/$entity");
    assertThat(json.getString("dataSourceScopes"))
        .isEqualTo("allTenantMailboxes,allCaseCustodians");
    assertThat(json.getString("contentQuery")).isEqualTo("budget");
    assertThat(json.isNull("description")).isTrue();
    assertThat(json.getString("createdDateTime")).isEqualTo("2024-03-01T10:15:30.123456Z");
    assertThat(json).doesNotContainKey("lastEstimateStatisticsOperation");
    assertThat(
            SearchJson.item(
                    EdiscoverySearch.create(
                        f.caseId,
                        "E",
                        null,
                        null,
                        Set.of(),
                        List.of(),
                        List.of(),
                        CaseFixture.ALICE,
                        CaseFixture.NOW),
                    false)
                .getString("dataSourceScopes"))
        .isEqualTo("none");
  }
}
