package org.caseops.batch.operations;

import jakarta.batch.api.chunk.listener.ChunkListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers why a step failed, so the operation's result says it. Declared on every step as {@code
 * operationStepListener}. On a chunk step it also hears the error of a chunk before its rollback,
 * and logs it with its stack trace: a batch runtime may end a step failed without handing the error
 * to the step's context (a failure of the chunk's commit, for one), and the operation then names
 * the chunk's error rather than no reason.
 */
@Dependent
@Named
public class OperationStepListener implements StepListener, ChunkListener {
  private static final Logger LOG = Logger.getLogger(OperationStepListener.class.getName());

  @Inject JobContext jobContext;
  @Inject StepContext stepContext;

  private Exception chunkError;

  @Override
  public void beforeStep() {
    OperationRun.of(jobContext);
  }

  @Override
  public void afterStep() {
    Exception error = stepContext.getException();
    if (error == null) {
      error = chunkError;
    }
    if (error != null) {
      OperationRun.of(jobContext).failed(error);
    } else if (stepContext.getBatchStatus() == BatchStatus.FAILED) {
      // The runtime ended the step failed with an error that reached neither the step's context
      // nor onError (an Error rather than an Exception, in the JBatch runtime): the operation names
      // the step and where its error was written.
      OperationRun.of(jobContext)
          .failed(
              new IllegalStateException(
                  "step "
                      + stepContext.getStepName()
                      + " failed without handing its error to the job; the server log has it"
                      + " (execution "
                      + jobContext.getExecutionId()
                      + ")"));
    }
  }

  @Override
  public void beforeChunk() {}

  @Override
  public void onError(Exception error) {
    chunkError = error;
    LOG.log(
        Level.WARNING,
        "a chunk of step "
            + stepContext.getStepName()
            + " of job "
            + jobContext.getJobName()
            + " (execution "
            + jobContext.getExecutionId()
            + ") failed and is rolled back: "
            + OperationRun.describe(error),
        error);
  }

  @Override
  public void afterChunk() {}
}
