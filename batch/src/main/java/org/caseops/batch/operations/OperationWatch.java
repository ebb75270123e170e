package org.caseops.batch.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
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

  private final LongPredicate live;
  private final Map<Long, Instant> orphanSince;
  private final OperationRecovery recovery;

  /** A watch that takes every execution the job repository says runs for a running one. */
  public OperationWatch(CaseOperationRepository operations, OperationJobs jobs, Duration grace) {
    this(operations, jobs, grace, executionId -> true, new HashMap<>(), null);
  }

  /**
   * A watch that also resumes the operations whose execution the job repository says runs ({@code
   * STARTED} or {@code STOPPING}) while no job of it runs in this JVM ({@code live} says which do)
   * for longer than the grace period: the batch runtime could not record its end (its database was
   * away), so nothing would ever end it. {@code orphanSince} keeps, across checks, when each such
   * execution was first seen; {@code recovery} resumes the operation as start-up recovery does (its
   * job started again; jobs are incremental).
   */
  public OperationWatch(
      CaseOperationRepository operations,
      OperationJobs jobs,
      Duration grace,
      LongPredicate live,
      Map<Long, Instant> orphanSince,
      OperationRecovery recovery) {
    this.operations = operations;
    this.jobs = jobs;
    this.grace = grace;
    this.live = live;
    this.orphanSince = orphanSince;
    this.recovery = recovery;
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
      if (execution.isPresent() && orphaned(execution.get(), now)) {
        OperationRecovery.Outcome resumed = recovery.resume(operation);
        orphanSince.remove(executionId);
        LOG.warning(
            () ->
                "operation "
                    + operation.getId()
                    + ": its execution "
                    + executionId
                    + " is "
                    + execution.get().status()
                    + " in the job repository but runs nowhere; "
                    + resumed.action()
                    + (resumed.executionId() == null
                        ? ""
                        : " as execution " + resumed.executionId()));
        ended.add(
            new Outcome(
                operation.getId(),
                executionId,
                resumed.action() == OperationRecovery.Action.MARKED_FAILED
                    ? CaseOperationStatus.failed
                    : CaseOperationStatus.running));
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

  /**
   * Whether the execution has said it runs, with no job of it running in this JVM, since at least
   * the grace period (counted from the first check that saw it so).
   */
  private boolean orphaned(OperationJobs.Execution execution, Instant now) {
    OperationJobs.ExecutionStatus status = execution.status();
    boolean says =
        status == OperationJobs.ExecutionStatus.STARTED
            || status == OperationJobs.ExecutionStatus.STOPPING;
    if (recovery == null || !says || live.test(execution.executionId())) {
      orphanSince.remove(execution.executionId());
      return false;
    }
    Instant since = orphanSince.computeIfAbsent(execution.executionId(), id -> now);
    return !since.plus(grace).isAfter(now);
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
