package org.caseops.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.api.testing.Json;
import org.junit.jupiter.api.Test;

class CaseRequestsTest {

  @Test
  void createTakesTheWritablePropertiesAndIgnoresServerOwnedOnes() {
    CaseRequests.NewCase request =
        CaseRequests.parseNew(
            Json.object(
                "{'@odata.type': '#microsoft.graph.security.ediscoveryCase', 'displayName': 'Case 1',"
                    + " 'description': 'd', 'externalId': 'CV-1', 'id': 'mine', 'createdDateTime': 'x',"
                    + " 'createdBy': {'user': null}, 'closedBy': null}"));

    assertThat(request).isEqualTo(new CaseRequests.NewCase("Case 1", "d", "CV-1"));
  }

  @Test
  void createNeedsAValidDisplayName() {
    assertThatThrownBy(() -> CaseRequests.parseNew(Json.object("{'description': 'd'}")))
        .hasMessage("The property 'displayName' is required.");
    assertThatThrownBy(() -> CaseRequests.parseNew(Json.object("{'displayName': 5}")))
        .hasMessage("The property 'displayName' must be a string, not a number.");
    assertThatThrownBy(
            () -> CaseRequests.parseNew(Json.object("{'displayName': '" + "x".repeat(257) + "'}")))
        .hasMessage("The property 'displayName' must be at most 256 characters long.");
    assertThat(
            CaseRequests.parseNew(Json.object("{'displayName': '" + "x".repeat(256) + "'}"))
                .displayName())
        .hasSize(256);
  }

  @Test
  void statusIsReadOnlyAndUnknownPropertiesAreRefused() {
    assertThatThrownBy(
            () -> CaseRequests.parseNew(Json.object("{'displayName': 'a', 'status': 'closed'}")))
        .hasMessage("The property 'status' is read-only.");
    assertThatThrownBy(() -> CaseRequests.parseChanges(Json.object("{'status': 'active'}")))
        .hasMessage("The property 'status' is read-only.");
    assertThatThrownBy(
            () -> CaseRequests.parseNew(Json.object("{'displayName': 'a', 'custodians': []}")))
        .hasMessage(
            "The property 'custodians' does not exist on type 'microsoft.graph.security.ediscoveryCase'.");
    assertThatThrownBy(
            () ->
                CaseRequests.parseNew(
                    Json.object(
                        "{'@odata.type': '#microsoft.graph.security.caseOperation', 'displayName': 'a'}")))
        .hasMessageContaining(
            "does not match the expected type #microsoft.graph.security.ediscoveryCase");
  }

  @Test
  void patchDistinguishesAbsentFromNull() {
    CaseRequests.CaseChanges changes =
        CaseRequests.parseChanges(Json.object("{'description': null}"));

    assertThat(changes.displayName()).isNull();
    assertThat(changes.descriptionGiven()).isTrue();
    assertThat(changes.description()).isNull();
    assertThat(changes.externalIdGiven()).isFalse();
    assertThatThrownBy(() -> CaseRequests.parseChanges(Json.object("{'displayName': null}")))
        .hasMessage("The property 'displayName' must not be null.");
    assertThatThrownBy(() -> CaseRequests.parseChanges(Json.object("{'externalId': true}")))
        .hasMessage("The property 'externalId' must be a string, not a boolean.");
  }
}
