package org.caseops.batch.pdf;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.caseops.batch.Outcome;
import org.caseops.batch.operations.OperationRun;

/** Ends a convertToPdf run: sums the operation up ({@link PdfSummary}) and concludes it. */
@Dependent
@Named
public class PdfSummaryBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject PdfSummary summary;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    Outcome outcome = summary.summarize(run.operationId(), run.caseId());
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }
}
