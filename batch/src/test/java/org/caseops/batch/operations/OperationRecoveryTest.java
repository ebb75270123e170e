package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.runtime.BatchStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recovery's decisions, with the batch runtime replaced by a scripted one. */
class OperationRecoveryTest {
  private OperationsOnH2 fixture;
  private CaseOperationRepository operations;
  private String caseId;
  private final ScriptedJobs jobs = new ScriptedJobs();
  private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  /** A batch runtime that knows the executions it is given and records what it is asked to do. */
  static final class ScriptedJobs implements OperationJobs {
    final Map<Long, Execution> executions = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    RuntimeException startFailure;
    RuntimeException restartFailure;
    long nextExecution = 100;

    @Override
    public boolean hasJob(String jobName) {
      return true;
    }

    @Override
    public List<Run> runs(long executionId) {
      return List.of();
    }

    @Override
    public void stop(long executionId) {
      calls.add("stop " + executionId);
    }

    void know(long executionId, BatchStatus status, String... parameters) {
      Properties props = new Properties();
      for (int i = 0; i < parameters.length; i += 2) {
        props.setProperty(parameters[i], parameters[i + 1]);
      }
      executions.put(executionId, new Execution(executionId, statusOf(status), props));
    }

    void knowEnded(long executionId, BatchStatus status, Instant endTime, String exitStatus) {
      executions.put(
          executionId,
          new Execution(executionId, statusOf(status), new Properties(), endTime, exitStatus));
    }

    private static ExecutionStatus statusOf(BatchStatus status) {
      return status == null ? null : ExecutionStatus.valueOf(status.name());
    }

    @Override
    public Optional<Execution> execution(long executionId) {
      return Optional.ofNullable(executions.get(executionId));
    }

    @Override
    public long start(String jobName, Properties parameters) {
      calls.add("start " + jobName + " " + new TreeMap<>(parameters));
      if (startFailure != null) {
        throw startFailure;
      }
      return nextExecution++;
    }

    @Override
    public long restart(long executionId, Properties parameters) {
      calls.add("restart " + executionId + " " + new TreeMap<>(parameters));
      if (restartFailure != null) {
        throw restartFailure;
      }
      return nextExecution++;
    }
  }

  @BeforeEach
  void open() {
    fixture = new OperationsOnH2(startedAt.minusSeconds(3600));
    operations = fixture.operations;
    caseId = fixture.caseId;
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private CaseOperation operation(CaseAction action, Instant created, Long runningExecution) {
    CaseOperation op = CaseOperation.submit(caseId, action, null, created);
    operations.add(op);
    if (runningExecution != null) {
      operations.markRunning(op.getId(), runningExecution);
    }
    return op;
  }

  private List<OperationRecovery.Outcome> recover() {
    return new OperationRecovery(operations, jobs, Clock.systemUTC()).recover(startedAt);
  }

  @Test
  void restartsAFailedExecutionFromItsCheckpointWithItsParameters() {
    CaseOperation op = operation(CaseAction.index, startedAt.minusSeconds(60), 7L);
    jobs.know(
        7, BatchStatus.FAILED, "operationId", op.getId(), "caseId", caseId, "itemCount", "50");

    assertThat(recover())
        .containsExactly(
            new OperationRecovery.Outcome(op.getId(), OperationRecovery.Action.RESTARTED, 100L));
    assertThat(jobs.calls)
        .containsExactly(
            "restart 7 {caseId=" + caseId + ", itemCount=50, operationId=" + op.getId() + "}");
    // The new execution's listener records it when it reopens the operation; recovery itself does
    // not write it.
    assertThat(operations.find(op.getId()).orElseThrow().getExecutionId()).isEqualTo(7L);
  }

  @Test
  void startsTheJobAgainWhenTheServerDiedUnderIt() {
    CaseOperation stopped = operation(CaseAction.index, startedAt.minusSeconds(90), 8L);
    jobs.know(8, BatchStatus.STOPPED);
    CaseOperation died = operation(CaseAction.index, startedAt.minusSeconds(60), 9L);
    jobs.know(9, BatchStatus.STARTED, "itemCount", "10");
    CaseOperation neverStarted = operation(CaseAction.index, startedAt.minusSeconds(30), null);
    CaseOperation forgotten = operation(CaseAction.index, startedAt.minusSeconds(20), 10L);
    CaseOperation submittedSince = operation(CaseAction.index, startedAt.plusMillis(1), null);
    CaseOperation finished = operation(CaseAction.index, startedAt.minusSeconds(10), 11L);
    operations.complete(finished.getId(), CaseOperationStatus.succeeded, null, startedAt);

    List<OperationRecovery.Outcome> outcomes = recover();

    assertThat(outcomes)
        .extracting(OperationRecovery.Outcome::operationId, OperationRecovery.Outcome::action)
        .containsExactly(
            tuple(stopped.getId(), OperationRecovery.Action.RESTARTED),
            tuple(died.getId(), OperationRecovery.Action.STARTED_AGAIN),
            tuple(neverStarted.getId(), OperationRecovery.Action.STARTED_AGAIN),
            tuple(forgotten.getId(), OperationRecovery.Action.STARTED_AGAIN));
    assertThat(jobs.calls.get(1))
        .isEqualTo(
            "start index {caseId=" + caseId + ", itemCount=10, operationId=" + died.getId() + "}");
    assertThat(jobs.calls.get(2))
        .isEqualTo("start index {caseId=" + caseId + ", operationId=" + neverStarted.getId() + "}");
    assertThat(outcomes.get(2).executionId()).isEqualTo(102L);
    assertThat(operations.find(neverStarted.getId()).orElseThrow().getExecutionId()).isNull();
    assertThat(operations.find(submittedSince.getId()).orElseThrow().getExecutionId()).isNull();
  }

  @Test
  void startsAgainWhenTheRestartIsRefusedAndMarksFailedWhenNothingWorks() {
    CaseOperation refused = operation(CaseAction.index, startedAt.minusSeconds(60), 7L);
    jobs.know(7, BatchStatus.FAILED);
    jobs.restartFailure = new JobRestartException("not restartable");
    assertThat(recover())
        .extracting(OperationRecovery.Outcome::action)
        .containsExactly(OperationRecovery.Action.STARTED_AGAIN);

    jobs.startFailure = new JobStartException("no job XML applyTags");
    CaseOperation noJob = operation(CaseAction.applyTags, startedAt.minusSeconds(30), null);
    List<OperationRecovery.Outcome> outcomes = recover();
    assertThat(outcomes)
        .extracting(OperationRecovery.Outcome::operationId, OperationRecovery.Outcome::action)
        .contains(tuple(noJob.getId(), OperationRecovery.Action.MARKED_FAILED));
    CaseOperation failed = operations.find(noJob.getId()).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(CaseOperationStatus.failed);
    assertThat(failed.getResultInfo().getCode()).isEqualTo(500);
    assertThat(failed.getResultInfo().getMessage())
        .isEqualTo(
            "Interrupted by a server restart and could not be resumed: no job XML applyTags");
    assertThat(failed.getCompletedDateTime()).isNotNull();
  }
}
