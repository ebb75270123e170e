package org.caseops.batch.operations;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Remembers why a step failed, so the operation's result says it. Declared on every step as {@code
 * operationStepListener}.
 */
@Dependent
@Named
public class OperationStepListener implements StepListener {
  @Inject JobContext jobContext;
  @Inject StepContext stepContext;

  @Override
  public void beforeStep() {
    OperationRun.of(jobContext);
  }

  @Override
  public void afterStep() {
    Exception error = stepContext.getException();
    if (error != null) {
      OperationRun.of(jobContext).failed(error);
    }
  }
}
