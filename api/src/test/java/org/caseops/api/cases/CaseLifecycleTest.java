package org.caseops.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caseops.api.custodians.HoldService;
import org.caseops.api.holds.LegalHoldService;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.InMemoryLegalHolds;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.support.ListQuery;
import org.junit.jupiter.api.Test;

/** Closing and reopening a case, over in-memory repositories. */
class CaseLifecycleTest {
  private static final IdentitySet BOB = IdentitySet.user("u2", "Bob");

  private final CaseFixture f = new CaseFixture();
  private final HoldService holdService =
      new HoldService(f.lookups, f.custodians, f.operationService, f.targets, f.clock);

  /** Runs once when the next list of legal holds is read: another request at that moment. */
  private Runnable onListingLegalHolds = () -> {};

  private final InMemoryLegalHolds legalHolds =
      new InMemoryLegalHolds() {
        @Override
        public List<LegalHold> list(String caseId, ListQuery query) {
          Runnable meanwhile = onListingLegalHolds;
          onListingLegalHolds = () -> {};
          meanwhile.run();
          return super.list(caseId, query);
        }
      };
  private final LegalHoldService legalHoldService =
      new LegalHoldService(
          f.lookups, legalHolds, f.custodians, f.operations, f.operationService, f.clock);
  private final CaseService cases =
      new CaseService(
          f.cases,
          f.operations,
          f.lookups,
          f.clock,
          deleted -> {},
          new CaseHolds(holdService, legalHoldService, f.operationService));

  @Test
  void aCaseWithoutHoldsIsClosedAtOnceByWhoClosedIt() {
    EdiscoveryCase closed = cases.close(f.caseId, BOB);

    assertThat(closed.getStatus()).isEqualTo(CaseStatus.closed);
    assertThat(closed.getClosedBy()).isEqualTo(BOB);
    assertThat(closed.getClosedDateTime()).isEqualTo(CaseFixture.NOW);
    assertThat(f.operations.stored).isEmpty();
  }

  @Test
  void closingReleasesEveryHoldWithOneHoldUpdateAndStaysClosingMeanwhile() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);

    EdiscoveryCase closing = cases.close(f.caseId, BOB);

    assertThat(closing.getStatus()).isEqualTo(CaseStatus.closing);
    assertThat(closing.getClosedBy()).isEqualTo(BOB);
    assertThat(closing.getClosedDateTime()).isNull();
    CaseOperation release = f.operations.stored.values().iterator().next();
    assertThat(release.getAction()).isEqualTo(CaseAction.holdUpdate);
    assertThat(release.getTarget().removesHold()).isTrue();
    assertThat(release.getTarget().getCustodianIds()).containsExactly(f.custodian.getId());
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.removing);
  }

  @Test
  void aHoldChangeStillRunningRefusesTheCloseAndLeavesTheCaseActive() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    CaseOperation running =
        holdService.change(
            f.caseId,
            f.custodian.getId(),
            true,
            new org.caseops.api.operations.OperationRequest(CaseAction.holdUpdate),
            CaseFixture.ALICE);

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, running.getId()));

    EdiscoveryCase after = cases.get(f.caseId);
    assertThat(after.getStatus()).isEqualTo(CaseStatus.active);
    assertThat(after.getClosedBy()).isNull();
  }

  @Test
  void aClosedCaseRefusesChangesNamingItsStateAndReopenMakesItActiveWithoutHolds() {
    cases.close(f.caseId, BOB);

    assertThatThrownBy(
            () ->
                cases.update(
                    f.caseId,
                    new CaseRequests.CaseChanges("Renamed", false, null, false, null),
                    BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, "is closed", "reopen"));
    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, "is closed already"));

    EdiscoveryCase reopened = cases.reopen(f.caseId, CaseFixture.ALICE);

    assertThat(reopened.getStatus()).isEqualTo(CaseStatus.active);
    assertThat(reopened.getClosedBy()).isNull();
    assertThat(reopened.getClosedDateTime()).isNull();
    assertThat(f.operations.stored).isEmpty();
    assertThatThrownBy(() -> cases.reopen(f.caseId, BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, "only a closed case can be reopened"));
  }

  @Test
  void closingDisablesEveryLegalHoldInForceAndSyncsItBesideTheCustodianRelease() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    LegalHold enabled = legalHold("Everything", true);
    LegalHold disabled = legalHold("Off", false);
    legalHolds.concluded(f.caseId, disabled.getId(), PolicyStatus.success, List.of());

    EdiscoveryCase closing = cases.close(f.caseId, BOB);

    assertThat(closing.getStatus()).isEqualTo(CaseStatus.closing);
    assertThat(f.operations.stored.values())
        .extracting(CaseOperation::getAction)
        .containsExactlyInAnyOrder(CaseAction.holdUpdate, CaseAction.holdPolicySync);
    CaseOperation sync =
        f.operations.stored.values().stream()
            .filter(op -> op.getAction() == CaseAction.holdPolicySync)
            .findFirst()
            .orElseThrow();
    assertThat(sync.getTarget().getLegalHoldId()).isEqualTo(enabled.getId());
    LegalHold after = legalHolds.find(f.caseId, enabled.getId()).orElseThrow();
    assertThat(after.isEnabled()).isFalse();
    assertThat(after.getLastModifiedBy()).isEqualTo(BOB);

    // Reopened, the legal hold stays disabled: closing's releases are not undone.
    f.operations.stored.keySet().stream()
        .toList()
        .forEach(
            id -> f.operations.complete(id, CaseOperationStatus.succeeded, null, CaseFixture.NOW));
    EdiscoveryCase c = cases.get(f.caseId);
    c.finishClosing(false, CaseFixture.NOW);
    f.cases.update(c);
    cases.reopen(f.caseId, BOB);
    assertThat(legalHolds.find(f.caseId, enabled.getId()).orElseThrow().isEnabled()).isFalse();
  }

  @Test
  void aCaseWithOnlyALegalHoldStaysClosingUntilItsSyncEnds() {
    LegalHold enabled = legalHold("Everything", true);

    EdiscoveryCase closing = cases.close(f.caseId, BOB);

    assertThat(closing.getStatus()).isEqualTo(CaseStatus.closing);
    assertThat(f.operations.stored.values())
        .singleElement()
        .satisfies(op -> assertThat(op.getTarget().getLegalHoldId()).isEqualTo(enabled.getId()));
  }

  @Test
  void aLegalHoldSyncStillRunningRefusesTheCloseAndChangesNothing() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    LegalHold enabled = legalHold("Everything", true);
    CaseOperation running = legalHoldService.retry(f.caseId, enabled.getId(), CaseFixture.ALICE);

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, running.getId(), "has not finished"));

    assertThat(cases.get(f.caseId).getStatus()).isEqualTo(CaseStatus.active);
    assertThat(f.operations.stored).hasSize(1);
    assertThat(legalHolds.find(f.caseId, enabled.getId()).orElseThrow().isEnabled()).isTrue();
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applied);
  }

  @Test
  void aReleaseThatCannotBeStoredLeavesTheCaseActiveWithNoReleaseStartedOrStored() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    LegalHold enabled = legalHold("Everything", true);
    // Another request retries the legal hold's sync after the close's checks, before its releases
    // are stored: the close's sync of that hold is refused.
    CaseOperation[] retried = new CaseOperation[1];
    onListingLegalHolds =
        () -> retried[0] = legalHoldService.retry(f.caseId, enabled.getId(), CaseFixture.ALICE);

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409));

    assertThat(cases.get(f.caseId).getStatus()).isEqualTo(CaseStatus.active);
    assertThat(cases.get(f.caseId).getClosedBy()).isNull();
    // Only the other request's sync: the custodians' release was neither stored nor started.
    assertThat(f.operations.stored.values())
        .extracting(CaseOperation::getId)
        .containsExactly(retried[0].getId());
    assertThat(f.jobs.started).containsExactly(CaseAction.holdPolicySync.jobName());
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applied);
    assertThat(legalHolds.find(f.caseId, enabled.getId()).orElseThrow().isEnabled()).isTrue();
  }

  @Test
  void aReleaseWhoseJobCannotStartLeavesTheCaseClosingUntilItEndsWithAnError() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    legalHold("Everything", true);
    // The first job starts, the second cannot.
    int[] starts = new int[1];
    f.jobs.onStart =
        p -> {
          if (++starts[0] == 2) {
            f.jobs.startFailure = new IllegalStateException("the job repository is gone");
          }
        };

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .isInstanceOf(OperationStartException.class)
        .hasMessageContaining("could not be started")
        .hasMessageContaining("stays closing and ends closedWithError");

    // Every release was stored before any started; the one that started runs, the other is
    // submissionFailed, and the case does not go back to active under the running release.
    assertThat(f.operations.stored.values())
        .extracting(CaseOperation::getAction)
        .containsExactlyInAnyOrder(CaseAction.holdUpdate, CaseAction.holdPolicySync);
    assertThat(f.jobs.started).hasSize(1);
    assertThat(f.operations.stored.values())
        .extracting(CaseOperation::getStatus)
        .containsExactlyInAnyOrder(
            CaseOperationStatus.notStarted, CaseOperationStatus.submissionFailed);
    EdiscoveryCase after = cases.get(f.caseId);
    assertThat(after.getStatus()).isEqualTo(CaseStatus.closing);
    assertThat(after.getClosedBy()).isEqualTo(BOB);
  }

  @Test
  void whenNoReleaseCanStartTheCaseIsClosedWithAnErrorAtOnce() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .isInstanceOf(OperationStartException.class)
        .hasMessageContaining("No release of the case runs: it is closedWithError.");

    assertThat(f.operations.stored.values())
        .extracting(CaseOperation::getStatus)
        .containsExactly(CaseOperationStatus.submissionFailed);
    assertThat(cases.get(f.caseId).getStatus()).isEqualTo(CaseStatus.closedWithError);
  }

  @Test
  void releasesWhoseJobsCannotStartLeaveNoHoldStatusUnderWayForever() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    LegalHold enabled = legalHold("Everything", true);
    legalHolds.concluded(f.caseId, enabled.getId(), PolicyStatus.success, List.of());
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .isInstanceOf(OperationStartException.class);

    assertThat(f.operations.stored.values())
        .extracting(CaseOperation::getStatus)
        .containsExactly(
            CaseOperationStatus.submissionFailed, CaseOperationStatus.submissionFailed);
    // Neither release ran: the custodian's hold is applied as before it, not removing; the legal
    // hold, disabled by the close, says its sync did not run rather than pending.
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applied);
    assertThat(
            f.custodians
                .findSource(f.caseId, f.custodian.getId(), f.mailbox.getKind(), f.mailbox.getId())
                .orElseThrow()
                .getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applied);
    LegalHold after = legalHolds.find(f.caseId, enabled.getId()).orElseThrow();
    assertThat(after.getStatus()).isEqualTo(PolicyStatus.error);
    assertThat(after.getErrors()).singleElement().asString().contains("could not start");
  }

  @Test
  void onlyTheReleaseWhoseJobCannotStartHasItsHoldStatusPutBack() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    LegalHold enabled = legalHold("Everything", true);
    legalHolds.concluded(f.caseId, enabled.getId(), PolicyStatus.success, List.of());
    // The custodians' release starts, the legal hold's sync cannot.
    int[] starts = new int[1];
    f.jobs.onStart =
        p -> {
          if (++starts[0] == 2) {
            f.jobs.startFailure = new IllegalStateException("the job repository is gone");
          }
        };

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .isInstanceOf(OperationStartException.class);

    assertThat(f.jobs.started).containsExactly(CaseAction.holdUpdate.jobName());
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.removing);
    assertThat(legalHolds.find(f.caseId, enabled.getId()).orElseThrow().getStatus())
        .isEqualTo(PolicyStatus.error);
  }

  @Test
  void whenTheServerHasNoRoomForEveryReleaseTheCloseIsA429AndChangesNothing() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    LegalHold enabled = legalHold("Everything", true);
    // Room for one more job: the custodians' release would fit, the legal hold's sync would not.
    f.jobs.room = 1;

    assertThatThrownBy(() -> cases.close(f.caseId, BOB))
        .satisfies(
            t -> {
              ApiErrors.assertStatus(t, 429);
              assertThat(t).hasMessageContaining("caseops.jobs.max");
            });

    assertThat(cases.get(f.caseId).getStatus()).isEqualTo(CaseStatus.active);
    assertThat(cases.get(f.caseId).getClosedBy()).isNull();
    assertThat(f.operations.stored).isEmpty();
    assertThat(f.jobs.started).isEmpty();
    assertThat(f.jobs.admitted).as("the room taken is given back").isEmpty();
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applied);
    assertThat(legalHolds.find(f.caseId, enabled.getId()).orElseThrow().isEnabled()).isTrue();
  }

  private LegalHold legalHold(String name, boolean enabled) {
    LegalHold hold =
        LegalHold.create(f.caseId, name, null, null, enabled, CaseFixture.ALICE, CaseFixture.NOW);
    legalHolds.add(hold);
    return hold;
  }

  @Test
  void aClosingCaseCannotBeReopenedUntilItIsClosed() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    cases.close(f.caseId, BOB);

    assertThatThrownBy(() -> cases.reopen(f.caseId, BOB))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, "once it is closed"));
    assertThat(f.operations.stored.values().iterator().next().getStatus())
        .isEqualTo(CaseOperationStatus.notStarted);
  }
}
