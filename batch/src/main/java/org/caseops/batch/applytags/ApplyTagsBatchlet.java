package org.caseops.batch.applytags;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.caseops.batch.Outcome;
import org.caseops.batch.Progress;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * The applyTags job's step: runs {@link TagApplier} for the run's operation, {@code batchSize}
 * files per transaction, raising the operation's percentProgress after each batch, and concludes
 * the operation.
 */
@Dependent
@Named
public class ApplyTagsBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject TagApplier applier;

  @Inject @BatchProperty String batchSize;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    int batch =
        batchSize == null || batchSize.isBlank()
            ? TagApplier.DEFAULT_BATCH_SIZE
            : Math.max(1, Integer.parseInt(batchSize.trim()));
    Outcome outcome =
        applier.apply(
            run.operationId(),
            run.caseId(),
            batch,
            new Progress() {
              @Override
              public void total(long work) {
                run.totalWork(work);
              }

              @Override
              public void done(long work) {
                run.doneWork(work);
                int percent = run.percentDone();
                if (percent >= 0) {
                  operations.raiseProgress(run.operationId(), percent);
                }
              }
            });
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }
}
