package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.domain.operations.CaseAction;
import org.junit.jupiter.api.Test;

class EvolvableEnumsTest {

  @Test
  void knownMembersAreAcceptedWithOrWithoutThePreference() {
    assertThat(EvolvableEnums.parse(CaseAction.class, "action", "index", false))
        .isEqualTo(CaseAction.index);
    assertThat(EvolvableEnums.parse(CaseAction.class, "action", "holdUpdate", true))
        .isEqualTo(CaseAction.holdUpdate);
  }

  @Test
  void laterMembersNeedThePreference() {
    assertThatThrownBy(() -> EvolvableEnums.parse(CaseAction.class, "action", "purgeData", false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.invalidRequest);
              assertThat(e.getMessage())
                  .contains("'purgeData'", "Prefer: include-unknown-enum-members");
            });
    assertThat(EvolvableEnums.parse(CaseAction.class, "action", "holdPolicySync", true))
        .isEqualTo(CaseAction.holdPolicySync);
  }

  @Test
  void theSentinelIsNeverAccepted() {
    for (boolean include : new boolean[] {false, true}) {
      assertThatThrownBy(
              () -> EvolvableEnums.parse(CaseAction.class, "action", "unknownFutureValue", include))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("'unknownFutureValue' is not a valid value of 'action'");
    }
  }

  @Test
  void unknownNamesListTheValuesTheClientMaySend() {
    assertThatThrownBy(() -> EvolvableEnums.parse(CaseAction.class, "action", "Index", false))
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "'Index' is not a valid value of 'action'. Valid values: contentExport, applyTags, convertToPdf, index,"
                + " estimateStatistics, addToReviewSet, holdUpdate.");
    assertThat(EvolvableEnums.acceptedNames(CaseAction.class, true))
        .endsWith("holdUpdate", "purgeData", "exportReport", "exportResult", "holdPolicySync")
        .doesNotContain("unknownFutureValue");
  }
}
