package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import jakarta.batch.operations.JobStartException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.errors.OperationStartExceptionMapper;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.FakeJobLauncher;
import org.caseops.api.testing.InMemoryCases;
import org.caseops.api.testing.InMemoryCustodians;
import org.caseops.api.testing.InMemoryOperations;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.support.ListQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationServiceTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");
  private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456789Z");

  private final InMemoryCases cases = new InMemoryCases();
  private final InMemoryOperations operations = new InMemoryOperations();
  private final FakeJobLauncher jobs = new FakeJobLauncher("index");
  private OperationService service;
  private String caseId;

  @BeforeEach
  void setUp() {
    Lookups lookups = new Lookups(cases, new InMemoryCustodians(), operations);
    service =
        new OperationService(
            lookups, operations, jobs, Clock.fixed(NOW, ZoneOffset.UTC), new InMemoryCustodians());
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, NOW);
    cases.add(c);
    caseId = c.getId();
  }

  @Test
  void submitStoresTheOperationThenStartsTheJobAndLeavesTheOperationToIt() {
    List<String> committedAtStart = new ArrayList<>();
    jobs.onStart = p -> committedAtStart.addAll(operations.calls);

    CaseOperation op = service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);

    assertThat(op.getStatus()).isEqualTo(CaseOperationStatus.notStarted);
    assertThat(op.getPercentProgress()).isZero();
    assertThat(op.getCreatedBy()).isEqualTo(ALICE);
    assertThat(op.getCreatedDateTime()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    assertThat(committedAtStart).containsExactly("add " + op.getId());
    assertThat(jobs.started).containsExactly("index");
    assertThat(jobs.parameters.get(0))
        .containsEntry("operationId", op.getId())
        .containsEntry("caseId", caseId);
    assertThat(operations.calls).containsExactly("add " + op.getId());
  }

  @Test
  void aSecondOperationOfTheSameActionWaitsUntilTheFirstHasFinished() {
    CaseOperation first = service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);

    assertThatThrownBy(
            () -> service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).contains(first.getId());
            });
    assertThat(jobs.started).hasSize(1);

    operations.complete(first.getId(), CaseOperationStatus.succeeded, null, NOW);
    assertThat(service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE).getId())
        .isNotEqualTo(first.getId());
    assertThat(jobs.started).hasSize(2);
  }

  @Test
  void anActionWithoutJobIsRefusedBeforeAnythingIsStored() {
    assertThatThrownBy(
            () -> service.submit(caseId, CaseAction.holdUpdate, OperationTarget.none(), ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.invalidRequest);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "The action 'holdUpdate' has no job on this server yet (no META-INF/batch-jobs/holdUpdate.xml),"
                          + " so no operation was created.");
            });
    assertThat(operations.stored).isEmpty();
    assertThat(jobs.started).isEmpty();
  }

  @Test
  void aJobThatCannotStartIsA500AndLeavesNoOperation() {
    jobs.startFailure = new JobStartException("no such job");

    assertThatThrownBy(
            () -> service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.code()).isEqualTo(ErrorCode.generalException);
              assertThat(e.getMessage())
                  .contains("no operation was created")
                  .doesNotContain("no such job");
            });
    assertThat(operations.stored).isEmpty();
    assertThat(operations.calls).hasSize(2).last().asString().startsWith("withdraw ");
    assertThat(operations.executions).isEmpty();
    assertThat(jobs.admitted).isEmpty();
    assertThat(jobs.released).hasSize(1);
  }

  @Test
  void aJobTheRuntimeHasNoRoomForIsA503WithRetryAfterAndLeavesNoOperation() {
    jobs.startFailure =
        new JobStartException(
            new java.util.concurrent.RejectedExecutionException("executor queue full"));

    assertThatThrownBy(
            () -> service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo(ErrorCode.serviceNotAvailable);
              assertThat(e.getMessage())
                  .contains("no operation was created")
                  .contains("Submit it again in 30 seconds")
                  .doesNotContain("executor queue full");
              assertThat(OperationStartExceptionMapper.retryAfter((OperationStartException) t))
                  .hasValue(30);
            });
    assertThat(operations.stored).isEmpty();
    assertThat(jobs.admitted).isEmpty();

    // Nothing of it blocks the next submission of the same action.
    jobs.startFailure = null;
    service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);
    assertThat(operations.stored).hasSize(1);
  }

  @Test
  void aSubmissionTheServerHasNoRoomForIsA429WithRetryAfterAndStoresNothing() {
    jobs.room = 1;
    CaseOperation first = service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);
    jobs.jobs.add("estimateStatistics");

    assertThatThrownBy(
            () ->
                service.submit(
                    caseId,
                    CaseAction.estimateStatistics,
                    OperationTarget.search("s1", List.of()),
                    ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.code()).isEqualTo(ErrorCode.tooManyRequests);
              assertThat(e.getMessage())
                  .contains("no operation was created")
                  .contains("caseops.jobs.max")
                  .contains("Submit it again in 10 seconds");
              assertThat(OperationStartExceptionMapper.retryAfter((OperationStartException) t))
                  .hasValue(10);
            });
    assertThat(operations.stored.keySet()).containsExactly(first.getId());
    assertThat(jobs.started).containsExactly("index");

    // Once the first job has begun, its room is the running job's; here the test gives it back.
    jobs.begun(first.getId());
    service.submit(
        caseId, CaseAction.estimateStatistics, OperationTarget.search("s1", List.of()), ALICE);
    assertThat(jobs.started).containsExactly("index", "estimateStatistics");
  }

  @Test
  void aSubmissionRefusedAfterItsRoomWasTakenGivesTheRoomBack() {
    jobs.room = 2;
    service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);

    assertThatRefusedBy(
            () -> service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE))
        .satisfies(t -> assertThat(ApiErrors.of(t).status()).isEqualTo(409));

    assertThat(jobs.admitted).hasSize(1);
    assertThat(jobs.released).hasSize(1);
  }

  @Test
  void aHoldChangeWhoseJobCannotStartIsKeptSubmissionFailed() {
    jobs.jobs.add("holdUpdate");
    jobs.startFailure =
        new JobStartException(new java.util.concurrent.RejectedExecutionException("full"));

    assertThatThrownBy(
            () ->
                service.submit(
                    caseId,
                    CaseAction.holdUpdate,
                    OperationTarget.custodians(List.of("k1"), OperationTarget.APPLY_HOLD),
                    ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.getMessage()).contains("is marked submissionFailed");
            });
    CaseOperation failed = operations.stored.values().iterator().next();
    assertThat(failed.getStatus()).isEqualTo(CaseOperationStatus.submissionFailed);
    assertThat(failed.getResultInfo().getCode()).isEqualTo(503);
    assertThat(failed.getCompletedDateTime()).isNotNull();
    assertThat(jobs.admitted).isEmpty();
  }

  @Test
  void anUnknownCaseIsA404AndStartsNothing() {
    assertThatRefusedBy(
            () ->
                service.submit(
                    "00000000-0000-0000-0000-000000000001",
                    CaseAction.index,
                    OperationTarget.none(),
                    ALICE))
        .satisfies(
            t -> {
              ApiException e = ApiErrors.of(t);
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage())
                  .isEqualTo("No ediscoveryCase with id '00000000-0000-0000-0000-000000000001'.");
            });
    assertThat(operations.stored).isEmpty();
  }

  @Test
  void gettingAnExistingOperationReadsOneRowAndNotTheCase() {
    CaseOperation op = service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);
    cases.existsCalls = 0;
    cases.findCalls = 0;
    operations.findCalls = 0;

    assertThat(service.get(caseId, op.getId())).isSameAs(op);
    assertThat(operations.findCalls).isEqualTo(1);
    assertThat(cases.existsCalls + cases.findCalls).isZero();
  }

  @Test
  void aMissingOperationSaysWhetherTheCaseOrTheOperationIsMissing() {
    CaseOperation op = service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);
    String otherCase = "00000000-0000-0000-0000-000000000002";

    assertThatRefusedBy(() -> service.get(caseId, "0123456789abcdef0123456789abcdef"))
        .hasMessage(
            "No caseOperation with id '0123456789abcdef0123456789abcdef' in case '"
                + caseId
                + "'.");
    assertThatRefusedBy(() -> service.get(otherCase, op.getId()))
        .hasMessage("No ediscoveryCase with id '" + otherCase + "'.");
  }

  @Test
  void listsNewestFirst() {
    CaseOperation first = service.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);
    operations.complete(first.getId(), CaseOperationStatus.succeeded, null, NOW);
    OperationService later =
        new OperationService(
            new Lookups(cases, new InMemoryCustodians(), operations),
            operations,
            jobs,
            Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC),
            new InMemoryCustodians());
    CaseOperation second = later.submit(caseId, CaseAction.index, OperationTarget.none(), ALICE);

    assertThat(service.list(caseId, ListQuery.page(0, 10))).containsExactly(second, first);
    assertThat(service.count(caseId, null)).isEqualTo(2);
    assertThatThrownBy(
            () -> service.list("00000000-0000-0000-0000-000000000003", ListQuery.page(0, 10)))
        .satisfies(t -> assertThat(ApiErrors.of(t).status()).isEqualTo(404));
  }
}
