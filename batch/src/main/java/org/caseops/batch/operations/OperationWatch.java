package org.caseops.batch.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationJobs;
import org.caseops.domain.operations.OperationLifecycle;
import org.caseops.domain.operations.ResultInfo;

/**
 * Ends the operations whose job execution is over while the operation still says it runs: the job's
 * listener could not write the end (the database refused it at that moment), or the batch runtime
 * ended the execution without running the listener. An execution over for longer than the grace
 * period ends its operation as its exit status says (the listener keeps the operation's final
 * status there), and {@code failed} when the exit status says nothing of it. An operation carried
 * out by another execution meanwhile is left alone.
 */
public final class OperationWatch {
  private static final Logger LOG = Logger.getLogger(OperationWatch.class.getName());

  private final CaseOperationRepository operations;
  private final OperationJobs jobs;
  private final Duration grace;

  /** An operation the watch ended, and how. */
  public record Outcome(String operationId, long executionId, CaseOperationStatus status) {}

  public OperationWatch(CaseOperationRepository operations, OperationJobs jobs, Duration grace) {
    this.operations = operations;
    this.jobs = jobs;
    this.grace = grace;
  }

  /**
   * Ends, at {@code now}, the open operations whose execution ended before {@code now} minus the
   * grace period.
   */
  public List<Outcome> check(Instant now) {
    List<Outcome> ended = new ArrayList<>();
    for (CaseOperation operation : operations.listInStatus(OperationLifecycle.OPEN)) {
      Long executionId = operation.getExecutionId();
      if (executionId == null) {
        continue;
      }
      Optional<OperationJobs.Execution> execution;
      try {
        execution = jobs.execution(executionId);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "execution " + executionId + " cannot be read", e);
        continue;
      }
      if (execution.isEmpty() || !over(execution.get(), now)) {
        continue;
      }
      OperationJobs.Execution e = execution.get();
      CaseOperationStatus status = statusOf(e);
      String message =
          "The job's execution "
              + executionId
              + " ended "
              + e.status()
              + " at "
              + e.endTime()
              + ", but the operation's end was not recorded then"
              + (status == CaseOperationStatus.failed ? "." : "; its summary is lost.");
      ResultInfo result =
          new ResultInfo(status == CaseOperationStatus.failed ? 500 : 200, 0, message);
      if (operations.completeExecution(operation.getId(), executionId, status, result, now)) {
        LOG.warning(
            () ->
                "operation "
                    + operation.getId()
                    + " ended "
                    + status
                    + " by the watch: "
                    + message);
        ended.add(new Outcome(operation.getId(), executionId, status));
      }
    }
    return ended;
  }

  private boolean over(OperationJobs.Execution execution, Instant now) {
    OperationJobs.ExecutionStatus status = execution.status();
    boolean ended =
        status == OperationJobs.ExecutionStatus.COMPLETED
            || status == OperationJobs.ExecutionStatus.FAILED
            || status == OperationJobs.ExecutionStatus.STOPPED
            || status == OperationJobs.ExecutionStatus.ABANDONED;
    return ended && execution.endTime() != null && execution.endTime().plus(grace).isBefore(now);
  }

  /**
   * The operation's status as the execution's exit status keeps it; failed unless the job
   * completed.
   */
  private static CaseOperationStatus statusOf(OperationJobs.Execution execution) {
    if (execution.status() == OperationJobs.ExecutionStatus.COMPLETED) {
      if (CaseOperationStatus.succeeded.name().equals(execution.exitStatus())) {
        return CaseOperationStatus.succeeded;
      }
      if (CaseOperationStatus.partiallySucceeded.name().equals(execution.exitStatus())) {
        return CaseOperationStatus.partiallySucceeded;
      }
    }
    return CaseOperationStatus.failed;
  }
}
