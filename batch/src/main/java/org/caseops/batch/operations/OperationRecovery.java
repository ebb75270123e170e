package org.caseops.batch.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationJobs;
import org.caseops.domain.operations.OperationLifecycle;
import org.caseops.domain.operations.ResultInfo;

/**
 * Resumes, when the server starts, the operations that a previous run of the server left
 * unfinished: every operation created before {@code startedAt} that is still {@code notStarted} or
 * {@code running}, since no job execution survives a server restart.
 *
 * <ul>
 *   <li>last execution {@code FAILED} or {@code STOPPED}: restarted from its checkpoint (its
 *       listener reopens the operation);
 *   <li>last execution {@code STARTED}, {@code STARTING} or {@code STOPPING} (the server died under
 *       it), in any other state, unknown to the batch runtime, or no execution at all: the job is
 *       started again with the operation's parameters (jobs are incremental, so this resumes the
 *       work);
 *   <li>if neither works, the operation is marked {@code failed} with a result saying it was
 *       interrupted by a server restart.
 * </ul>
 */
public final class OperationRecovery {
  private static final Logger LOG = Logger.getLogger(OperationRecovery.class.getName());

  private final CaseOperationRepository operations;
  private final OperationJobs jobs;
  private final Clock clock;

  /** What was done for one operation. */
  public enum Action {
    RESTARTED,
    STARTED_AGAIN,
    MARKED_FAILED
  }

  /** The outcome for one operation; {@code executionId} is the new execution, if any. */
  public record Outcome(String operationId, Action action, Long executionId) {}

  public OperationRecovery(CaseOperationRepository operations, OperationJobs jobs, Clock clock) {
    this.operations = operations;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Recovers every unfinished operation created before the given instant. */
  public List<Outcome> recover(Instant startedAt) {
    List<Outcome> outcomes = new ArrayList<>();
    List<CaseOperation> open = operations.listInStatus(OperationLifecycle.OPEN);
    for (CaseOperation operation : open) {
      if (operation.getCreatedDateTime() != null
          && !operation.getCreatedDateTime().isBefore(startedAt)) {
        continue;
      }
      outcomes.add(recover(operation));
    }
    return outcomes;
  }

  /**
   * Resumes one open operation whose execution no longer runs, as at start-up: restarted from its
   * checkpoint, or its job started again.
   */
  Outcome resume(CaseOperation operation) {
    return recover(operation);
  }

  private Outcome recover(CaseOperation operation) {
    String id = operation.getId();
    Properties parameters = new Properties();
    Optional<OperationJobs.Execution> last = Optional.empty();
    if (operation.getExecutionId() != null) {
      try {
        last = jobs.execution(operation.getExecutionId());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "execution " + operation.getExecutionId() + " of operation " + id + " is unreadable",
            e);
      }
    }
    last.ifPresent(execution -> parameters.putAll(execution.parameters()));
    parameters.putAll(operation.jobParameters());

    String restartProblem = null;
    if (last.isPresent() && last.get().status() != null) {
      switch (last.get().status()) {
        case FAILED, STOPPED -> {
          try {
            long executionId = jobs.restart(last.get().executionId(), parameters);
            LOG.info(
                () ->
                    "operation "
                        + id
                        + " restarted from its checkpoint as execution "
                        + executionId);
            return new Outcome(id, Action.RESTARTED, executionId);
          } catch (RuntimeException e) {
            restartProblem = OperationRun.describe(e);
            LOG.log(
                Level.WARNING,
                "operation " + id + " could not be restarted; starting its job again",
                e);
          }
        }
        default -> {
          // STARTED, STARTING, STOPPING: the execution died with the previous server; COMPLETED or
          // ABANDONED: its result was never recorded. Either way the job runs again.
        }
      }
    }
    try {
      long executionId = jobs.start(operation.getAction().jobName(), parameters);
      LOG.info(() -> "operation " + id + " started again as execution " + executionId);
      return new Outcome(id, Action.STARTED_AGAIN, executionId);
    } catch (RuntimeException e) {
      String why = OperationRun.describe(e);
      if (restartProblem != null) {
        why = restartProblem + "; " + why;
      }
      LOG.log(Level.WARNING, "operation " + id + " could not be resumed after a server restart", e);
      operations.complete(
          id,
          CaseOperationStatus.failed,
          new ResultInfo(
              500, 0, "Interrupted by a server restart and could not be resumed: " + why),
          Instant.now(clock));
      return new Outcome(id, Action.MARKED_FAILED, null);
    }
  }
}
