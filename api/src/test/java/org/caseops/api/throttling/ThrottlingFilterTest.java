package org.caseops.api.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottlingFilterTest {

  @Test
  void theClientIsTheAuthenticatedUserElseTheRemoteAddress() {
    assertThat(ThrottlingFilter.clientKey(() -> "alice@contoso.com", "10.0.0.1")).isEqualTo("user:alice@contoso.com");
    assertThat(ThrottlingFilter.clientKey(null, "10.0.0.1")).isEqualTo("address:10.0.0.1");
    assertThat(ThrottlingFilter.clientKey(() -> " ", "10.0.0.2")).isEqualTo("address:10.0.0.2");
  }

  @Test
  void onlyTheHealthResourceIsExempt() {
    assertThat(ThrottlingFilter.isHealth("health")).isTrue();
    assertThat(ThrottlingFilter.isHealth("/health")).isTrue();
    assertThat(ThrottlingFilter.isHealth("v1.0/security/cases/ediscoveryCases")).isFalse();
    assertThat(ThrottlingFilter.isHealth("healthy")).isFalse();
  }
}
