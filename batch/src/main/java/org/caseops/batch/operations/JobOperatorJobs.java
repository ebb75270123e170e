package org.caseops.batch.operations;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.caseops.domain.operations.OperationJobs;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * {@link OperationJobs} on the Jakarta Batch {@link JobOperator}: the one wrapper of the batch
 * runtime, which submission, start-up recovery and the operation watch all use. A job exists when
 * {@code META-INF/batch-jobs/<id>.xml} is visible to the thread context class loader, which is
 * where every batch runtime looks.
 *
 * <p>In the server, jobs are started and restarted with the web application's own context, taken
 * once when it starts ({@link #launchWith}), whatever the thread that asks: a request, an EJB, a
 * timer or a managed executor's task. The batch runtime hands the caller's context on to the job's
 * threads, and a step needs one in which {@code java:comp/UserTransaction} may be looked up, which
 * Payara refuses in an EJB with container-managed transactions.
 */
@ApplicationScoped
public class JobOperatorJobs implements OperationJobs {
  static final String JOB_DIRECTORY = "META-INF/batch-jobs/";

  private final JobOperator given;
  private volatile Launcher launcher = new DirectLauncher();

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

  /**
   * Takes room for the operation's job while the jobs that run in the server and those admitted are
   * fewer than {@code caseops.jobs.max} ({@link JobAdmission}).
   */
  @Override
  public boolean admit(String operationId) {
    return JobAdmission.server().admit(operationId, CaseopsConfig.current().jobsMax());
  }

  @Override
  public void release(String operationId) {
    JobAdmission.server().begun(operationId);
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

  /**
   * Starts and restarts jobs from now on through a contextual proxy of the given context service,
   * made on the calling thread: every start then runs with the context of this thread (the web
   * application's, when called while it starts), on the thread that asks for it.
   */
  public void launchWith(ContextService contexts) {
    launcher = contexts.createContextualProxy(new DirectLauncher(), Launcher.class);
  }

  /**
   * Starts the job with its tuning values from the configuration ({@link
   * CaseopsConfig#jobParameters}) under the given parameters, which win.
   */
  @Override
  public long start(String jobName, Properties parameters) {
    return launcher.start(operator(), jobName, withTuning(jobName, parameters));
  }

  /** Restarts the execution's job instance, with its tuning values as {@link #start} does. */
  @Override
  public long restart(long executionId, Properties parameters) {
    JobOperator jobs = operator();
    String jobName = jobs.getJobInstance(executionId).getJobName();
    return launcher.restart(jobs, executionId, withTuning(jobName, parameters));
  }

  /**
   * The job's tuning values from the configuration of the moment ({@link
   * CaseopsConfig#jobParameters}), with the given parameters over them.
   */
  public static Properties withTuning(String jobName, Properties parameters) {
    Properties all = CaseopsConfig.current().jobParameters(jobName);
    if (parameters != null) {
      all.putAll(parameters);
    }
    return all;
  }

  /**
   * A job operator that starts and restarts jobs with their tuning values as {@link #start} does,
   * for code that uses a job operator directly (the job tests and benchmarks on JBeret SE).
   */
  public static JobOperator tuned(JobOperator operator) {
    return (JobOperator)
        Proxy.newProxyInstance(
            JobOperator.class.getClassLoader(),
            new Class<?>[] {JobOperator.class},
            (proxy, method, args) -> {
              try {
                if (method.getName().equals("start") && args != null && args.length == 2) {
                  String jobName = (String) args[0];
                  return operator.start(jobName, withTuning(jobName, (Properties) args[1]));
                }
                if (method.getName().equals("restart") && args != null && args.length == 2) {
                  long executionId = (Long) args[0];
                  String jobName = operator.getJobInstance(executionId).getJobName();
                  return operator.restart(executionId, withTuning(jobName, (Properties) args[1]));
                }
                return method.invoke(operator, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Starts and restarts jobs on a job operator. */
  public interface Launcher {
    long start(JobOperator operator, String jobName, Properties parameters);

    long restart(JobOperator operator, long executionId, Properties parameters);
  }

  /** On the calling thread, in its context. */
  static final class DirectLauncher implements Launcher {
    @Override
    public long start(JobOperator operator, String jobName, Properties parameters) {
      return operator.start(jobName, parameters);
    }

    @Override
    public long restart(JobOperator operator, long executionId, Properties parameters) {
      return operator.restart(executionId, parameters);
    }
  }

  @Override
  public List<Run> runs(long executionId) {
    JobOperator jobs = operator();
    List<Run> runs = new ArrayList<>();
    try {
      JobInstance instance = jobs.getJobInstance(executionId);
      List<JobExecution> executions = new ArrayList<>(jobs.getJobExecutions(instance));
      executions.sort(Comparator.comparingLong(JobExecution::getExecutionId));
      for (JobExecution execution : executions) {
        List<Step> steps = new ArrayList<>();
        List<StepExecution> stepExecutions = jobs.getStepExecutions(execution.getExecutionId());
        for (StepExecution step :
            stepExecutions == null ? List.<StepExecution>of() : stepExecutions) {
          Map<String, Long> metrics = new LinkedHashMap<>();
          if (step.getMetrics() != null) {
            for (Metric metric : step.getMetrics()) {
              metrics.put(metricName(metric.getType()), metric.getValue());
            }
          }
          steps.add(
              new Step(
                  step.getStepExecutionId(),
                  step.getStepName(),
                  status(step.getBatchStatus()),
                  step.getExitStatus(),
                  instant(step.getStartTime()),
                  instant(step.getEndTime()),
                  metrics));
        }
        steps.sort(Comparator.comparingLong(Step::stepExecutionId));
        runs.add(
            new Run(
                execution.getExecutionId(),
                execution.getJobName(),
                status(execution.getBatchStatus()),
                execution.getExitStatus(),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                steps));
      }
    } catch (NoSuchJobExecutionException e) {
      return List.of();
    }
    return runs;
  }

  /** {@code READ_COUNT} as {@code readCount}. */
  static String metricName(Metric.MetricType type) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : type.name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  private static ExecutionStatus status(jakarta.batch.runtime.BatchStatus status) {
    return status == null ? null : ExecutionStatus.valueOf(status.name());
  }

  private static java.time.Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
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
