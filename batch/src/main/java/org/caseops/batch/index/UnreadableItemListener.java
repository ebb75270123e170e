package org.caseops.batch.index;

import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;

/**
 * Records each file the index step skipped as unreadable among the operation's failed items, in the
 * chunk's transaction (a chunk rolled back and read again records it again, once).
 */
@Dependent
@Named
public class UnreadableItemListener implements SkipReadListener {
  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject ItemFailureRepository failures;

  @Override
  public void onSkipReadItem(Exception e) {
    if (!(e instanceof UnreadableItemException unreadable)) {
      return;
    }
    OperationRun run = OperationRun.of(jobContext);
    if (run.operationId() == null) {
      return;
    }
    failures.record(
        List.of(
            ItemFailure.of(
                run.operationId(),
                run.caseId(),
                stepContext.getStepName(),
                unreadable.item(),
                unreadable.reason(),
                Instant.now().truncatedTo(ChronoUnit.MICROS))));
  }
}
