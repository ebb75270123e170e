package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watch's decisions, with the batch runtime replaced by a scripted one. */
class OperationWatchTest {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private final OperationRecoveryTest.ScriptedJobs jobs = new OperationRecoveryTest.ScriptedJobs();
  private OperationsOnH2 fixture;
  private CaseOperationRepository operations;
  private String caseId;

  @BeforeEach
  void open() {
    fixture = new OperationsOnH2(now.minusSeconds(3600));
    operations = fixture.operations;
    caseId = fixture.caseId;
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private String running(long executionId) {
    CaseOperation op = CaseOperation.submit(caseId, CaseAction.index, null, now.minusSeconds(600));
    operations.add(op);
    operations.markRunning(op.getId(), executionId);
    return op.getId();
  }

  private CaseOperation find(String id) {
    return operations.find(id).orElseThrow();
  }

  @Test
  void endsOperationsWhoseExecutionEndedBeforeTheGracePeriodAsTheExitStatusSays() {
    String succeeded = running(1);
    jobs.knowEnded(1, BatchStatus.COMPLETED, now.minusSeconds(120), "succeeded");
    String failedJob = running(2);
    jobs.knowEnded(2, BatchStatus.FAILED, now.minusSeconds(120), "FAILED");
    String noExitStatus = running(3);
    jobs.knowEnded(3, BatchStatus.COMPLETED, now.minusSeconds(120), "COMPLETED");
    String stopped = running(4);
    jobs.knowEnded(4, BatchStatus.STOPPED, now.minusSeconds(120), "partiallySucceeded");
    String endedJustNow = running(5);
    jobs.knowEnded(5, BatchStatus.COMPLETED, now.minusSeconds(10), "succeeded");
    String stillRunning = running(6);
    jobs.knowEnded(6, BatchStatus.STARTED, null, null);
    String unknown = running(7);
    CaseOperation notStarted =
        CaseOperation.submit(caseId, CaseAction.index, null, now.minusSeconds(600));
    operations.add(notStarted);

    OperationWatch watch = new OperationWatch(operations, jobs, Duration.ofMinutes(1));

    assertThat(watch.check(now))
        .containsExactlyInAnyOrder(
            new OperationWatch.Outcome(succeeded, 1, CaseOperationStatus.succeeded),
            new OperationWatch.Outcome(failedJob, 2, CaseOperationStatus.failed),
            new OperationWatch.Outcome(noExitStatus, 3, CaseOperationStatus.failed),
            new OperationWatch.Outcome(stopped, 4, CaseOperationStatus.failed));
    assertThat(find(succeeded).getPercentProgress()).isEqualTo(100);
    assertThat(find(succeeded).getResultInfo().getCode()).isEqualTo(200);
    assertThat(find(failedJob).getResultInfo().getCode()).isEqualTo(500);
    assertThat(find(failedJob).getResultInfo().getMessage())
        .isEqualTo(
            "The job's execution 2 ended FAILED at "
                + now.minusSeconds(120)
                + ", but the operation's end was not recorded then.");
    assertThat(find(failedJob).getCompletedDateTime()).isEqualTo(now);
    for (String untouched :
        new String[] {endedJustNow, stillRunning, unknown, notStarted.getId()}) {
      assertThat(find(untouched).getStatus())
          .as(untouched)
          .isIn(CaseOperationStatus.running, CaseOperationStatus.notStarted);
    }
    assertThat(watch.check(now.plusSeconds(60)))
        .containsExactly(
            new OperationWatch.Outcome(endedJustNow, 5, CaseOperationStatus.succeeded));
  }

  @Test
  void leavesAnOperationThatAnotherExecutionCarriesOutMeanwhile() {
    String op = running(1);
    jobs.knowEnded(1, BatchStatus.FAILED, now.minusSeconds(120), "FAILED");
    // A restart of the job moved the operation to a new execution after the watch read the old one.
    assertThat(operations.completeExecution(op, 2, CaseOperationStatus.failed, null, now))
        .isFalse();
    operations.reopen(op, 8);

    assertThat(new OperationWatch(operations, jobs, Duration.ofMinutes(1)).check(now)).isEmpty();
    assertThat(find(op).getStatus()).isEqualTo(CaseOperationStatus.running);
    assertThat(find(op).getExecutionId()).isEqualTo(8L);
  }

  @Test
  void startsAgainAnOperationWhoseExecutionSaysItRunsButRunsNowhereOnceTheGracePeriodHasPassed() {
    // The database was away when the job ended: the job repository keeps the execution STARTED and
    // the listener could not end the operation, so nothing would ever end it.
    String orphan = running(8);
    jobs.know(8, BatchStatus.STARTED);
    String live = running(9);
    jobs.know(9, BatchStatus.STARTED);
    String stopping = running(10);
    jobs.know(10, BatchStatus.STOPPING);
    Map<Long, Instant> orphanSince = new HashMap<>();
    OperationWatch watch =
        new OperationWatch(
            operations,
            jobs,
            Duration.ofMinutes(1),
            executionId -> executionId == 9,
            orphanSince,
            new OperationRecovery(operations, jobs, Clock.fixed(now, ZoneOffset.UTC)));

    assertThat(watch.check(now)).isEmpty();
    assertThat(jobs.calls).isEmpty();
    assertThat(watch.check(now.plusSeconds(30))).isEmpty();

    assertThat(watch.check(now.plusSeconds(61)))
        .containsExactlyInAnyOrder(
            new OperationWatch.Outcome(orphan, 8, CaseOperationStatus.running),
            new OperationWatch.Outcome(stopping, 10, CaseOperationStatus.running));
    assertThat(jobs.calls)
        .hasSize(2)
        .allMatch(call -> call.startsWith("start index "))
        .anyMatch(call -> call.contains("operationId=" + orphan))
        .noneMatch(call -> call.contains("operationId=" + live));
    assertThat(find(live).getStatus()).isEqualTo(CaseOperationStatus.running);
    assertThat(orphanSince).isEmpty();
  }

  @Test
  void leavesAStartedExecutionAloneWhenItRunsAgainBeforeTheGracePeriodEnds() {
    String op = running(11);
    jobs.know(11, BatchStatus.STARTED);
    Map<Long, Instant> orphanSince = new HashMap<>();
    boolean[] live = {false};
    OperationWatch watch =
        new OperationWatch(
            operations,
            jobs,
            Duration.ofMinutes(1),
            executionId -> live[0],
            orphanSince,
            new OperationRecovery(operations, jobs, Clock.fixed(now, ZoneOffset.UTC)));
    assertThat(watch.check(now)).isEmpty();
    live[0] = true;
    assertThat(watch.check(now.plusSeconds(61))).isEmpty();
    live[0] = false;
    assertThat(watch.check(now.plusSeconds(62))).isEmpty();
    assertThat(jobs.calls).isEmpty();
    assertThat(find(op).getStatus()).isEqualTo(CaseOperationStatus.running);
  }
}
