package org.caseops.batch.operations;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import java.util.Optional;
import java.util.Properties;

/** {@link BatchJobs} on a Jakarta Batch {@link JobOperator}. */
public final class JobOperatorJobs implements BatchJobs {
  private final JobOperator operator;

  public JobOperatorJobs(JobOperator operator) {
    this.operator = operator;
  }

  @Override
  public Optional<Execution> execution(long executionId) {
    try {
      JobExecution execution = operator.getJobExecution(executionId);
      if (execution == null) {
        return Optional.empty();
      }
      Properties parameters = execution.getJobParameters();
      return Optional.of(
          new Execution(
              executionId,
              execution.getBatchStatus(),
              parameters == null ? new Properties() : parameters,
              execution.getEndTime() == null ? null : execution.getEndTime().toInstant(),
              execution.getExitStatus()));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }

  @Override
  public long start(String jobName, Properties parameters) {
    return operator.start(jobName, parameters);
  }

  @Override
  public long restart(long executionId, Properties parameters) {
    return operator.restart(executionId, parameters);
  }
}
