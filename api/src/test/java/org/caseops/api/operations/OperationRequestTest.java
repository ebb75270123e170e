package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.api.errors.ApiException;
import org.caseops.api.testing.Json;
import org.caseops.domain.operations.CaseAction;
import org.junit.jupiter.api.Test;

class OperationRequestTest {

  @Test
  void theSeedBodyIsAcceptedAndItsPlaceholdersIgnored() {
    String seed =
        "{'@odata.type': '#microsoft.graph.security.caseOperation', 'completedDateTime': 'String (timestamp)',"
            + " 'action': 'index', 'createdBy': {'@odata.type': 'microsoft.graph.identitySet'},"
            + " 'percentProgress': 'Integer', 'status': 'String', 'resultInfo': {'@odata.type':"
            + " 'microsoft.graph.resultInfo'}, 'id': 'x', 'createdDateTime': 'y'}";

    assertThat(OperationRequest.parse(Json.object(seed), false).action())
        .isEqualTo(CaseAction.index);
  }

  @Test
  void theDerivedTypeOfTheActionIsAccepted() {
    assertThat(
            OperationRequest.parse(
                    Json.object(
                        "{'@odata.type': 'microsoft.graph.security.ediscoveryIndexOperation', 'action': 'index'}"),
                    false)
                .action())
        .isEqualTo(CaseAction.index);
  }

  @Test
  void anotherDerivedTypeIsRefused() {
    assertThatThrownBy(
            () ->
                OperationRequest.parse(
                    Json.object(
                        "{'@odata.type': '#microsoft.graph.security.ediscoveryHoldOperation', 'action': 'index'}"),
                    false))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(
            "does not match the expected type #microsoft.graph.security.caseOperation or"
                + " #microsoft.graph.security.ediscoveryIndexOperation");
  }

  @Test
  void actionIsRequiredAndMustBeAKnownName() {
    assertThatThrownBy(() -> OperationRequest.parse(Json.object("{}"), false))
        .hasMessage("The property 'action' is required.");
    assertThatThrownBy(() -> OperationRequest.parse(Json.object("{'action': 3}"), false))
        .hasMessage("The property 'action' must be a string, not a number.");
    assertThatThrownBy(() -> OperationRequest.parse(Json.object("{'action': null}"), false))
        .hasMessage("The property 'action' must not be null.");
    assertThatThrownBy(() -> OperationRequest.parse(Json.object("{'action': 'reindex'}"), false))
        .hasMessageStartingWith("'reindex' is not a valid value of 'action'.");
    assertThatThrownBy(
            () -> OperationRequest.parse(Json.object("{'action': 'unknownFutureValue'}"), true))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void laterActionsNeedThePreference() {
    assertThatThrownBy(() -> OperationRequest.parse(Json.object("{'action': 'purgeData'}"), false))
        .hasMessageContaining("Prefer: include-unknown-enum-members");
    assertThat(OperationRequest.parse(Json.object("{'action': 'purgeData'}"), true).action())
        .isEqualTo(CaseAction.purgeData);
  }

  @Test
  void unknownPropertiesAreRefused() {
    assertThatThrownBy(
            () -> OperationRequest.parse(Json.object("{'action': 'index', 'sources': []}"), false))
        .hasMessage(
            "The property 'sources' does not exist on type 'microsoft.graph.security.caseOperation'.");
  }
}
