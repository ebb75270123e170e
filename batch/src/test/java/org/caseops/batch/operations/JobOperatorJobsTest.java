package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

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
}
