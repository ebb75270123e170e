package org.caseops.batch.operations;

import jakarta.batch.runtime.BatchStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/** The few batch runtime operations that recovery and the watch need, so they can be tried without a server. */
public interface BatchJobs {
  /**
   * What the batch runtime remembers of an execution: its status, parameters, when it ended ({@code null} while it
   * runs) and its exit status ({@code null} when unknown).
   */
  record Execution(
      long executionId, BatchStatus status, Properties parameters, Instant endTime, String exitStatus) {
    public Execution(long executionId, BatchStatus status, Properties parameters) {
      this(executionId, status, parameters, null, null);
    }
  }

  /** The execution, or empty if the batch runtime does not know it (for example, its job repository was lost). */
  Optional<Execution> execution(long executionId);

  /** Starts a new job instance and returns its first execution id. */
  long start(String jobName, Properties parameters);

  /** Restarts the job instance of a failed or stopped execution from its checkpoint; returns the new execution id. */
  long restart(long executionId, Properties parameters);
}
