package org.caseops.batch.operations;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationControl;
import org.caseops.domain.operations.ResultInfo;

/**
 * Owns the operation's status for the whole job: moves it to running when an execution starts (back
 * from failed when the execution restarts the job instance) and ends it when the execution ends, as
 * its conclusion says, or failed. Declared at job level as {@code operationJobListener}.
 */
@Dependent
@Named
public class OperationJobListener implements JobListener {
  private static final Logger LOG = Logger.getLogger(OperationJobListener.class.getName());

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;

  @Override
  public void beforeJob() {
    try {
      begin();
    } catch (RuntimeException e) {
      // The batch runtime fails the job without telling its steps: the operation's result says why.
      OperationRun.of(jobContext).failed(e);
      LOG.log(
          Level.WARNING,
          "job "
              + jobContext.getJobName()
              + " (execution "
              + jobContext.getExecutionId()
              + ")"
              + " could not begin",
          e);
      throw e;
    }
  }

  private void begin() {
    LiveExecutions.started(jobContext.getExecutionId());
    OperationRun run = OperationRun.of(jobContext);
    String operationId = run.operationId();
    if (operationId != null) {
      // The job counts among the running ones now: the room its submission took passes to it.
      JobAdmission.server().begun(operationId);
    }
    if (operationId == null) {
      LOG.warning(
          () ->
              "job "
                  + jobContext.getJobName()
                  + " started without an operationId; no operation is tracked");
      return;
    }
    CaseOperation operation =
        operations
            .find(operationId)
            .orElseThrow(
                () -> new IllegalStateException("operation " + operationId + " does not exist"));
    if (run.caseId() != null && !run.caseId().equals(operation.getCaseId())) {
      throw new IllegalStateException(
          "operation " + operationId + " does not belong to case " + run.caseId());
    }
    long executionId = jobContext.getExecutionId();
    if (isRestart(executionId)) {
      operations.reopen(operationId, executionId);
    } else {
      operations.markRunning(operationId, executionId);
    }
    CaseOperation now = operations.find(operationId).orElseThrow();
    if (now.getStatus() != CaseOperationStatus.running) {
      throw new IllegalStateException(
          "operation "
              + operationId
              + " is "
              + now.getStatus()
              + " and cannot be carried out again");
    }
  }

  @Override
  public void afterJob() {
    try {
      recordEnd();
    } finally {
      LiveExecutions.ended(jobContext.getExecutionId());
      // A job stopped before it began ends here without beforeJob: no room stays held for it.
      String operationId = OperationRun.of(jobContext).operationId();
      if (operationId != null) {
        JobAdmission.server().begun(operationId);
      }
    }
  }

  private void recordEnd() {
    OperationRun run = OperationRun.of(jobContext);
    String operationId = run.operationId();
    if (operationId == null) {
      return;
    }
    try {
      end(run, operationId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not record the end of operation " + operationId, e);
      try {
        operations.complete(
            operationId,
            CaseOperationStatus.failed,
            new ResultInfo(
                500,
                0,
                "The job ended but its result could not be recorded: " + OperationRun.describe(e)),
            Instant.now());
      } catch (RuntimeException again) {
        // The operation stays running until the watch ends it from the execution's exit status.
        LOG.log(Level.SEVERE, "operation " + operationId + " could not be marked failed", again);
      }
    }
  }

  private void end(OperationRun run, String operationId) {
    BatchStatus status = jobContext.getBatchStatus();
    String job = jobContext.getJobName();
    OperationRun.Conclusion end;
    if (status == BatchStatus.FAILED || status == BatchStatus.ABANDONED) {
      String why = run.failure() == null ? "the job failed" : run.failure();
      end =
          new OperationRun.Conclusion(
              CaseOperationStatus.failed,
              new ResultInfo(500, 0, "The " + job + " job failed: " + why));
    } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
      CaseOperation operation = operations.find(operationId).orElse(null);
      end =
          new OperationRun.Conclusion(
              CaseOperationStatus.failed,
              operation != null && operation.getCancelRequestedAt() != null
                  ? OperationControl.cancelled(
                      operation.getCancelRequestedBy(), operation.getCancelRequestedAt(), true)
                  : new ResultInfo(
                      500,
                      0,
                      "The " + job + " job was stopped before it finished; a restart resumes it."));
    } else {
      end =
          run.conclusion() == null
              ? new OperationRun.Conclusion(CaseOperationStatus.succeeded, null)
              : run.conclusion();
    }
    // The execution's exit status keeps the operation's status, so that an end this listener cannot
    // write is still known to the operation watch.
    jobContext.setExitStatus(end.status().name());
    if (end.status() == CaseOperationStatus.partiallySucceeded) {
      operations.raiseProgress(operationId, 100);
    }
    if (!operations.complete(operationId, end.status(), end.resultInfo(), Instant.now())) {
      LOG.warning(
          () ->
              "operation "
                  + operationId
                  + " had ended already; the job's end, "
                  + end.status()
                  + ", is not kept");
    }
  }

  /** Whether this execution restarts a job instance that already had an execution. */
  private static boolean isRestart(long executionId) {
    try {
      JobOperator jobs = BatchRuntime.getJobOperator();
      return jobs.getJobExecutions(jobs.getJobInstance(executionId)).size() > 1;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot tell whether execution " + executionId + " is a restart", e);
      return false;
    }
  }
}
