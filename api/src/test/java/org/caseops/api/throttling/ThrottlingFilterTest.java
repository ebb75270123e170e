package org.caseops.api.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseops.api.security.AuthenticatedCaller;
import org.junit.jupiter.api.Test;

class ThrottlingFilterTest {

  @Test
  void theClientIsTheAuthenticatedUserElseTheRemoteAddress() {
    AuthenticatedCaller user =
        AuthenticatedCaller.fromClaims(
            Map.of("scp", "eDiscovery.Read.All", "oid", "oid-1", "sub", "sub-1"));
    AuthenticatedCaller app =
        AuthenticatedCaller.fromClaims(
            Map.of("roles", List.of("eDiscovery.Read.All"), "appid", "app-1", "sub", "s"));
    AuthenticatedCaller subjectOnly =
        AuthenticatedCaller.fromClaims(Map.of("scp", "x", "sub", "sub-2"));

    assertThat(ThrottlingFilter.clientKey(user, "10.0.0.1")).isEqualTo("user:oid-1");
    assertThat(ThrottlingFilter.clientKey(app, "10.0.0.1")).isEqualTo("application:app-1");
    assertThat(ThrottlingFilter.clientKey(subjectOnly, "10.0.0.1")).isEqualTo("user:sub-2");
    assertThat(ThrottlingFilter.clientKey(null, "10.0.0.1")).isEqualTo("address:10.0.0.1");
  }

  @Test
  void onlyTheHealthResourceIsExempt() {
    assertThat(ThrottlingFilter.isHealth("health")).isTrue();
    assertThat(ThrottlingFilter.isHealth("/health")).isTrue();
    assertThat(ThrottlingFilter.isHealth("v1.0/security/cases/ediscoveryCases")).isFalse();
    assertThat(ThrottlingFilter.isHealth("healthy")).isFalse();
  }
}
