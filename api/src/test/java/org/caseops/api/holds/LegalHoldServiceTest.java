package org.caseops.api.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.InMemoryLegalHolds;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.ResourceNotFoundException;
import org.junit.jupiter.api.Test;

/** A legal hold's status when the sync of its change cannot start, over in-memory repositories. */
class LegalHoldServiceTest {
  private static final LegalHoldRequests.NewLegalHold EVERYTHING =
      new LegalHoldRequests.NewLegalHold("Everything", null, null, true);

  private final CaseFixture f = new CaseFixture();
  private final InMemoryLegalHolds legalHolds = new InMemoryLegalHolds();
  private final LegalHoldService service =
      new LegalHoldService(
          f.lookups, legalHolds, f.custodians, f.operations, f.operationService, f.clock);

  /** A hold whose first sync has run and succeeded. */
  private LegalHold syncedHold() {
    LegalHold hold = service.create(f.caseId, EVERYTHING, CaseFixture.ALICE);
    f.operations.complete(
        latestOperation().getId(), CaseOperationStatus.succeeded, null, CaseFixture.NOW);
    legalHolds.concluded(f.caseId, hold.getId(), PolicyStatus.success, List.of());
    return hold;
  }

  private CaseOperation latestOperation() {
    List<CaseOperation> all = new ArrayList<>(f.operations.stored.values());
    return all.get(all.size() - 1);
  }

  @Test
  void aNewHoldWhoseSyncCannotStartIsInErrorRatherThanPendingForever() {
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(() -> service.create(f.caseId, EVERYTHING, CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class)
        .hasMessageContaining("is marked submissionFailed");

    CaseOperation sync = latestOperation();
    assertThat(sync.getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    LegalHold hold = legalHolds.stored.values().iterator().next();
    assertThat(hold.getStatus()).isEqualTo(PolicyStatus.error);
    assertThat(hold.getErrors())
        .singleElement()
        .asString()
        .contains("'" + sync.getId() + "' could not start", "retryPolicy");
  }

  @Test
  void aChangeWhoseSyncCannotStartLeavesTheHoldInErrorNotPending() {
    LegalHold hold = syncedHold();
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(
            () ->
                service.update(
                    f.caseId,
                    hold.getId(),
                    new LegalHoldRequests.LegalHoldChange(null, false, null, false, null, false),
                    CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class);

    assertThat(latestOperation().getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    LegalHold after = legalHolds.find(f.caseId, hold.getId()).orElseThrow();
    assertThat(after.isEnabled()).isFalse();
    assertThat(after.getStatus()).isEqualTo(PolicyStatus.error);
  }

  @Test
  void aRetryWhoseSyncCannotStartChangesNothing() {
    LegalHold hold = syncedHold();
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(() -> service.retry(f.caseId, hold.getId(), CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class)
        .hasMessageContaining("no operation was created");

    assertThat(f.operations.stored).hasSize(1);
    LegalHold after = legalHolds.find(f.caseId, hold.getId()).orElseThrow();
    assertThat(after.getStatus()).isEqualTo(PolicyStatus.success);
    assertThat(after.getErrors()).isEmpty();
  }

  @Test
  void aDeletedHoldWhoseSyncCouldNotStartIsRetriedAndItsSyncRuns() {
    LegalHold hold = syncedHold();
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");
    assertThatThrownBy(() -> service.delete(f.caseId, hold.getId(), CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class);
    CaseOperation failed = latestOperation();
    assertThat(failed.getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    LegalHold deleted = legalHolds.findAny(f.caseId, hold.getId()).orElseThrow();
    assertThat(deleted.isDeleted()).isTrue();
    assertThat(deleted.getStatus()).isEqualTo(PolicyStatus.error);

    // The job can start again: the retry submits the sync that drops the deleted hold's records,
    // frees its copies and removes it for good.
    f.jobs.startFailure = null;
    int started = f.jobs.started.size();
    CaseOperation retried = service.retry(f.caseId, hold.getId(), CaseFixture.ALICE);

    assertThat(retried.getId()).isNotEqualTo(failed.getId());
    assertThat(retried.getAction()).isEqualTo(CaseAction.holdPolicySync);
    assertThat(retried.getTarget().getLegalHoldId()).isEqualTo(hold.getId());
    assertThat(retried.getStatus()).isNotEqualTo(CaseOperationStatus.submissionFailed);
    assertThat(f.jobs.started).hasSize(started + 1);
    assertThat(f.jobs.started.get(started)).isEqualTo(CaseAction.holdPolicySync.jobName());
    // The hold stays hidden from reads while its deletion is carried out.
    assertThat(legalHolds.find(f.caseId, hold.getId())).isEmpty();

    // Retrying again while that sync runs: refused, naming it and what to do.
    assertThatThrownBy(() -> service.retry(f.caseId, hold.getId(), CaseFixture.ALICE))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("'" + hold.getId() + "' is deleted")
        .hasMessageContaining("'" + retried.getId() + "' is still carrying out the deletion")
        .hasMessageContaining("retry the policy only if it fails");
  }

  @Test
  void aRetryOfAHoldThatIsGoneSaysWhy() {
    LegalHold hold = syncedHold();
    legalHolds.purgeDeleted(f.caseId, hold.getId());

    assertThatThrownBy(() -> service.retry(f.caseId, hold.getId(), CaseFixture.ALICE))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("No ediscoveryHoldPolicy with id '" + hold.getId() + "'")
        .hasMessageContaining("nothing to retry")
        .hasMessageContaining("list the case's legalHolds");
  }
}
