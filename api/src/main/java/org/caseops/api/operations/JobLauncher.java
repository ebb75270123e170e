package org.caseops.api.operations;

import java.util.Properties;

/** Starts Jakarta Batch jobs by job id. */
public interface JobLauncher {
  /** Whether a job XML with this id is deployed. */
  boolean hasJob(String jobName);

  /**
   * Starts the job and returns its execution id.
   *
   * @throws RuntimeException when the batch runtime refuses or fails to start it
   */
  long start(String jobName, Properties parameters);
}
