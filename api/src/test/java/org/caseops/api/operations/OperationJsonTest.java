package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.testing.Fields;
import org.caseops.api.testing.Json;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationJsonTest {
  private static final String CASE = "22aa2acd-7554-4330-9ba9-ce20014aaae4";
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");
  private static final Instant CREATED = Instant.parse("2024-03-01T10:15:30.123456Z");

  private static CaseOperation operation(CaseAction action) {
    return CaseOperation.submit(CASE, action, IdentitySet.user("u1", "Alice"), CREATED);
  }

  @Test
  void aNewOperationHasGraphsShape() {
    CaseOperation op = operation(CaseAction.index);

    JsonObject json = OperationJson.entity(ROOT, op, false);

    assertThat(json.keySet())
        .containsExactly(
            "@odata.context",
            "@odata.type",
            "id",
            "action",
            "status",
            "percentProgress",
            "createdDateTime",
            "completedDateTime",
            "createdBy",
            "resultInfo");
    assertThat(json.getString("@odata.context"))
        .isEqualTo(
            "http://localhost:8080/v1.0/$metadata#security/cases/ediscoveryCases('"
                + CASE
                + "')/operations/$entity");
    assertThat(json.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryIndexOperation");
    assertThat(json.getString("id")).isEqualTo(op.getId()).matches("[0-9a-f]{32}");
    assertThat(json.getString("action")).isEqualTo("index");
    assertThat(json.getString("status")).isEqualTo("notStarted");
    assertThat(json.getInt("percentProgress")).isZero();
    assertThat(json.getString("createdDateTime")).isEqualTo("2024-03-01T10:15:30.123456Z");
    assertThat(json.getString("completedDateTime")).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(json.get("createdBy"))
        .isEqualTo(
            Json.object("{'user': {'id': 'u1', 'displayName': 'Alice'}, 'application': null}"));
    assertThat(json.get("resultInfo")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void aFinishedOperationShowsItsEndAndResult() {
    CaseOperation op = operation(CaseAction.index);
    Fields.set(op, "status", CaseOperationStatus.partiallySucceeded);
    Fields.set(op, "percentProgress", 100);
    Fields.set(op, "completedDateTime", Instant.parse("2024-03-01T10:20:00Z"));
    Fields.set(op, "resultInfo", new ResultInfo(207, 0, "2 items could not be indexed"));

    JsonObject json = OperationJson.item(op, false);

    assertThat(json.containsKey("@odata.context")).isFalse();
    assertThat(json.getString("status")).isEqualTo("partiallySucceeded");
    assertThat(json.getInt("percentProgress")).isEqualTo(100);
    assertThat(json.getString("completedDateTime")).isEqualTo("2024-03-01T10:20:00Z");
    assertThat(json.getJsonObject("resultInfo"))
        .isEqualTo(
            Json.object("{'code': 207, 'message': '2 items could not be indexed', 'subcode': 0}"));
  }

  @ParameterizedTest
  @CsvSource({
    "contentExport, ediscoveryExportOperation",
    "applyTags, ediscoveryTagOperation",
    "convertToPdf, caseOperation",
    "index, ediscoveryIndexOperation",
    "estimateStatistics, ediscoveryEstimateOperation",
    "addToReviewSet, ediscoveryAddToReviewSetOperation",
    "holdUpdate, ediscoveryHoldOperation",
    "purgeData, ediscoveryPurgeDataOperation",
    "exportReport, ediscoverySearchExportOperation",
    "exportResult, ediscoverySearchExportOperation",
    "holdPolicySync, ediscoveryHoldPolicySyncOperation"
  })
  void odataTypeIsTheDerivedTypeOfTheAction(CaseAction action, String type) {
    assertThat(OperationJson.item(operation(action), true).getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security." + type);
  }

  @ParameterizedTest
  @CsvSource({"purgeData", "exportReport", "exportResult", "holdPolicySync"})
  void laterActionsAreMaskedUnlessTheClientAskedForThem(CaseAction action) {
    assertThat(OperationJson.item(operation(action), false).getString("action"))
        .isEqualTo("unknownFutureValue");
    assertThat(OperationJson.item(operation(action), true).getString("action"))
        .isEqualTo(action.name());
  }

  @Test
  void knownActionsAreNeverMasked() {
    assertThat(OperationJson.item(operation(CaseAction.holdUpdate), false).getString("action"))
        .isEqualTo("holdUpdate");
  }

  @Test
  void anotherContextCanBeGiven() {
    JsonObject json = OperationJson.entity("ctx", operation(CaseAction.index), false);
    assertThat(json.getString("@odata.context")).isEqualTo("ctx");
  }
}
