package org.caseops.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthenticationFilterTest {

  @Test
  void theChallengeSaysInvalidTokenOnlyWhenATokenWasSent() {
    var missing = new BearerAuthentication.Unauthenticated(false, "Access token is empty.");
    assertThat(AuthenticationFilter.challenge(missing)).isEqualTo("Bearer");
    assertThat(
            AuthenticationFilter.challenge(
                new BearerAuthentication.Unauthenticated(true, "Say \"Bearer <token>\" \\ é")))
        .isEqualTo(
            "Bearer error=\"invalid_token\", error_description=\"Say 'Bearer <token>' ' '\"");
  }

  @Test
  void onlyHealthIsOpen() {
    assertThat(AuthenticationFilter.isHealth("/health")).isTrue();
    assertThat(AuthenticationFilter.isHealth("health")).isTrue();
    assertThat(AuthenticationFilter.isHealth("healthy")).isFalse();
    assertThat(AuthenticationFilter.isHealth("v1.0/security/cases/ediscoveryCases")).isFalse();
    assertThat(AuthenticationFilter.isHealth("health/../v1.0/security/cases/ediscoveryCases"))
        .isFalse();
  }
}
