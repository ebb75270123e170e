package org.caseops.batch.estimatestatistics;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.caseops.batch.Outcome;
import org.caseops.batch.operations.OperationRun;

/**
 * The estimateStatistics job's step: runs {@link SearchEstimator} for the run's operation and
 * concludes it.
 */
@Dependent
@Named
public class EstimateStatisticsBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject SearchEstimator estimator;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    Outcome outcome = estimator.estimate(run.operationId(), run.caseId());
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }
}
