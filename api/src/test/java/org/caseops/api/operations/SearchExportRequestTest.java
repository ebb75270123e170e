package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.operations.actions.OperationExtras;
import org.caseops.api.operations.actions.SearchExportAction;
import org.caseops.api.requests.PathNormalizer;
import org.caseops.api.testing.Json;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.OperationTarget;
import org.junit.jupiter.api.Test;

/**
 * The bodies of exportReport and exportResult, through their endpoints and POST .../operations, and
 * how their operation is written.
 */
class SearchExportRequestTest {
  private static final String SEARCH = "9a1c8e0e3b7a4b439d350c4f0d2c7a11";

  private static OperationRequest report(String body) {
    return OperationRequest.parseParameters(
        SearchExportAction.REPORT_ON_SEARCH, Json.object(body), true);
  }

  private static OperationRequest result(String body) {
    return OperationRequest.parseParameters(
        SearchExportAction.RESULT_ON_SEARCH, Json.object(body), true);
  }

  private static ApiException refusal(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  void displayNameIsRequiredAndCriteriaAndLocationHaveGraphsDefaults() {
    assertThat(refusal(() -> report("{}")).getMessage())
        .contains("'exportReport' needs the property 'displayName'");
    OperationRequest request = report("{'displayName': 'Hits', 'description': 'For counsel'}");
    assertThat(request.action()).isEqualTo(CaseAction.exportReport);
    assertThat(request.options()).containsExactly("searchHits", "responsiveLocations");
    assertThat(request.parameters())
        .containsEntry("displayName", "Hits")
        .containsEntry("description", "For counsel")
        .doesNotContainKey("exportFormat");
  }

  @Test
  void criteriaLocationsAndTheHonouredOptionsAreKept() {
    OperationRequest request =
        result(
            "{'displayName': 'x', 'exportCriteria': 'searchHits, partiallyIndexed',"
                + " 'exportLocation': 'nonresponsiveLocations',"
                + " 'additionalOptions': 'includeReport,includeFolderAndPath,condensePaths,"
                + "friendlyName', 'exportFormat': 'eml', 'exportSingleItems': true,"
                + " 'documentVersion': 'latest'}");
    assertThat(request.action()).isEqualTo(CaseAction.exportResult);
    assertThat(request.options())
        .containsExactly(
            "searchHits",
            "partiallyIndexed",
            "nonresponsiveLocations",
            "includeFolderAndPath",
            "condensePaths",
            "friendlyName",
            "includeReport");
    assertThat(request.parameters()).containsEntry("exportFormat", "eml");
    assertThat(result("{'displayName': 'x', 'additionalOptions': 'none'}").options())
        .containsExactly("searchHits", "responsiveLocations");
    assertThat(result("{'displayName': 'x'}").parameters()).containsEntry("exportFormat", "eml");
  }

  @Test
  void pstAndMsgAreRefusedAsNotSupportedNamingEml() {
    for (String format : List.of("pst", "msg")) {
      ApiException e =
          refusal(() -> result("{'displayName': 'x', 'exportFormat': '" + format + "'}"));
      assertThat(e.code()).isEqualTo(ErrorCode.notSupported);
      assertThat(e.getMessage())
          .contains("exportFormat '" + format + "'")
          .contains(".eml it collected")
          .contains("use 'eml'");
    }
    assertThat(refusal(() -> result("{'displayName': 'x', 'exportSingleItems': false}")).code())
        .isEqualTo(ErrorCode.notSupported);
    // exportFormat is a parameter of exportResult only.
    assertThat(refusal(() -> report("{'displayName': 'x', 'exportFormat': 'eml'}")).getMessage())
        .contains("exportFormat");
  }

  @Test
  void optionsForContentCaseopsDoesNotCollectAreRefusedNamingThem() {
    for (String option :
        List.of(
            "teamsAndYammerConversations",
            "cloudAttachments",
            "allDocumentVersions",
            "subfolderContents",
            "listAttachments",
            "htmlTranscripts",
            "advancedIndexing",
            "allItemsInFolder",
            "splitSource")) {
      ApiException e =
          refusal(() -> result("{'displayName': 'x', 'additionalOptions': '" + option + "'}"));
      assertThat(e.code()).as(option).isEqualTo(ErrorCode.notSupported);
      assertThat(e.getMessage())
          .contains("'" + option + "' is not supported")
          .contains("caseops honours includeReport");
    }
    ApiException onReport =
        refusal(() -> report("{'displayName': 'x', 'additionalOptions': 'includeReport'}"));
    assertThat(onReport.getMessage()).contains("an option of exportResult");
  }

  @Test
  void membersAfterTheSentinelNeedThePreference() {
    String body = "{'displayName': 'x', 'additionalOptions': 'includeReport'}";
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    SearchExportAction.RESULT_ON_SEARCH, Json.object(body), false))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("'includeReport'")
        .hasMessageContaining("Prefer");
    assertThatThrownBy(
            () ->
                OperationRequest.parse(
                    Json.object(
                        "{'action': 'exportReport', 'search': {'id': '"
                            + SEARCH
                            + "'}, 'displayName': 'x'}"),
                    false))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Prefer");
  }

  @Test
  void postOperationsTakesTheSearchAndTheParameters() {
    OperationRequest request =
        OperationRequest.parse(
            Json.object(
                "{'@odata.type': '#microsoft.graph.security.ediscoverySearchExportOperation',"
                    + " 'action': 'exportResult', 'search': {'id': '"
                    + SEARCH
                    + "'}, 'displayName': 'x', 'exportCriteria': 'partiallyIndexed',"
                    + " 'exportFileMetadata': []}"),
            true);
    assertThat(request.action()).isEqualTo(CaseAction.exportResult);
    assertThat(request.searchId()).isEqualTo(SEARCH);
    assertThat(request.options()).containsExactly("partiallyIndexed", "responsiveLocations");
    assertThat(request.parameters()).containsEntry("displayName", "x");
  }

  @Test
  void theOperationCarriesItsParametersAndFilesAndMasksItsAction() {
    CaseOperation op =
        CaseOperation.submit(
            "case-1",
            CaseAction.exportResult,
            OperationTarget.search(
                SEARCH, List.of("searchHits", "responsiveLocations", "includeReport")),
            Map.of("displayName", "Hits", "exportFormat", "eml"),
            IdentitySet.user("u1", "Alice"),
            Instant.parse("2026-12-03T12:00:00Z"));
    OperationExtras files =
        operation -> List.of(new OperationExtras.FileMetadata("Hits_items.csv", 7, "http://x/d"));
    JsonObject json = OperationJson.item(op, true, files);
    assertThat(json.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoverySearchExportOperation");
    assertThat(json.getString("action")).isEqualTo("exportResult");
    assertThat(json.getString("displayName")).isEqualTo("Hits");
    assertThat(json.isNull("description")).isTrue();
    assertThat(json.getString("exportCriteria")).isEqualTo("searchHits");
    assertThat(json.getString("exportLocation")).isEqualTo("responsiveLocations");
    assertThat(json.getString("additionalOptions")).isEqualTo("includeReport");
    assertThat(json.getString("exportFormat")).isEqualTo("eml");
    assertThat(json.getJsonArray("exportFileMetadata").getJsonObject(0).getString("fileName"))
        .isEqualTo("Hits_items.csv");
    JsonObject masked = OperationJson.item(op, false, files);
    assertThat(masked.getString("action")).isEqualTo("unknownFutureValue");
    assertThat(masked.getString("additionalOptions")).isEqualTo("unknownFutureValue");
  }

  @Test
  void theQualifiedActionSegmentsReachTheEndpoints() {
    String base = "/v1.0/security/cases/ediscoveryCases/c1/searches/s1/";
    assertThat(PathNormalizer.normalize(base + "microsoft.graph.security.exportReport"))
        .isEqualTo(base + "exportReport");
    assertThat(PathNormalizer.normalize(base + "microsoft.graph.security.exportresult"))
        .isEqualTo(base + "exportResult");
  }
}
