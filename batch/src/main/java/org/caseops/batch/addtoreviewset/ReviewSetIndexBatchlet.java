package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.caseops.batch.Outcome;
import org.caseops.batch.operations.OperationRun;

/**
 * Ends an addToReviewSet run: runs {@link ReviewSetIndexer} for the run's operation, which indexes
 * the files the copy step added and sums the operation up, and concludes the operation.
 */
@Dependent
@Named
public class ReviewSetIndexBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject ReviewSetIndexer indexer;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    Outcome outcome = indexer.index(run.operationId(), run.caseId());
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }
}
