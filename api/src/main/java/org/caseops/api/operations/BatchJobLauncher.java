package org.caseops.api.operations;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/**
 * Starts jobs through the portable {@code BatchRuntime.getJobOperator()}. A job exists when {@code
 * META-INF/batch-jobs/<id>.xml} is visible to the thread context class loader, which is where every batch runtime
 * looks.
 */
@ApplicationScoped
public class BatchJobLauncher implements JobLauncher {
  static final String JOB_DIRECTORY = "META-INF/batch-jobs/";

  @Override
  public boolean hasJob(String jobName) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = BatchJobLauncher.class.getClassLoader();
    }
    return loader.getResource(jobXml(jobName)) != null;
  }

  @Override
  public long start(String jobName, Properties parameters) {
    return BatchRuntime.getJobOperator().start(jobName, parameters);
  }

  /** Where the job XML of a job id lives on the class path. */
  public static String jobXml(String jobName) {
    return JOB_DIRECTORY + jobName + ".xml";
  }
}
