package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.operations.actions.ContentExportAction;
import org.caseops.api.operations.actions.OperationExtras;
import org.caseops.api.requests.PathNormalizer;
import org.caseops.api.testing.Json;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.TargetRole;
import org.junit.jupiter.api.Test;

/**
 * The body of contentExport, through its endpoints and POST .../operations, and how it is written.
 */
class ContentExportRequestTest {
  private static final String RS = "6f1c8e0e-3b7a-4b43-9d35-0c4f0d2c7a11";

  @Test
  void outputNameIsRequiredAndTheOtherPartsAreKept() {
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    ContentExportAction.ON_REVIEW_SET, Json.object("{}"), false))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("needs the property 'outputName'");

    OperationRequest request =
        OperationRequest.parseParameters(
            ContentExportAction.ON_QUERY,
            Json.object(
                "{'outputName': 'Vol 1', 'description': 'First production',"
                    + " 'exportOptions': 'originalFiles, text,tags', 'exportStructure': 'directory'}"),
            false);
    assertThat(request.action()).isEqualTo(CaseAction.contentExport);
    assertThat(request.options()).containsExactly("originalFiles", "text", "tags");
    assertThat(request.parameters())
        .containsEntry("outputName", "Vol 1")
        .containsEntry("description", "First production")
        .containsEntry("exportStructure", "directory");
  }

  @Test
  void batesPrefixAndStartAreCheckedAndKept() {
    OperationRequest request =
        OperationRequest.parseParameters(
            ContentExportAction.ON_REVIEW_SET,
            Json.object("{'outputName': 'x', 'batesPrefix': 'CV-118_', 'batesStart': 1001}"),
            false);
    assertThat(request.parameters())
        .containsEntry("batesPrefix", "CV-118_")
        .containsEntry("batesStart", "1001");
    for (String bad :
        List.of(
            "'batesPrefix': 'a b'",
            "'batesPrefix': '../x'",
            "'batesStart': 0",
            "'batesStart': 1.5",
            "'batesStart': '7'")) {
      assertThatThrownBy(
              () ->
                  OperationRequest.parseParameters(
                      ContentExportAction.ON_REVIEW_SET,
                      Json.object("{'outputName': 'x', " + bad + "}"),
                      false))
          .as(bad)
          .isInstanceOf(ApiException.class)
          .hasMessageContaining(bad.substring(1, bad.indexOf("'", 1)));
    }
  }

  @Test
  void pstAndMsgAreNotSupported() {
    for (String structure : List.of("pst", "msg")) {
      assertThatThrownBy(
              () ->
                  OperationRequest.parseParameters(
                      ContentExportAction.ON_REVIEW_SET,
                      Json.object("{'outputName': 'x', 'exportStructure': '" + structure + "'}"),
                      true))
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.notSupported))
          .hasMessageContaining("caseops exports each file as its native");
    }
  }

  @Test
  void membersAfterTheSentinelNeedThePreference() {
    String body = "{'outputName': 'x', 'exportOptions': 'originalFiles,includeFolderAndPath'}";
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    ContentExportAction.ON_REVIEW_SET, Json.object(body), false))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("includeFolderAndPath");
    assertThat(
            OperationRequest.parseParameters(
                    ContentExportAction.ON_REVIEW_SET, Json.object(body), true)
                .options())
        .containsExactly("originalFiles", "includeFolderAndPath");
  }

  @Test
  void postOperationsTakesTheReviewSetAndAnOptionalQuery() {
    OperationRequest request =
        OperationRequest.parse(
            Json.object(
                "{'@odata.type': '#microsoft.graph.security.ediscoveryExportOperation',"
                    + " 'action': 'contentExport', 'reviewSet': {'id': '"
                    + RS
                    + "'}, 'outputName': 'x', 'exportFileMetadata': []}"),
            false);
    assertThat(request.reviewSetId()).isEqualTo(RS);
    assertThat(request.queryId()).isNull();
    assertThat(request.parameters()).containsEntry("outputName", "x");
  }

  @Test
  void theOperationCarriesItsParametersAndAnArrayOfFiles() {
    CaseOperation op =
        CaseOperation.submit(
            "case-1",
            CaseAction.contentExport,
            OperationTarget.of(null, RS, null, List.of(), List.of(), List.of("originalFiles")),
            java.util.Map.of("outputName", "Vol 1"),
            IdentitySet.user("u1", "Alice"),
            Instant.parse("2026-12-03T12:00:00Z"));
    JsonObject json =
        OperationJson.item(
            op,
            false,
            operation ->
                List.of(new OperationExtras.FileMetadata("Vol_1_part001.zip", 42, "http://x/d")));

    assertThat(json.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryExportOperation");
    assertThat(json.getString("outputName")).isEqualTo("Vol 1");
    assertThat(json.isNull("description")).isTrue();
    assertThat(json.getString("exportOptions")).isEqualTo("originalFiles");
    assertThat(json.getJsonArray("exportFileMetadata")).hasSize(1);
    JsonObject file = json.getJsonArray("exportFileMetadata").getJsonObject(0);
    assertThat(file.getString("fileName")).isEqualTo("Vol_1_part001.zip");
    assertThat(file.getJsonNumber("size").longValue()).isEqualTo(42);
    assertThat(file.getString("downloadUrl")).isEqualTo("http://x/d");
    assertThat(OperationJson.item(op, false).getJsonArray("exportFileMetadata")).isEmpty();
  }

  @Test
  void theExportSegmentIsLearnedFromTheDescriptors() {
    assertThat(ContentExportAction.ON_QUERY.fromUrl())
        .containsExactlyInAnyOrder(TargetRole.REVIEW_SET, TargetRole.QUERY);
    assertThat(
            PathNormalizer.normalize(
                "/v1.0/security/cases/ediscoveryCases('c')/reviewSets('r')/microsoft.graph.security.export"))
        .isEqualTo("/v1.0/security/cases/ediscoveryCases/c/reviewSets/r/export");
    assertThat(
            PathNormalizer.normalize(
                "/v1.0/security/cases/ediscoverycases/c/reviewsets/r/queries/q/EXPORT"))
        .isEqualTo("/v1.0/security/cases/ediscoveryCases/c/reviewSets/r/queries/q/export");
  }
}
