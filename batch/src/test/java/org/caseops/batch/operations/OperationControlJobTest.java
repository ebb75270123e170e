package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedFailures;
import org.caseops.batch.testing.OperationJournal;
import org.caseops.batch.testing.StandardCorpus;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationControl;
import org.caseops.domain.operations.OperationJobs;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling a running index job and retrying it, with the real job on JBeret SE. */
class OperationControlJobTest {
  private static final IdentitySet BOB = IdentitySet.user("u2", "Bob");

  @AfterEach
  void reset() {
    InducedFailures.reset();
  }

  @Test
  void aCancelledJobStopsAtItsCheckpointAndARetryFinishesItWithNothingTwice() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      String caseId = new StandardCorpus(h).caseId();
      Properties small = new Properties();
      small.setProperty("itemCount", "3");
      InducedFailures.pauseSaveOnce(2);
      String id = h.submitIndex(caseId, small);
      long first = h.awaitExecutionId(id);
      InducedFailures.awaitPaused();
      OperationControl control =
          new OperationControl(h.operations, new JobOperatorJobs(h.jobs), Clock.systemUTC());

      CaseOperation asked = control.cancel(h.operations.find(id).orElseThrow(), BOB);
      assertThat(asked.getCancelRequestedBy()).isEqualTo(BOB);
      InducedFailures.release();

      assertThat(h.awaitEnd(first, id)).isEqualTo(BatchStatus.STOPPED);
      CaseOperation cancelled = h.operations.find(id).orElseThrow();
      assertThat(cancelled.getStatus()).isEqualTo(CaseOperationStatus.failed);
      assertThat(cancelled.getResultInfo().getMessage())
          .startsWith("Cancelled by Bob at ")
          .endsWith("; a retry resumes it from its last checkpoint.");
      int atCancel = cancelled.getPercentProgress();
      assertThat(atCancel).isBetween(1, 99);

      List<Integer> seen = new ArrayList<>();
      CaseOperation retried = control.retry(cancelled);
      assertThat(retried.getId()).isEqualTo(id);
      assertThat(retried.getStatus()).isEqualTo(CaseOperationStatus.notStarted);
      assertThat(retried.getPercentProgress()).isEqualTo(atCancel);
      long deadline = System.currentTimeMillis() + 60_000;
      CaseOperation now = h.operations.find(id).orElseThrow();
      while (!(now.getStatus().isTerminal() && now.getExecutionId() != first)) {
        assertThat(System.currentTimeMillis())
            .as("the retry ends within 60 s")
            .isLessThan(deadline);
        seen.add(now.getPercentProgress());
        Thread.sleep(10);
        now = h.operations.find(id).orElseThrow();
      }
      seen.add(now.getPercentProgress());

      assertThat(now.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(now.getResultInfo().getMessage())
          .isEqualTo("Indexed 8 items; 0 unchanged; 2 unindexed (1 corrupt, 1 encrypted).");
      assertThat(now.getPercentProgress()).isEqualTo(100);
      assertThat(seen).isSorted().allMatch(p -> p >= atCancel);
      assertThat(now.getCancelRequestedAt()).isNull();
      try (var index = h.openIndex(caseId)) {
        assertThat(index.numDocs()).isEqualTo(8);
      }
      // The batch runtime keeps both executions: the cancelled one stopped, the retry completed,
      // and between them every item was read once.
      List<OperationJobs.Run> runs = new JobOperatorJobs(h.jobs).runs(now.getExecutionId());
      assertThat(runs)
          .extracting(OperationJobs.Run::executionId, OperationJobs.Run::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(first, OperationJobs.ExecutionStatus.STOPPED),
              org.assertj.core.groups.Tuple.tuple(
                  now.getExecutionId(), OperationJobs.ExecutionStatus.COMPLETED));
      long read =
          runs.stream()
              .flatMap(r -> r.steps().stream())
              .filter(step -> step.name().equals("indexEvidence"))
              .mapToLong(step -> step.metrics().get("readCount"))
              .sum();
      assertThat(read).isEqualTo(10);
      assertThat(runs.get(0).steps().get(0).metrics())
          .containsKeys("writeCount", "commitCount", "rollbackCount", "processSkipCount");
      assertThat(OperationJournal.of(id))
          .startsWith("running", "failed")
          .endsWith("partiallySucceeded");
    }
  }
}
