package org.caseops.batch.operations;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Raises the operation's percentProgress after each chunk, from the work the step reports in its
 * {@link OperationRun}, and records the work done of the whole (for clients that show throughput),
 * and remembers the error of a failing chunk. Declared on chunk steps as {@code
 * operationProgressListener}.
 */
@Dependent
@Named
public class OperationProgressListener extends AbstractChunkListener {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;

  private int reported = -1;

  @Override
  public void afterChunk() {
    OperationRun run = OperationRun.of(jobContext);
    int percent = run.percentDone();
    if (run.operationId() != null && run.workTotal() >= 0) {
      // Every chunk: the work done moves even when the percentage does not, for throughput.
      operations.reportWork(
          run.operationId(), percent, run.workDone(), run.workTotal(), run.workUnit());
      reported = Math.max(reported, percent);
    } else if (run.operationId() != null && percent > reported) {
      operations.raiseProgress(run.operationId(), percent);
      reported = percent;
    }
  }

  @Override
  public void onError(Exception error) {
    OperationRun.of(jobContext).failed(error);
  }
}
