package org.caseops.api.custodians;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.actions.HoldUpdateAction;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Json;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.operations.OperationTarget;
import org.junit.jupiter.api.Test;

class HoldServiceTest {
  private final CaseFixture f = new CaseFixture();
  private final HoldService holds =
      new HoldService(f.lookups, f.custodians, f.operationService, f.targets, f.clock);

  private static OperationRequest none() {
    return new OperationRequest(CaseAction.holdUpdate);
  }

  @Test
  void applyingTheHoldOfACustodianStartsAHoldUpdateOnIt() {
    CaseOperation op =
        holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE);

    assertThat(op.getAction()).isEqualTo(CaseAction.holdUpdate);
    assertThat(op.getStatus()).isEqualTo(CaseOperationStatus.notStarted);
    assertThat(op.getTarget().getCustodianIds()).containsExactly(f.custodian.getId());
    assertThat(op.getTarget().removesHold()).isFalse();
    assertThat(f.jobs.started).containsExactly("holdUpdate");
    assertThat(f.operations.stored).containsKey(op.getId());
  }

  @Test
  void theCustodianIsApplyingAsSoonAsTheHoldIsAcceptedAndRemovingAsSoonAsItsRemovalIs() {
    holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE);

    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applying);
    assertThat(
            f.custodians
                .findSource(f.caseId, f.custodian.getId(), f.mailbox.getKind(), f.mailbox.getId())
                .orElseThrow()
                .getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applying);

    f.operations.complete(
        f.operations.stored.keySet().iterator().next(),
        CaseOperationStatus.succeeded,
        null,
        CaseFixture.NOW);
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    holds.change(f.caseId, f.custodian.getId(), true, none(), CaseFixture.ALICE);

    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.removing);
  }

  @Test
  void aRefusedHoldChangeLeavesTheHoldStatusAsItWas() {
    holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE);
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);

    assertThatThrownBy(
        () -> holds.change(f.caseId, f.custodian.getId(), true, none(), CaseFixture.ALICE));

    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.applied);
  }

  private DataSourceHoldStatus custodianStatus() {
    return f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().getHoldStatus();
  }

  private DataSourceHoldStatus mailboxStatus() {
    return f.custodians
        .findSource(f.caseId, f.custodian.getId(), f.mailbox.getKind(), f.mailbox.getId())
        .orElseThrow()
        .getHoldStatus();
  }

  private CaseOperation onlyOperation() {
    assertThat(f.operations.stored).hasSize(1);
    return f.operations.stored.values().iterator().next();
  }

  @Test
  void aHoldWhoseJobCannotStartIsNotAppliedAsBeforeRatherThanApplyingForever() {
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class)
        .hasMessageContaining("is marked submissionFailed");

    assertThat(onlyOperation().getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    assertThat(custodianStatus()).isEqualTo(DataSourceHoldStatus.notApplied);
    assertThat(mailboxStatus()).isEqualTo(DataSourceHoldStatus.notApplied);
  }

  @Test
  void aRemovalWhoseJobCannotStartPutsBackEachStatusFromBeforeIt() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    f.mailbox.holdStatus(DataSourceHoldStatus.partial);
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), true, none(), CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class);

    assertThat(onlyOperation().getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    assertThat(custodianStatus()).isEqualTo(DataSourceHoldStatus.applied);
    assertThat(mailboxStatus()).isEqualTo(DataSourceHoldStatus.partial);
  }

  @Test
  void aStatusChangedByOthersSinceTheChangeWasAcceptedIsKeptWhenItsJobCannotStart() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    // While the job is being started, an index run finds an item of the custodian's hold that it
    // cannot preserve: the custodian is partial from then on, its mailbox still removing.
    f.jobs.onStart =
        p -> {
          f.custodians
              .find(f.caseId, f.custodian.getId())
              .orElseThrow()
              .holdStatus(DataSourceHoldStatus.partial);
          f.jobs.startFailure = new IllegalStateException("the job repository is gone");
        };

    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), true, none(), CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class);

    assertThat(custodianStatus()).isEqualTo(DataSourceHoldStatus.partial);
    assertThat(mailboxStatus()).isEqualTo(DataSourceHoldStatus.applied);
  }

  @Test
  void aBulkHoldWhoseJobCannotStartPutsBackEveryCustodiansStatus() {
    Custodian bob = Custodian.add(f.caseId, "bob@example.com", null, CaseFixture.NOW);
    f.custodians.add(bob);
    f.custodians.setHoldStatus(f.caseId, List.of(bob.getId()), DataSourceHoldStatus.partial);
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");
    OperationRequest both =
        OperationRequest.parseParameters(
            HoldUpdateAction.APPLY_ON_CUSTODIANS,
            Json.object("{'ids': ['" + f.custodian.getId() + "', '" + bob.getId() + "']}"),
            false);

    assertThatThrownBy(() -> holds.changeAll(f.caseId, false, both, CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class);

    assertThat(custodianStatus()).isEqualTo(DataSourceHoldStatus.notApplied);
    assertThat(f.custodians.find(f.caseId, bob.getId()).orElseThrow().getHoldStatus())
        .isEqualTo(DataSourceHoldStatus.partial);
  }

  @Test
  void aReleaseWhoseRemovalCannotStartLeavesTheCustodianActiveAndHeld() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);
    f.jobs.startFailure = new IllegalStateException("the job repository is gone");

    assertThatThrownBy(() -> holds.release(f.caseId, f.custodian.getId(), CaseFixture.ALICE))
        .isInstanceOf(OperationStartException.class);

    assertThat(onlyOperation().getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    assertThat(custodianStatus()).isEqualTo(DataSourceHoldStatus.applied);
    assertThat(mailboxStatus()).isEqualTo(DataSourceHoldStatus.applied);
    assertThat(f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow().isReleased())
        .isFalse();
  }

  @Test
  void aSecondHoldChangeWaitsForTheFirst() {
    CaseOperation first =
        holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE);

    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE))
        .satisfies(t -> ApiErrors.assertStatus(t, 409, first.getId(), "has not finished yet"));
  }

  @Test
  void removingAHoldThatIsNotAppliedIsRefusedSayingWhatWouldBeRight() {
    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), true, none(), CaseFixture.ALICE))
        .satisfies(
            t ->
                ApiErrors.assertStatus(
                    t,
                    400,
                    "has no hold to remove (holdStatus notApplied); apply one with applyHold."));
    assertThat(f.operations.stored).isEmpty();
  }

  @Test
  void theBulkActionsTakeTheIdsOfCustodiansOfTheCase() {
    Custodian bob = Custodian.add(f.caseId, "bob@example.com", null, CaseFixture.NOW);
    f.custodians.add(bob);
    OperationRequest both =
        OperationRequest.parseParameters(
            HoldUpdateAction.APPLY_ON_CUSTODIANS,
            Json.object(
                "{'ids': ['" + f.custodian.getId().toUpperCase() + "', '" + bob.getId() + "']}"),
            false);

    CaseOperation op = holds.changeAll(f.caseId, false, both, CaseFixture.ALICE);

    assertThat(op.getTarget().getCustodianIds()).containsExactly(f.custodian.getId(), bob.getId());

    String missing = "00000000-0000-0000-0000-00000000000a";
    OperationRequest unknown =
        OperationRequest.parseParameters(
            HoldUpdateAction.REMOVE_ON_CUSTODIANS,
            Json.object("{'ids': ['" + missing + "']}"),
            false);
    assertThatThrownBy(() -> holds.changeAll(f.caseId, true, unknown, CaseFixture.ALICE))
        .satisfies(
            t ->
                ApiErrors.assertStatus(
                    t,
                    400,
                    "The 'ids' refers to ediscoveryCustodian '" + missing + "', which does not"));
    OperationRequest empty =
        OperationRequest.parseParameters(
            HoldUpdateAction.APPLY_ON_CUSTODIANS, Json.object("{'ids': []}"), false);
    assertThatThrownBy(() -> holds.changeAll(f.caseId, false, empty, CaseFixture.ALICE))
        .satisfies(
            t -> ApiErrors.assertStatus(t, 400, "needs the custodians whose hold it changes"));
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    HoldUpdateAction.APPLY_ON_CUSTODIANS, Json.object("{'ids': 'x'}"), false))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "must be an array of id strings"));
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    HoldUpdateAction.APPLY_ON_CUSTODIAN, Json.object("{'ids': ['x']}"), false))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "ids"));
  }

  @Test
  void theUrlAloneSaysWhetherAnEndpointAppliesOrRemoves() {
    OperationRequest remove =
        OperationRequest.parseParameters(
            HoldUpdateAction.APPLY_ON_CUSTODIAN,
            Json.object("{'holdChange': 'removeHold'}"),
            false);

    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), false, remove, CaseFixture.ALICE))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "leave 'holdChange' out"));
  }

  @Test
  void theOperationsCollectionTakesIdsAndAHoldChange() {
    OperationRequest request =
        OperationRequest.parse(
            Json.object(
                "{'action': 'holdUpdate', 'ids': ['"
                    + f.custodian.getId()
                    + "'], 'holdChange': 'removeHold'}"),
            false);

    OperationTarget target = f.targets.resolve(f.caseId, request);

    assertThat(target.getCustodianIds()).containsExactly(f.custodian.getId());
    assertThat(target.removesHold()).isTrue();
    assertThatThrownBy(
            () ->
                OperationRequest.parse(
                    Json.object("{'action': 'holdUpdate', 'ids': [], 'holdChange': 'keep'}"),
                    false))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "must be 'applyHold' or 'removeHold'"));
    OperationRequest noIds = OperationRequest.parse(Json.object("{'action': 'holdUpdate'}"), false);
    assertThatThrownBy(() -> f.targets.resolve(f.caseId, noIds))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "\"ids\": [\"<custodian id>\", ...]"));
  }

  @Test
  void releasingRemovesAHoldInForceAndActivatingBringsTheCustodianBack() {
    f.custodians.setHoldStatus(
        f.caseId, List.of(f.custodian.getId()), DataSourceHoldStatus.applied);

    Optional<CaseOperation> removal =
        holds.release(f.caseId, f.custodian.getId(), CaseFixture.ALICE);

    assertThat(removal).isPresent();
    assertThat(removal.get().getTarget().removesHold()).isTrue();
    assertThat(removal.get().getTarget().getCustodianIds()).containsExactly(f.custodian.getId());
    Custodian released = f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow();
    assertThat(released.getStatus()).isEqualTo(DataSourceContainerStatus.released);
    assertThat(released.getReleasedDateTime()).isEqualTo(CaseFixture.NOW);
    assertThatThrownBy(() -> holds.release(f.caseId, f.custodian.getId(), CaseFixture.ALICE))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "was released already; activate it"));
    f.operations.complete(removal.get().getId(), CaseOperationStatus.succeeded, null, null);
    assertThatThrownBy(
            () -> holds.change(f.caseId, f.custodian.getId(), false, none(), CaseFixture.ALICE))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "is released, so no hold can be applied"));

    holds.activate(f.caseId, f.custodian.getId());

    Custodian active = f.custodians.find(f.caseId, f.custodian.getId()).orElseThrow();
    assertThat(active.getStatus()).isEqualTo(DataSourceContainerStatus.active);
    assertThat(active.getReleasedDateTime()).isNull();
    assertThatThrownBy(() -> holds.activate(f.caseId, f.custodian.getId()))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "is active already"));
  }

  @Test
  void updateIndexIndexesTheCustodiansSourcesOnlyAndNotOfAReleasedOne() {
    CaseOperation op = holds.updateIndex(f.caseId, f.custodian.getId(), CaseFixture.ALICE);

    assertThat(op.getAction()).isEqualTo(CaseAction.index);
    assertThat(op.getTarget().getCustodianIds()).containsExactly(f.custodian.getId());
    assertThat(f.jobs.started).containsExactly("index");
    f.operations.complete(op.getId(), CaseOperationStatus.succeeded, null, null);

    holds.release(f.caseId, f.custodian.getId(), CaseFixture.ALICE);
    assertThatThrownBy(() -> holds.updateIndex(f.caseId, f.custodian.getId(), CaseFixture.ALICE))
        .satisfies(t -> ApiErrors.assertStatus(t, 400, "is released, so its sources are not"));
  }

  @Test
  void releasingACustodianWithoutAHoldStartsNothing() {
    assertThat(holds.release(f.caseId, f.custodian.getId(), CaseFixture.ALICE)).isEmpty();
    assertThat(f.jobs.started).isEmpty();
  }
}
