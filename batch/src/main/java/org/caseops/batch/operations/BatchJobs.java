package org.caseops.batch.operations;

import jakarta.batch.runtime.BatchStatus;
import java.util.Optional;
import java.util.Properties;

/** The few batch runtime operations that recovery needs, so it can be tried without a server. */
public interface BatchJobs {
  /** What the batch runtime remembers of an execution. */
  record Execution(long executionId, BatchStatus status, Properties parameters) {}

  /** The execution, or empty if the batch runtime does not know it (for example, its job repository was lost). */
  Optional<Execution> execution(long executionId);

  /** Starts a new job instance and returns its first execution id. */
  long start(String jobName, Properties parameters);

  /** Restarts the job instance of a failed or stopped execution from its checkpoint; returns the new execution id. */
  long restart(long executionId, Properties parameters);
}
