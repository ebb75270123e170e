package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.operations.actions.PurgeDataAction;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Json;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.config.CaseopsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The body of purgeData, the purge limit, and how a purge is written. */
class PurgeDataRequestTest {
  private final CaseFixture f = new CaseFixture();

  @AfterEach
  void unset() {
    System.clearProperty(CaseopsConfig.PURGE_MAX_ITEMS.name());
  }

  @Test
  void aPurgeIsRecoverableOfMailboxesByDefault() {
    OperationRequest request =
        OperationRequest.parseParameters(PurgeDataAction.ON_SEARCH, Json.object("{}"), false);
    assertThat(request.action()).isEqualTo(CaseAction.purgeData);
    assertThat(request.parameters()).containsEntry("purgeType", "recoverable");
    assertThat(request.options()).containsExactly("mailboxes");
  }

  @Test
  void permanentlyDeleteNeedsThePreference() {
    String body = "{'purgeType': 'permanentlyDelete', 'purgeAreas': 'mailboxes'}";
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    PurgeDataAction.ON_SEARCH, Json.object(body), false))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "Prefer: include-unknown-enum-members"));
    OperationRequest request =
        OperationRequest.parseParameters(PurgeDataAction.ON_SEARCH, Json.object(body), true);
    assertThat(request.parameters()).containsEntry("purgeType", "permanentlyDelete");
  }

  @Test
  void teamsMessagesAreNotSupported() {
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    PurgeDataAction.ON_SEARCH,
                    Json.object("{'purgeAreas': 'mailboxes,teamsMessages'}"),
                    false))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.notSupported))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "caseops has no Teams content"));
  }

  @Test
  void throughOperationsThePurgeNamesItsSearch() {
    OperationRequest request =
        OperationRequest.parse(
            Json.object(
                "{'@odata.type': '#microsoft.graph.security.ediscoveryPurgeDataOperation',"
                    + " 'action': 'purgeData', 'search': {'id': 's1'}, 'purgeType': 'recoverable'}"),
            true);
    assertThat(request.searchId()).isEqualTo("s1");
    assertThat(request.parameters()).containsEntry("purgeType", "recoverable");
  }

  @Test
  void aPurgeOfMoreItemsThanTheLimitIsRefusedBeforeAnythingIsStored() {
    EdiscoverySearch search = f.search("Spill");
    System.setProperty(CaseopsConfig.PURGE_MAX_ITEMS.name(), "100");
    f.searchMatches = 101;
    assertThatThrownBy(
            () ->
                f.operationService.submit(
                    f.caseId,
                    CaseAction.purgeData,
                    OperationTarget.search(search.getId(), List.of("mailboxes")),
                    Map.of("purgeType", "recoverable"),
                    CaseFixture.ALICE))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "matches 101 items", "the 100 items"));
    assertThat(f.operations.stored).isEmpty();
    assertThat(f.jobs.started).isEmpty();

    f.searchMatches = 100;
    CaseOperation accepted =
        f.operationService.submit(
            f.caseId,
            CaseAction.purgeData,
            OperationTarget.search(search.getId(), List.of("mailboxes")),
            Map.of("purgeType", "recoverable"),
            CaseFixture.ALICE);
    assertThat(accepted.getAction()).isEqualTo(CaseAction.purgeData);
  }

  @Test
  void thePurgeTypeFollowsThePreferRuleWhenWritten() {
    CaseOperation op =
        CaseOperation.submit(
            f.caseId,
            CaseAction.purgeData,
            OperationTarget.search("s1", List.of("mailboxes")),
            Map.of("purgeType", "permanentlyDelete"),
            CaseFixture.ALICE,
            CaseFixture.NOW);
    JsonObject masked = OperationJson.item(op, false);
    assertThat(masked.getString("purgeType")).isEqualTo("unknownFutureValue");
    assertThat(masked.getString("action")).isEqualTo("unknownFutureValue");
    JsonObject shown = OperationJson.item(op, true);
    assertThat(shown.getString("purgeType")).isEqualTo("permanentlyDelete");
    assertThat(shown.getString("purgeAreas")).isEqualTo("mailboxes");
    assertThat(shown.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryPurgeDataOperation");
    assertThat(shown.getJsonArray("reportFileMetadata")).isEmpty();
  }
}
