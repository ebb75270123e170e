package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.OperationJournal;
import org.caseops.batch.testing.StandardCorpus;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The watch with the real index job on JBeret SE, when the job's listener cannot write the
 * operation's end.
 */
class OperationWatchJobTest {
  @Test
  void endsAnOperationWhoseEndCouldNotBeWrittenAsTheExecutionsExitStatusSays() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      String caseId = new StandardCorpus(h).caseId();
      // The listener's write of the end, and its second try (failed), are refused.
      OperationJournal.refuseNextCompletes(2);
      String operationId = h.submitIndex(caseId, null);
      long executionId = h.awaitExecutionId(operationId);

      JobExecution execution = h.awaitExecution(executionId);
      // The batch runtime ends the execution before it runs the job's listener: wait for the
      // listener's two tries.
      long deadline = System.currentTimeMillis() + 60_000;
      while (!OperationJournal.of(operationId).contains("failed refused")) {
        assertThat(System.currentTimeMillis()).as("the listener's second try").isLessThan(deadline);
        Thread.sleep(10);
      }
      assertThat(execution.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(execution.getExitStatus()).isEqualTo("partiallySucceeded");
      assertThat(h.operations.find(operationId).orElseThrow().getStatus())
          .isEqualTo(CaseOperationStatus.running);
      OperationWatch watch =
          new OperationWatch(h.operations, new JobOperatorJobs(h.jobs), Duration.ofMinutes(1));
      assertThat(watch.check(Instant.now())).isEmpty();

      Instant later = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS);
      assertThat(watch.check(later))
          .containsExactly(
              new OperationWatch.Outcome(
                  operationId, executionId, CaseOperationStatus.partiallySucceeded));

      CaseOperation ended = h.operations.find(operationId).orElseThrow();
      assertThat(ended.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(ended.getCompletedDateTime()).isEqualTo(later);
      assertThat(ended.getPercentProgress()).isEqualTo(100);
      assertThat(ended.getResultInfo().getMessage())
          .startsWith("The job's execution " + executionId + " ended COMPLETED at ")
          .endsWith("but the operation's end was not recorded then; its summary is lost.");
      assertThat(OperationJournal.of(operationId))
          .containsExactly(
              "running",
              "partiallySucceeded refused",
              "failed refused",
              "partiallySucceeded by the watch");
      assertThat(watch.check(later.plusSeconds(60))).isEmpty();
    }
  }
}
