package org.caseops.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperationLifecycleTest {
  @Test
  void onlyNotStartedAndRunningOperationsAreOpen() {
    for (CaseOperationStatus status : CaseOperationStatus.values()) {
      boolean open =
          status == CaseOperationStatus.notStarted || status == CaseOperationStatus.running;
      assertThat(OperationLifecycle.isOpen(status)).as(status.name()).isEqualTo(open);
    }
  }

  @Test
  void aFailedOperationCanBeReopenedButNoOtherEndedOne() {
    assertThat(OperationLifecycle.isReopenable(CaseOperationStatus.failed)).isTrue();
    assertThat(OperationLifecycle.isReopenable(CaseOperationStatus.running)).isTrue();
    assertThat(OperationLifecycle.isReopenable(CaseOperationStatus.succeeded)).isFalse();
    assertThat(OperationLifecycle.isReopenable(CaseOperationStatus.partiallySucceeded)).isFalse();
    assertThat(OperationLifecycle.isReopenable(CaseOperationStatus.submissionFailed)).isFalse();
  }

  @Test
  void progressStaysWithinBoundsAndNeverGoesBack() {
    assertThat(OperationLifecycle.raised(40, 30)).isEqualTo(40);
    assertThat(OperationLifecycle.raised(40, 55)).isEqualTo(55);
    assertThat(OperationLifecycle.raised(40, 250)).isEqualTo(100);
    assertThat(OperationLifecycle.bounded(-3)).isZero();
  }

  @Test
  void onlySuccessCompletesTheProgress() {
    assertThat(OperationLifecycle.completesProgress(CaseOperationStatus.succeeded)).isTrue();
    assertThat(OperationLifecycle.completesProgress(CaseOperationStatus.partiallySucceeded))
        .isFalse();
    assertThat(OperationLifecycle.completesProgress(CaseOperationStatus.failed)).isFalse();
    assertThatThrownBy(() -> OperationLifecycle.requireTerminal(CaseOperationStatus.running))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
