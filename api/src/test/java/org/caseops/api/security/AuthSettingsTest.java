package org.caseops.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSettingsTest {

  private static AuthSettings settings(Map<String, String> values) {
    return AuthSettings.from(values::get);
  }

  @Test
  void withoutAKeyTheServerIsInDevelopmentMode() {
    AuthSettings settings = settings(Map.of("caseops.data.dir", "/srv/caseops"));

    assertThat(settings.developmentMode()).isTrue();
    assertThat(settings.clockSkewSeconds()).isEqualTo(60);
    assertThat(DevKeys.folder(settings.dataDir()).toString()).endsWith("caseops/auth");
  }

  @Test
  void aConfiguredKeyTurnsDevelopmentModeOffAndNeedsIssuerAndAudience() {
    Map<String, String> values = new HashMap<>();
    values.put("caseops.auth.publickey.location", "/keys/issuer.pem");
    assertThatThrownBy(() -> settings(values)).hasMessageContaining("caseops.auth.issuer");

    values.put("caseops.auth.issuer", "https://issuer");
    values.put("caseops.auth.audience", "api://caseops, 11111111-2222");
    values.put("caseops.auth.clock.skew.seconds", "30");
    AuthSettings settings = settings(values);
    assertThat(settings.developmentMode()).isFalse();
    assertThat(settings.audiences()).isEqualTo(Set.of("api://caseops", "11111111-2222"));
    assertThat(settings.clockSkewSeconds()).isEqualTo(30);

    values.remove("caseops.auth.publickey.location");
    values.put("caseops.auth.jwks.location", "https://issuer/keys");
    assertThat(settings(values).developmentMode()).isFalse();
  }

  @Test
  void aConfiguredPemKeyAndJwkSetFileAreTrusted(@TempDir Path dir) throws Exception {
    DevKeys issuerKeys = DevKeys.loadOrCreate(dir.resolve("issuer"));
    Path pem = dir.resolve("issuer-public-key.pem");
    Files.writeString(pem, Pem.write(issuerKeys.publicKey()));
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(
        jwks, new JWKSet(new RSAKey.Builder(issuerKeys.publicKey()).build()).toString());
    String token = issuerKeys.userToken("Erin", Permissions.READ, Duration.ofMinutes(5));

    for (String location :
        new String[] {"caseops.auth.publickey.location", "caseops.auth.jwks.location"}) {
      AuthSettings settings =
          settings(
              Map.of(
                  location,
                  location.contains("jwks") ? jwks.toString() : pem.toString(),
                  "caseops.auth.issuer",
                  DevKeys.ISSUER,
                  "caseops.auth.audience",
                  DevKeys.AUDIENCE));
      BearerAuthentication authentication =
          new BearerAuthentication(TokenVerifier.fromSettings(settings));
      assertThat(authentication.decide("Bearer " + token, "GET"))
          .isInstanceOf(BearerAuthentication.Accepted.class);
    }
  }

  @Test
  void unusableSettingsAreRefused() {
    assertThatThrownBy(() -> settings(Map.of("caseops.auth.issuer", "https://issuer")))
        .hasMessageContaining("no key");
    assertThatThrownBy(
            () ->
                settings(
                    Map.of(
                        "caseops.auth.publickey.location", "a.pem",
                        "caseops.auth.jwks.location", "b.json",
                        "caseops.auth.issuer", "i",
                        "caseops.auth.audience", "a")))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> settings(Map.of("caseops.auth.clock.skew.seconds", "soon")))
        .hasMessageContaining("clock.skew");
  }

  @Test
  void aSystemPropertyWinsOverTheEnvironment() {
    assertThat(AuthSettings.envName("caseops.auth.publickey.location"))
        .isEqualTo("CASEOPS_AUTH_PUBLICKEY_LOCATION");
    Map<String, String> env = Map.of("CASEOPS_AUTH_ISSUER", "from-env");
    assertThat(AuthSettings.setting("caseops.auth.issuer", name -> null, env::get))
        .isEqualTo("from-env");
    assertThat(AuthSettings.setting("caseops.auth.issuer", name -> "from-property", env::get))
        .isEqualTo("from-property");
  }
}
