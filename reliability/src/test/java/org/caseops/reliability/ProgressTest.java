package org.caseops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void progressThatOnlyRisesOrStaysIsNoRegression() {
    assertThat(
            Progress.regression(
                List.of(
                    new Progress.Sample(0, "notStarted", 0),
                    new Progress.Sample(10, "running", 40),
                    new Progress.Sample(20, "running", 40),
                    new Progress.Sample(30, "succeeded", 100))))
        .isNull();
  }

  @Test
  void progressThatGoesBackAcrossARestartIsReported() {
    assertThat(
            Progress.regression(
                List.of(
                    new Progress.Sample(0, "running", 60),
                    new Progress.Sample(900, "running", 20),
                    new Progress.Sample(950, "succeeded", 100))))
        .contains("from 60")
        .contains("to 20");
  }

  @Test
  void anEndedOperationSeenOpenAgainIsReported() {
    assertThat(
            Progress.reopened(
                List.of(
                    new Progress.Sample(0, "running", 10),
                    new Progress.Sample(10, "failed", 10),
                    new Progress.Sample(20, "running", 10))))
        .contains("failed back to running");
    assertThat(
            Progress.reopened(
                List.of(
                    new Progress.Sample(0, "running", 10),
                    new Progress.Sample(10, "succeeded", 100))))
        .isNull();
  }
}
