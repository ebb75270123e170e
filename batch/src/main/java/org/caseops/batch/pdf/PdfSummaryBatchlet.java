package org.caseops.batch.pdf;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
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

  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String textLimit;

  private static long parse(String value, long otherwise) {
    return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
  }

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    Outcome outcome =
        summary.summarize(
            run.operationId(),
            run.caseId(),
            parse(maxItemBytes, FileRenderer.DEFAULT_MAX_ITEM_BYTES),
            (int) parse(textLimit, FileRenderer.DEFAULT_TEXT_LIMIT));
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }
}
