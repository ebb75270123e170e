package org.caseops.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.caseops.api.security.BearerAuthentication.Accepted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSignInTest {
  @TempDir Path dir;

  @Test
  void inDevelopmentModeHandsALoopbackCallerAReadWriteTokenTheServerAccepts() throws Exception {
    DevKeys keys = DevKeys.loadOrCreate(dir);
    DevSignIn signIn = new DevSignIn(Optional.of(keys));

    assertThat(signIn.offeredTo("127.0.0.1", "localhost:8080")).isTrue();
    assertThat(signIn.offeredTo("0:0:0:0:0:0:0:1", "[::1]:8080")).isTrue();
    String token = signIn.tokenFor("127.0.0.1", "127.0.0.1:8080").orElseThrow();

    BearerAuthentication.Decision decision =
        new BearerAuthentication(keys.verifier(60)).decide("Bearer " + token, "POST");
    assertThat(decision).isInstanceOf(Accepted.class);
    AuthenticatedCaller caller = ((Accepted) decision).caller();
    assertThat(caller.permissions()).containsExactly(Permissions.READ_WRITE);
    assertThat(caller.identity().getUserName()).isEqualTo(DevKeys.DEFAULT_USER);
  }

  @Test
  void isRefusedToOtherMachinesAndOtherHostNames() throws Exception {
    DevSignIn signIn = new DevSignIn(Optional.of(DevKeys.loadOrCreate(dir)));

    assertThat(signIn.tokenFor("192.168.1.20", "localhost:8080")).isEmpty();
    assertThat(signIn.tokenFor("10.0.0.1", "10.0.0.1:8080")).isEmpty();
    // A page of another site whose name resolves to the loopback address names its own host.
    assertThat(signIn.tokenFor("127.0.0.1", "attacker.example:8080")).isEmpty();
    assertThat(signIn.tokenFor("127.0.0.1", null)).isEmpty();
    assertThat(signIn.tokenFor("localhost", "localhost")).isEmpty();
  }

  @Test
  void doesNotExistWhenATokenIssuerIsConfigured() {
    DevSignIn signIn = new DevSignIn(Optional.empty());

    assertThat(signIn.offeredTo("127.0.0.1", "localhost:8080")).isFalse();
    assertThat(signIn.tokenFor("127.0.0.1", "localhost:8080")).isEmpty();
  }
}
