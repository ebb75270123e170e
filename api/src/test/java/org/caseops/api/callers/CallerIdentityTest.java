package org.caseops.api.callers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.Test;

class CallerIdentityTest {

  @Test
  void aDelegatedTokenNamesItsUserByOidAndName() {
    IdentitySet identity =
        CallerIdentity.fromClaims(
            Map.of(
                "scp", "eDiscovery.Read.All",
                "oid", "0b1c2d3e",
                "sub", "pairwise-subject",
                "name", "Alice Wong",
                "preferred_username", "alice@contoso.com",
                "appid", "client-1"));

    assertThat(identity).isEqualTo(IdentitySet.user("0b1c2d3e", "Alice Wong"));
    assertThat(identity.hasApplication()).isFalse();
  }

  @Test
  void aDelegatedTokenWithoutNameFallsBackToPreferredUsernameAndSub() {
    assertThat(
            CallerIdentity.fromClaims(
                Map.of("scp", "x", "sub", "subject-7", "preferred_username", "bob@contoso.com")))
        .isEqualTo(IdentitySet.user("subject-7", "bob@contoso.com"));
    assertThat(CallerIdentity.fromClaims(Map.of("scp", "x", "oid", "id-only")))
        .isEqualTo(IdentitySet.user("id-only", "id-only"));
  }

  @Test
  void anApplicationTokenNamesItsApplication() {
    IdentitySet identity =
        CallerIdentity.fromClaims(
            Map.of(
                "roles", List.of("eDiscovery.ReadWrite.All"),
                "appid", "app-123",
                "app_displayname", "Review Bot",
                "oid", "service-principal-oid"));

    assertThat(identity).isEqualTo(IdentitySet.application("app-123", "Review Bot"));
    assertThat(identity.hasUser()).isFalse();
  }

  @Test
  void anApplicationTokenWithoutDisplayNameIsNamedByItsClientId() {
    assertThat(CallerIdentity.fromClaims(Map.of("roles", List.of("r"), "azp", "client-9")))
        .isEqualTo(IdentitySet.application("client-9", "client-9"));
  }
}
