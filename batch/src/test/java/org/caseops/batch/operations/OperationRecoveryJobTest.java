package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedFailures;
import org.caseops.batch.testing.OperationJournal;
import org.caseops.batch.testing.StandardCorpus;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Recovery with the real index job on JBeret SE. */
class OperationRecoveryJobTest {
  @Test
  void resumesOperationsLeftUnfinished() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      StandardCorpus corpus = new StandardCorpus(h);
      String caseId = corpus.caseId();
      Properties small = new Properties();
      small.setProperty("itemCount", "3");
      InducedFailures.failSaveOnce(2);
      String interrupted = h.submitIndex(caseId, small);
      long firstExecution = h.awaitExecutionId(interrupted);
      h.awaitEnd(firstExecution, interrupted);
      // As if the server had died before the listener could record the failure.
      h.operations.reopen(interrupted, firstExecution);
      // Another case over the same evidence: two index jobs of one case at once would split the
      // counts between them.
      String otherCaseId = new StandardCorpus(h).caseId();
      CaseOperation neverStarted =
          CaseOperation.submit(otherCaseId, CaseAction.index, null, Instant.now());
      h.operations.add(neverStarted);

      List<OperationRecovery.Outcome> outcomes =
          new OperationRecovery(h.operations, new JobOperatorJobs(h.jobs), Clock.systemUTC())
              .recover(Instant.now().plusMillis(1));

      assertThat(outcomes)
          .extracting(OperationRecovery.Outcome::operationId, OperationRecovery.Outcome::action)
          .containsExactly(
              tuple(interrupted, OperationRecovery.Action.RESTARTED),
              tuple(neverStarted.getId(), OperationRecovery.Action.STARTED_AGAIN));
      CaseOperation resumed = h.awaitOperation(interrupted);
      assertThat(resumed.getExecutionId()).isEqualTo(outcomes.get(0).executionId());
      assertThat(resumed.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(resumed.getResultInfo().getMessage())
          .isEqualTo("Indexed 8 items; 0 unchanged; 2 unindexed (1 corrupt, 1 encrypted).");
      assertThat(resumed.getPercentProgress()).isEqualTo(100);
      assertThat(OperationJournal.of(interrupted))
          .containsExactly("running", "failed", "reopened", "reopened", "partiallySucceeded");

      CaseOperation started = h.awaitOperation(neverStarted.getId());
      assertThat(started.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(started.getResultInfo().getMessage())
          .isEqualTo("Indexed 8 items; 0 unchanged; 2 unindexed (1 corrupt, 1 encrypted).");
      assertThat(OperationJournal.of(neverStarted.getId()))
          .containsExactly("running", "partiallySucceeded");
    }
  }
}
