package org.caseops.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimesTest {
  @TempDir Path dir;

  @Test
  void payaraMicro6IsTheRepositorysOwnBinRun() throws Exception {
    Map<String, String> env = new HashMap<>();
    assertThat(Runtimes.launcher(Path.of("/repo"), dir, "payara", env)).isEqualTo(Path.of("/repo"));
    assertThat(env).isEmpty();
  }

  @Test
  void anotherRuntimesLauncherRunsTheRepositorysBinRunWithIt() throws Exception {
    Path script = dir.resolve("fake/bin/run");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/usr/bin/env bash\necho \"$0 $*\"\n", StandardCharsets.UTF_8);
    script.toFile().setExecutable(true);
    Map<String, String> env = new HashMap<>();

    Path launcher = Runtimes.launcher(dir.resolve("fake"), dir, "wildfly", env);

    Process p =
        new ProcessBuilder("bin/run")
            .directory(launcher.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo(script + " --runtime wildfly");
    assertThat(env).containsKey("RUN_CONF");
  }

  @Test
  void wildflysOtherPortsLandOnTheGivenOnesOnceBinRunsOffsetIsAdded() throws Exception {
    Path conf = dir.resolve("standalone.conf");
    Files.writeString(
        conf, Runtimes.wildflyConf(List.of(18399, 18398, 18397, 18396)), StandardCharsets.UTF_8);

    ProcessBuilder pb =
        new ProcessBuilder(
            "bash", "-c", "JAVA_OPTS=-Xmx1g; . \"$1\"; echo \"$JAVA_OPTS\"", "x", conf.toString());
    pb.environment().put("CASEOPS_PORT", "18300");
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

    assertThat(p.waitFor()).isZero();
    // bin/run's offset is 18300 - 8080 = 10220; each port plus it is the one asked for.
    assertThat(out)
        .isEqualTo(
            "-Xmx1g -Djboss.ajp.port=8179 -Djboss.https.port=8178"
                + " -Djboss.management.http.port=8177 -Djboss.management.https.port=8176");
  }

  @Test
  void anUnknownRuntimeIsRefused() {
    assertThatThrownBy(() -> Runtimes.launcher(dir, dir, "tomcat", new HashMap<>()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
