package org.caseops.batch.operations;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Properties;
import org.caseops.domain.operations.OperationJobs;

/**
 * {@link OperationJobs} on the Jakarta Batch {@link JobOperator}: the one wrapper of the batch
 * runtime, which submission, start-up recovery and the operation watch all use. A job exists when
 * {@code META-INF/batch-jobs/<id>.xml} is visible to the thread context class loader, which is
 * where every batch runtime looks.
 */
@ApplicationScoped
public class JobOperatorJobs implements OperationJobs {
  static final String JOB_DIRECTORY = "META-INF/batch-jobs/";

  private final JobOperator given;

  /** On the server's batch runtime, looked up when first needed. */
  public JobOperatorJobs() {
    this(null);
  }

  /** On the given job operator (a test's, for example). */
  public JobOperatorJobs(JobOperator operator) {
    this.given = operator;
  }

  private JobOperator operator() {
    return given != null ? given : BatchRuntime.getJobOperator();
  }

  @Override
  public boolean hasJob(String jobName) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = JobOperatorJobs.class.getClassLoader();
    }
    return loader.getResource(jobXml(jobName)) != null;
  }

  /** Where the job XML of a job id lives on the class path. */
  public static String jobXml(String jobName) {
    return JOB_DIRECTORY + jobName + ".xml";
  }

  @Override
  public long start(String jobName, Properties parameters) {
    return operator().start(jobName, parameters);
  }

  @Override
  public long restart(long executionId, Properties parameters) {
    return operator().restart(executionId, parameters);
  }

  @Override
  public void stop(long executionId) {
    operator().stop(executionId);
  }

  @Override
  public Optional<Execution> execution(long executionId) {
    try {
      JobExecution execution = operator().getJobExecution(executionId);
      if (execution == null) {
        return Optional.empty();
      }
      Properties parameters = execution.getJobParameters();
      return Optional.of(
          new Execution(
              executionId,
              execution.getBatchStatus() == null
                  ? null
                  : ExecutionStatus.valueOf(execution.getBatchStatus().name()),
              parameters == null ? new Properties() : parameters,
              execution.getEndTime() == null ? null : execution.getEndTime().toInstant(),
              execution.getExitStatus()));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }
}
