package org.caseops.domain.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.ConflictException;

/**
 * Steering operations that were submitted: cancelling an open one and retrying a failed (or
 * cancelled) one.
 *
 * <ul>
 *   <li>Cancel: the request is recorded with who made it; a running job is asked to stop at its
 *       next checkpoint ({@code JobOperator.stop}) and its listener then ends the operation {@code
 *       failed} with a result that says it was cancelled and by whom (Graph's status has no
 *       cancelled member); an operation whose job has not started yet ends so at once.
 *   <li>Retry: a failed operation whose job ran becomes {@code notStarted} again, keeping its id
 *       and its progress, and its job instance restarts from its checkpoint ({@code
 *       JobOperator.restart}); progress never goes back.
 * </ul>
 */
public final class OperationControl {
  private final CaseOperationRepository operations;
  private final OperationJobs jobs;
  private final Clock clock;

  public OperationControl(CaseOperationRepository operations, OperationJobs jobs, Clock clock) {
    this.operations = operations;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** The result of an operation that was cancelled. */
  public static ResultInfo cancelled(IdentitySet by, Instant at, boolean started) {
    return new ResultInfo(
        400,
        0,
        "Cancelled by "
            + name(by)
            + " at "
            + at
            + (started
                ? "; a retry resumes it from its last checkpoint."
                : " before its job started; a retry starts it."));
  }

  private static String name(IdentitySet by) {
    if (by == null) {
      return "an unknown caller";
    }
    if (by.getUserName() != null) {
      return by.getUserName();
    }
    if (by.getApplicationName() != null) {
      return by.getApplicationName();
    }
    return by.getUserId() != null ? by.getUserId() : String.valueOf(by.getApplicationId());
  }

  /**
   * Cancels an open operation.
   *
   * @return the operation as it now stands
   * @throws ConflictException when the operation has ended already
   */
  public CaseOperation cancel(CaseOperation operation, IdentitySet by) {
    Instant now = now();
    if (!OperationLifecycle.isOpen(operation.getStatus())
        || !operations.requestCancel(operation.getId(), by, now)) {
      throw ended(operation.getId(), "cancelled", "only a notStarted or running operation can be");
    }
    Long executionId = operation.getExecutionId();
    if (executionId == null) {
      // The job has not taken the operation up: it will find it ended and do nothing.
      operations.complete(
          operation.getId(), CaseOperationStatus.failed, cancelled(by, now, false), now);
    } else {
      try {
        jobs.stop(executionId);
      } catch (RuntimeException notRunning) {
        // The execution has ended already; its listener (or the operation watch) ends the operation
        // as it did.
      }
    }
    return operations.find(operation.getId()).orElse(operation);
  }

  /**
   * Retries a failed or cancelled operation from its job's checkpoint.
   *
   * @return the operation as it now stands
   * @throws ConflictException when the operation is not failed, never ran, or another open
   *     operation blocks it
   * @throws OperationStartException when its job could not be restarted (the operation is failed
   *     again)
   */
  public CaseOperation retry(CaseOperation operation) {
    String id = operation.getId();
    if (operation.getStatus() != CaseOperationStatus.failed) {
      throw ended(id, "retried", "only a failed or cancelled operation can be");
    }
    Long executionId = operation.getExecutionId();
    if (executionId == null) {
      throw new ConflictException(
          "The operation '"
              + id
              + "' never ran, so it has no checkpoint to resume from; submit a new one.");
    }
    if (!operations.retry(operation)) {
      throw ended(id, "retried", "only a failed or cancelled operation can be");
    }
    try {
      jobs.restart(executionId, operation.jobParameters());
    } catch (RuntimeException e) {
      operations.complete(
          id,
          CaseOperationStatus.failed,
          new ResultInfo(
              409,
              0,
              "The job of this operation could not be restarted from its checkpoint; submit a new one."),
          now());
      throw new OperationStartException(
          "The job of operation '"
              + id
              + "' could not be restarted from its checkpoint; the operation stays failed.");
    }
    return operations.find(id).orElse(operation);
  }

  private ConflictException ended(String id, String verb, String rule) {
    CaseOperationStatus status =
        operations.find(id).map(CaseOperation::getStatus).orElse(CaseOperationStatus.failed);
    return new ConflictException(
        "The operation '"
            + id
            + "' is "
            + status.wireName()
            + ", so it cannot be "
            + verb
            + ": "
            + rule
            + " "
            + verb
            + ".");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
