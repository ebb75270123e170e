package org.caseops.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeysTest {

  @Test
  void theKeyIsMadeOnceKeptPrivateAndItsTokensAreAccepted(@TempDir Path dataDir) throws Exception {
    Path folder = DevKeys.folder(dataDir);
    DevKeys made = DevKeys.loadOrCreate(folder);
    Path privateKey = folder.resolve(DevKeys.PRIVATE_KEY_FILE);

    assertThat(Files.getPosixFilePermissions(privateKey))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Pem.readPublicKey(Files.readString(folder.resolve(DevKeys.PUBLIC_KEY_FILE))))
        .isEqualTo(made.publicKey());
    assertThat(DevKeys.loadOrCreate(folder).publicKey()).isEqualTo(made.publicKey());

    BearerAuthentication authentication =
        new BearerAuthentication(DevKeys.load(folder).verifier(60));
    String token = made.userToken("Dana", Permissions.READ_WRITE, Duration.ofDays(30));
    var accepted = (BearerAuthentication.Accepted) authentication.decide("Bearer " + token, "POST");
    assertThat(accepted.caller().identity().getUserName()).isEqualTo("Dana");

    String app =
        made.applicationToken("Nightly export", List.of(Permissions.READ), Duration.ofDays(1));
    var read = (BearerAuthentication.Accepted) authentication.decide("Bearer " + app, "GET");
    assertThat(read.caller().identity().getApplicationName()).isEqualTo("Nightly export");
    assertThat(authentication.decide("Bearer " + app, "DELETE"))
        .isInstanceOf(BearerAuthentication.Forbidden.class);
  }

  @Test
  void tokensOfAnotherDataDirectoryAreNotAccepted(@TempDir Path one, @TempDir Path two)
      throws Exception {
    DevKeys first = DevKeys.loadOrCreate(DevKeys.folder(one));
    DevKeys second = DevKeys.loadOrCreate(DevKeys.folder(two));
    String token = first.userToken("Dana", Permissions.READ_WRITE, Duration.ofDays(1));

    assertThat(new BearerAuthentication(second.verifier(60)).decide("Bearer " + token, "GET"))
        .isInstanceOf(BearerAuthentication.Unauthenticated.class);
    assertThat(
            new BearerAuthentication(
                    TokenVerifier.forKey(first.publicKey(), "other", Set.of("caseops"), 60))
                .decide("Bearer " + token, "GET"))
        .isInstanceOf(BearerAuthentication.Unauthenticated.class);
  }
}
