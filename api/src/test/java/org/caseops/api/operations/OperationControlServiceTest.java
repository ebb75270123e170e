package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.batch.operations.JobRestartException;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.ResultInfo;
import org.junit.jupiter.api.Test;

class OperationControlServiceTest {
  private static final IdentitySet BOB = IdentitySet.user("u2", "Bob");

  private final CaseFixture f = new CaseFixture();
  private final OperationControlService control =
      new OperationControlService(f.lookups, f.operations, f.jobs, f.clock);

  private CaseOperation running() {
    CaseOperation op =
        f.operationService.submit(
            f.caseId, CaseAction.index, OperationTarget.none(), CaseFixture.ALICE);
    f.operations.markRunning(op.getId(), 77);
    f.operations.raiseProgress(op.getId(), 40);
    return op;
  }

  @Test
  void cancellingARunningOperationAsksItsJobToStopAndRecordsWho() {
    CaseOperation op = running();

    CaseOperation now = control.cancel(f.caseId, op.getId(), BOB);

    assertThat(f.jobs.stopped).containsExactly(77L);
    assertThat(now.getStatus()).isEqualTo(CaseOperationStatus.running);
    assertThat(now.getCancelRequestedBy()).isEqualTo(BOB);
    assertThat(now.getCancelRequestedAt()).isEqualTo(CaseFixture.NOW);
  }

  @Test
  void cancellingAnOperationWhoseJobHasNotStartedEndsItAtOnce() {
    CaseOperation op =
        f.operationService.submit(
            f.caseId, CaseAction.index, OperationTarget.none(), CaseFixture.ALICE);

    CaseOperation now = control.cancel(f.caseId, op.getId(), BOB);

    assertThat(now.getStatus()).isEqualTo(CaseOperationStatus.failed);
    assertThat(now.getResultInfo().getMessage())
        .isEqualTo(
            "Cancelled by Bob at 2024-03-01T10:15:30.123456Z before its job started; a retry starts it.");
    assertThat(f.jobs.stopped).isEmpty();
    // It no longer blocks another of its action.
    assertThat(
            f.operationService
                .submit(f.caseId, CaseAction.index, OperationTarget.none(), CaseFixture.ALICE)
                .getStatus())
        .isEqualTo(CaseOperationStatus.notStarted);
  }

  @Test
  void anEndedOperationCannotBeCancelledAndAnUnknownOneIsNotFound() {
    CaseOperation op = running();
    f.operations.complete(op.getId(), CaseOperationStatus.succeeded, null, CaseFixture.NOW);

    assertThatThrownBy(() -> control.cancel(f.caseId, op.getId(), BOB))
        .satisfies(
            t ->
                ApiErrors.assertStatus(
                    t, 409, "'" + op.getId() + "' is succeeded", "only a notStarted or running"));
    assertThatThrownBy(() -> control.cancel(f.caseId, "0123456789abcdef0123456789abcdef", BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 404, "0123456789abcdef0123456789abcdef"));
    assertThat(f.jobs.stopped).isEmpty();
  }

  @Test
  void retryingAFailedOperationRestartsItsJobKeepingItsIdAndProgress() {
    CaseOperation op = running();
    f.operations.complete(
        op.getId(), CaseOperationStatus.failed, new ResultInfo(500, 0, "stopped"), CaseFixture.NOW);

    CaseOperation now = control.retry(f.caseId, op.getId());

    assertThat(now.getId()).isEqualTo(op.getId());
    assertThat(now.getStatus()).isEqualTo(CaseOperationStatus.notStarted);
    assertThat(now.getPercentProgress()).isEqualTo(40);
    assertThat(now.getResultInfo()).isNull();
    assertThat(now.getCompletedDateTime()).isNull();
    assertThat(f.jobs.restarted).containsExactly(77L);
    assertThat(f.jobs.parameters.get(f.jobs.parameters.size() - 1))
        .containsEntry("operationId", op.getId())
        .containsEntry("caseId", f.caseId);
  }

  @Test
  void onlyAFailedOperationThatRanCanBeRetriedAndNotWhileAnotherOfItsActionRuns() {
    CaseOperation op = running();
    assertThatThrownBy(() -> control.retry(f.caseId, op.getId()))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, "is running", "only a failed or cancelled"));

    f.operations.complete(op.getId(), CaseOperationStatus.failed, null, CaseFixture.NOW);
    CaseOperation other =
        f.operationService.submit(
            f.caseId, CaseAction.index, OperationTarget.none(), CaseFixture.ALICE);
    assertThatThrownBy(() -> control.retry(f.caseId, op.getId()))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, other.getId(), "has not finished"));
    assertThat(f.operations.find(op.getId()).orElseThrow().getStatus())
        .isEqualTo(CaseOperationStatus.failed);

    f.operations.complete(other.getId(), CaseOperationStatus.failed, null, CaseFixture.NOW);
    assertThatThrownBy(() -> control.retry(f.caseId, other.getId()))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, "never ran"));
    assertThat(f.jobs.restarted).isEmpty();
  }

  @Test
  void aJobThatCannotRestartLeavesTheOperationFailed() {
    CaseOperation op = running();
    f.operations.complete(op.getId(), CaseOperationStatus.failed, null, CaseFixture.NOW);
    f.jobs.restartFailure = new JobRestartException("execution 77 completed");

    assertThatThrownBy(() -> control.retry(f.caseId, op.getId()))
        .satisfies(t -> ApiErrors.assertStatus(t, 500, "could not be restarted", "stays failed"));
    CaseOperation now = f.operations.find(op.getId()).orElseThrow();
    assertThat(now.getStatus()).isEqualTo(CaseOperationStatus.failed);
    assertThat(now.getResultInfo().getMessage()).contains("submit a new one").doesNotContain("77");
  }
}
