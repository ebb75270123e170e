package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the operation's result says when a step fails. */
class OperationStepListenerTest {

  @Test
  void aChunkErrorTheRuntimeDoesNotHandToTheStepIsTheOperationsReason() {
    Map<String, Object> job = new HashMap<>();
    OperationStepListener listener = listener(job, null);
    listener.beforeStep();
    listener.onError(new IllegalStateException("the chunk's commit failed: lock timeout"));
    listener.afterStep();

    assertThat(((OperationRun) job.get("data")).failure())
        .isEqualTo("the chunk's commit failed: lock timeout");
  }

  @Test
  void theStepsOwnExceptionComesFirst() {
    Map<String, Object> job = new HashMap<>();
    OperationStepListener listener = listener(job, new IllegalArgumentException("bad parameter"));
    listener.beforeStep();
    listener.onError(new IllegalStateException("a chunk error"));
    listener.afterStep();

    assertThat(((OperationRun) job.get("data")).failure()).isEqualTo("bad parameter");
  }

  @Test
  void aStepThatFailedWithoutAnyErrorHandedOnIsNamedWithItsExecution() {
    // JBatch ends a chunk step failed on an Error (a NoClassDefFoundError, an OutOfMemoryError) in
    // the chunk loop without giving it to the step's context or to onError.
    Map<String, Object> job = new HashMap<>();
    OperationStepListener listener = listener(job, null, BatchStatus.FAILED);
    listener.beforeStep();
    listener.afterStep();

    assertThat(((OperationRun) job.get("data")).failure())
        .isEqualTo(
            "step catalog failed without handing its error to the job; the server log has it"
                + " (execution 7)");
  }

  @Test
  void aStepWithoutErrorsLeavesNoReason() {
    Map<String, Object> job = new HashMap<>();
    OperationStepListener listener = listener(job, null);
    listener.beforeStep();
    listener.afterStep();

    assertThat(((OperationRun) job.get("data")).failure()).isNull();
  }

  private static OperationStepListener listener(Map<String, Object> job, Exception stepError) {
    return listener(job, stepError, stepError == null ? BatchStatus.STARTED : BatchStatus.FAILED);
  }

  private static OperationStepListener listener(
      Map<String, Object> job, Exception stepError, BatchStatus status) {
    OperationStepListener listener = new OperationStepListener();
    listener.jobContext =
        (JobContext)
            Proxy.newProxyInstance(
                JobContext.class.getClassLoader(),
                new Class<?>[] {JobContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getTransientUserData" -> job.get("data");
                      case "setTransientUserData" -> {
                        job.put("data", args[0]);
                        yield null;
                      }
                      case "getProperties" -> new Properties();
                      case "getJobName" -> "index";
                      case "getExecutionId" -> 7L;
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      default -> null;
                    });
    listener.stepContext =
        (StepContext)
            Proxy.newProxyInstance(
                StepContext.class.getClassLoader(),
                new Class<?>[] {StepContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getException" -> stepError;
                      case "getStepName" -> "catalog";
                      case "getBatchStatus" -> status;
                      case "hashCode" -> System.identityHashCode(proxy);
                      case "equals" -> proxy == args[0];
                      default -> null;
                    });
    return listener;
  }
}
