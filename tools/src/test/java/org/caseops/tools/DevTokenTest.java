package org.caseops.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.caseops.api.security.DevKeys;
import org.caseops.api.security.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokenTest {
  private static final UnaryOperator<String> NONE = name -> null;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsAReadWriteUserTokenThatTheServersKeyAccepts(@TempDir Path dataDir) throws Exception {
    DevKeys keys = DevKeys.loadOrCreate(DevKeys.folder(dataDir));

    assertThat(run(NONE, NONE, "--data-dir", dataDir.toString())).isZero();

    Map<String, Object> claims = keys.verifier(60).verify(out().strip());
    assertThat(claims)
        .containsEntry("scp", Permissions.READ_WRITE)
        .containsEntry("name", DevKeys.DEFAULT_USER);
  }

  @Test
  void readOnlyApplicationTokensAndOtherUsers(@TempDir Path dataDir) throws Exception {
    DevKeys keys = DevKeys.loadOrCreate(DevKeys.folder(dataDir));
    String dir = dataDir.toString();

    assertThat(run(NONE, NONE, "--data-dir", dir, "--read-only", "--days", "7", "--user", "Dana"))
        .isZero();
    assertThat(keys.verifier(60).verify(out().strip()))
        .containsEntry("scp", Permissions.READ)
        .containsEntry("name", "Dana");

    out.reset();
    assertThat(run(NONE, NONE, "--data-dir", dir, "--application", "Nightly intake")).isZero();
    assertThat(keys.verifier(60).verify(out().strip()))
        .containsEntry("app_displayname", "Nightly intake")
        .containsEntry("roles", List.of(Permissions.READ_WRITE));
  }

  @Test
  void theDataDirectoryComesFromThePropertyThenTheEnvironment() {
    assertThat(DevToken.configuredDataDir(NONE, NONE)).isEqualTo(Path.of("caseops-data"));
    assertThat(DevToken.configuredDataDir(NONE, env("CASEOPS_DATA_DIR", "/srv/env")))
        .isEqualTo(Path.of("/srv/env"));
    assertThat(
            DevToken.configuredDataDir(
                env("caseops.data.dir", " /srv/prop "), env("CASEOPS_DATA_DIR", "/srv/env")))
        .isEqualTo(Path.of("/srv/prop"));
    assertThat(
            DevToken.configuredDataDir(
                env("caseops.data.dir", " "), env("CASEOPS_DATA_DIR", "/srv/env")))
        .isEqualTo(Path.of("/srv/env"));
  }

  @Test
  void aWrongCommandLineGetsTheUsageAndStatus2() throws Exception {
    assertThat(run(NONE, NONE, "--days", "0")).isEqualTo(2);
    assertThat(err()).contains("--days must be from 1 to 366").contains(DevToken.USAGE);

    err.reset();
    assertThat(run(NONE, NONE, "--user")).isEqualTo(2);
    assertThat(err()).contains("--user needs a value");

    err.reset();
    assertThat(run(NONE, NONE, "--verbose")).isEqualTo(2);
    assertThat(err()).contains("unknown argument --verbose");
    assertThat(out()).isEmpty();
  }

  private int run(
      UnaryOperator<String> properties, UnaryOperator<String> environment, String... args)
      throws Exception {
    return DevToken.run(
        args,
        properties,
        environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static UnaryOperator<String> env(String name, String value) {
    return n -> n.equals(name) ? value : null;
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
