package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.concurrent.ContextService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseAction;
import org.caseops.persistence.config.CaseopsConfig;
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
  void aJobStartsWithItsTuningValuesUnderTheGivenParameters() {
    Properties given = new Properties();
    given.setProperty("operationId", "op1");
    given.setProperty("itemCount", "7");

    Properties parameters = JobOperatorJobs.withTuning("index", given);

    assertThat(parameters)
        .contains(
            Map.entry("operationId", "op1"),
            Map.entry("itemCount", "7"),
            Map.entry("chunkSeconds", "120"),
            Map.entry("extractionThreads", "0"));
    String before = System.getProperty("caseops.job.index.chunkSeconds");
    try {
      System.setProperty("caseops.job.index.chunkSeconds", "9");
      assertThat(JobOperatorJobs.withTuning("index", new Properties()))
          .contains(Map.entry("chunkSeconds", "9"));
    } finally {
      if (before == null) {
        System.clearProperty("caseops.job.index.chunkSeconds");
      } else {
        System.setProperty("caseops.job.index.chunkSeconds", before);
      }
    }
  }

  /**
   * The job XMLs hold no defaults: every job parameter they read, other than the operation's ids,
   * is one of the job's tuning settings, which the server always passes.
   */
  @Test
  void everyJobParameterAJobReadsIsItsOperationOrOneOfItsTuningSettings() throws IOException {
    Pattern read = Pattern.compile("#\\{jobParameters\\['([A-Za-z]+)'\\]\\}([^\"]*)\"");
    for (CaseAction action : CaseAction.values()) {
      if (!jobs.hasJob(action.jobName())) {
        continue;
      }
      String xml;
      try (InputStream in =
          getClass()
              .getClassLoader()
              .getResourceAsStream(JobOperatorJobs.jobXml(action.jobName()))) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Set<String> tuning =
          CaseopsConfig.of(Map.of()).jobParameters(action.jobName()).stringPropertyNames();
      Set<String> reads = new TreeSet<>();
      Matcher m = read.matcher(xml);
      while (m.find()) {
        assertThat(m.group(2)).as(action.jobName() + ": no default after " + m.group(1)).isEmpty();
        reads.add(m.group(1));
      }
      reads.removeAll(Set.of("operationId", "caseId"));
      assertThat(tuning).as(action.jobName()).containsExactlyInAnyOrderElementsOf(reads);
    }
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
