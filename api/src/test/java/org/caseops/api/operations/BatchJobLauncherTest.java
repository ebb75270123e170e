package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchJobLauncherTest {

  @Test
  void aJobExistsWhenItsXmlIsOnTheContextClassPath() {
    BatchJobLauncher launcher = new BatchJobLauncher();

    assertThat(launcher.hasJob("apiTestJob")).isTrue();
    assertThat(launcher.hasJob("holdUpdate")).isFalse();
    assertThat(BatchJobLauncher.jobXml("index")).isEqualTo("META-INF/batch-jobs/index.xml");
  }
}
