package org.caseops.api.callers;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.Test;

class CallerIdentityTest {

  @Test
  void anAuthenticatedPrincipalIsTheUser() {
    IdentitySet identity = CallerIdentity.of(() -> "alice@contoso.com");

    assertThat(identity).isEqualTo(IdentitySet.user("alice@contoso.com", "alice@contoso.com"));
    assertThat(identity.hasApplication()).isFalse();
  }

  @Test
  void withoutPrincipalTheCallerIsTheAnonymousApplication() {
    assertThat(CallerIdentity.of(null)).isEqualTo(IdentitySet.application(null, "anonymous"));
    assertThat(CallerIdentity.of(() -> " ")).isEqualTo(IdentitySet.application(null, "anonymous"));
  }
}
