package org.caseops.domain.operations;

import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The batch runtime as operations need it: the one port through which caseops starts, restarts and
 * inspects the Jakarta Batch jobs that carry operations out (its implementation wraps the {@code
 * JobOperator}). Submission, start-up recovery and the operation watch all use it.
 *
 * <p>The job contract: every job is started with the parameters of {@link
 * CaseOperation#jobParameters()}, {@value #OPERATION_ID} and {@value #CASE_ID}, and its job XML
 * hands them on as job properties of the same names.
 */
public interface OperationJobs {
  /** The job parameter that names the operation a job carries out. */
  String OPERATION_ID = "operationId";

  /** The job parameter that names the operation's case. */
  String CASE_ID = "caseId";

  /**
   * Takes room for the job of an operation that is about to be stored, or says that there is none:
   * the server runs (or has been given to start) as many jobs as it takes at once. Room taken is
   * handed on when the job begins to run, and given back by {@link #release} when the job is not
   * started after all; a submission that finds no room is refused before anything is stored.
   */
  default boolean admit(String operationId) {
    return true;
  }

  /** Gives back the room {@link #admit} took for an operation whose job was not started. */
  default void release(String operationId) {}

  /** Whether a job XML with this id is deployed. */
  boolean hasJob(String jobName);

  /**
   * Starts a new job instance and returns its first execution id.
   *
   * @throws RuntimeException when the batch runtime refuses or fails to start it
   */
  long start(String jobName, Properties parameters);

  /**
   * Restarts the job instance of a failed or stopped execution from its checkpoint; returns the new
   * execution id.
   */
  long restart(long executionId, Properties parameters);

  /**
   * Asks a running execution to stop at its next checkpoint.
   *
   * @throws RuntimeException when the execution is not running (any more)
   */
  void stop(long executionId);

  /**
   * The execution, or empty if the batch runtime does not know it (for example, its job repository
   * was lost).
   */
  Optional<Execution> execution(long executionId);

  /**
   * Every execution of the job instance the given execution belongs to (the first start and each
   * restart), oldest first, each with its step executions; empty when the batch runtime does not
   * know it.
   */
  java.util.List<Run> runs(long executionId);

  /** The status of a job execution, as Jakarta Batch names them. */
  enum ExecutionStatus {
    STARTING,
    STARTED,
    STOPPING,
    STOPPED,
    FAILED,
    COMPLETED,
    ABANDONED
  }

  /**
   * What the batch runtime remembers of an execution: its status, parameters, when it ended ({@code
   * null} while it runs) and its exit status ({@code null} when unknown).
   */
  record Execution(
      long executionId,
      ExecutionStatus status,
      Properties parameters,
      Instant endTime,
      String exitStatus) {
    public Execution(long executionId, ExecutionStatus status, Properties parameters) {
      this(executionId, status, parameters, null, null);
    }
  }

  /** One execution of a job: its status, exit status, times and steps. */
  record Run(
      long executionId,
      String jobName,
      ExecutionStatus status,
      String exitStatus,
      Instant startTime,
      Instant endTime,
      java.util.List<Step> steps) {
    public Run {
      steps = java.util.List.copyOf(steps);
    }
  }

  /**
   * One step execution: its status, exit status, times and the batch metrics the runtime keeps
   * ({@code readCount}, {@code writeCount}, {@code filterCount}, {@code commitCount}, {@code
   * rollbackCount}, {@code readSkipCount}, {@code processSkipCount}, {@code writeSkipCount}).
   */
  record Step(
      long stepExecutionId,
      String name,
      ExecutionStatus status,
      String exitStatus,
      Instant startTime,
      Instant endTime,
      java.util.Map<String, Long> metrics) {
    public Step {
      metrics = java.util.Map.copyOf(metrics);
    }
  }
}
