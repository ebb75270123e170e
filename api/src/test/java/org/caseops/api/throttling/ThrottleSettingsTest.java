package org.caseops.api.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {

  private static ThrottleSettings of(
      Map<String, String> properties, Map<String, String> environment) {
    return ThrottleSettings.from(properties::get, environment::get);
  }

  @Test
  void withNothingSetTheDefaultsApply() {
    ThrottleSettings settings = of(Map.of(), Map.of());

    assertThat(settings.submissionsPerClient()).isEqualTo(new ThrottleLimit(60, 20));
    assertThat(settings.submissionsPerCase()).isEqualTo(new ThrottleLimit(30, 10));
    assertThat(settings.readsPerClient()).isEqualTo(new ThrottleLimit(6000, 1000));
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    ThrottleSettings settings =
        of(
            Map.of("caseops.throttle.submissions.per.case", "3"),
            Map.of(
                "CASEOPS_THROTTLE_SUBMISSIONS_PER_CASE", "7",
                "CASEOPS_THROTTLE_READS_PER_CLIENT", "100",
                "CASEOPS_THROTTLE_READS_PER_CLIENT_BURST", "40"));

    // Without a burst of its own, a limit bursts up to its rate or the default burst, whichever is
    // smaller.
    assertThat(settings.submissionsPerCase()).isEqualTo(new ThrottleLimit(3, 3));
    assertThat(settings.readsPerClient()).isEqualTo(new ThrottleLimit(100, 40));
  }

  @Test
  void zeroSwitchesALimitOff() {
    ThrottleSettings settings =
        of(Map.of("caseops.throttle.submissions.per.client", "0"), Map.of());

    assertThat(settings.submissionsPerClient().enabled()).isFalse();
    assertThat(settings.submissionsPerCase().enabled()).isTrue();
  }

  @Test
  void anUnreadableValueIsRefusedWithItsName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> of(Map.of("caseops.throttle.reads.per.client", "-5"), Map.of()))
        .hasMessageContaining(
            "caseops.throttle.reads.per.client (CASEOPS_THROTTLE_READS_PER_CLIENT)")
        .hasMessageContaining("'-5'")
        .hasMessageContaining("0 (off) or more");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> of(Map.of(), Map.of("CASEOPS_THROTTLE_SUBMISSIONS_PER_CLIENT_BURST", "lots")))
        .hasMessageContaining("caseops.throttle.submissions.per.client.burst");
  }
}
