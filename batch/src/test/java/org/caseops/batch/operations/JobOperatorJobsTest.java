package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.concurrent.ContextService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseAction;
import org.junit.jupiter.api.Test;

class JobOperatorJobsTest {
  private final JobOperatorJobs jobs = new JobOperatorJobs();

  @Test
  void everyActionWithRulesHasItsJobXmlAndNoOtherActionHasOne() {
    for (CaseAction action : CaseAction.values()) {
      assertThat(jobs.hasJob(action.jobName()))
          .as(action + " has " + JobOperatorJobs.jobXml(action.jobName()))
          .isEqualTo(ActionRules.of(action).isPresent());
    }
  }

  @Test
  void aJobLivesUnderMetaInfBatchJobs() {
    assertThat(JobOperatorJobs.jobXml("index")).isEqualTo("META-INF/batch-jobs/index.xml");
    assertThat(jobs.hasJob("noSuchJob")).isFalse();
  }

  @Test
  void metricsAreNamedInCamelCase() {
    assertThat(JobOperatorJobs.metricName(jakarta.batch.runtime.Metric.MetricType.READ_COUNT))
        .isEqualTo("readCount");
    assertThat(
            JobOperatorJobs.metricName(jakarta.batch.runtime.Metric.MetricType.PROCESS_SKIP_COUNT))
        .isEqualTo("processSkipCount");
  }

  @Test
  void onceGivenAContextServiceJobsStartAndRestartThroughItsContextualProxy() {
    JobInstance instance =
        (JobInstance)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {JobInstance.class},
                (p, m, a) -> m.getName().equals("getJobName") ? "index" : null);
    JobOperator operator =
        (JobOperator)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {JobOperator.class},
                (p, m, a) ->
                    switch (m.getName()) {
                      case "start" -> 7L;
                      case "restart" -> 8L;
                      case "getJobInstance" -> instance;
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    List<String> inContext = new ArrayList<>();
    ContextService contexts =
        (ContextService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ContextService.class},
                (p, m, a) -> {
                  if (!m.getName().equals("createContextualProxy")) {
                    throw new UnsupportedOperationException(m.getName());
                  }
                  Object target = a[0];
                  Class<?> type = (Class<?>) a[1];
                  return Proxy.newProxyInstance(
                      type.getClassLoader(),
                      new Class<?>[] {type},
                      (p2, m2, a2) -> {
                        inContext.add(m2.getName());
                        return m2.invoke(target, a2);
                      });
                });
    JobOperatorJobs jobs = new JobOperatorJobs(operator);

    assertThat(jobs.start("index", new Properties())).isEqualTo(7L);
    assertThat(inContext).isEmpty();

    jobs.launchWith(contexts);
    assertThat(jobs.start("index", new Properties())).isEqualTo(7L);
    assertThat(jobs.restart(3, new Properties())).isEqualTo(8L);
    assertThat(inContext).containsExactly("start", "restart");
  }
}
