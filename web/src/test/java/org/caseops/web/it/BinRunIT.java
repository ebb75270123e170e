package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/run} on a server that comes up without caseops: it must stop the server and end with
 * the reason, never wait for a server that will not answer (a restart whose deployment failed was
 * once left waiting without end). The WAR it starts is one whose {@code web.xml} is broken, so its
 * deployment fails as any failed deployment does; the server is the runtime of the test run (Payara
 * Micro 6 by default, WildFly in the WildFly run), in a copy of the script's tree that holds that
 * WAR beside the real server files.
 *
 * <p>Not an Arquillian test: it runs bin/run, on ports of its own.
 */
class BinRunIT {
  private final Path work = Path.of("target/it-binrun").toAbsolutePath();
  private Process run;

  @AfterEach
  void stop() {
    if (run != null && run.isAlive()) {
      run.descendants().forEach(ProcessHandle::destroyForcibly);
      run.destroyForcibly();
    }
  }

  @Test
  void aServerUpWithoutCaseopsIsStoppedAndTheScriptSaysWhy() throws Exception {
    boolean wildfly = "wildfly".equals(System.getProperty("caseops.it.runtime"));
    Path repo = tree(wildfly);
    int port =
        wildfly
            ? 8080 + WildFlyPorts.freeOffsetApartFrom(WildFlyPorts.arquillianOffset())
            : freePort();

    ProcessBuilder pb =
        new ProcessBuilder(
                wildfly
                    ? List.of("bash", "bin/run", "--runtime", "wildfly")
                    : List.of("bash", "bin/run"))
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("run.log").toFile());
    Map<String, String> env = pb.environment();
    env.remove("CASEOPS_DB_URL");
    env.put("CASEOPS_SKIP_BUILD", "1");
    env.put("CASEOPS_PORT", Integer.toString(port));
    env.put("CASEOPS_DATA_DIR", work.resolve("data").toString());
    env.put("CASEOPS_HEAP", "512m");
    env.put("CASEOPS_START_TIMEOUT", "600");
    run = pb.start();

    assertThat(run.waitFor(10, TimeUnit.MINUTES))
        .as("bin/run still waiting after 10 minutes: %s", output())
        .isTrue();
    String out = output();
    assertThat(run.exitValue()).as(out).isEqualTo(1);
    assertThat(out)
        .as(out)
        .contains("caseops did not start: ")
        .contains(
            wildfly
                ? "WildFly did not deploy caseops.war"
                : "Payara Micro is ready but caseops is not deployed")
        .contains("web.xml")
        .doesNotContain("caseops is listening");
    // The server is stopped, not left running without caseops.
    assertThat(listening(port)).as("something still listens on %d", port).isFalse();
  }

  @Test
  void aStartTimeoutThatIsNotANumberIsRefusedBeforeAnythingStarts() throws Exception {
    Path repo = tree(false);
    ProcessBuilder pb =
        new ProcessBuilder("bash", "bin/run")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("run.log").toFile());
    pb.environment().put("CASEOPS_SKIP_BUILD", "1");
    pb.environment().put("CASEOPS_DATA_DIR", work.resolve("data").toString());
    pb.environment().put("CASEOPS_START_TIMEOUT", "ten");
    run = pb.start();
    assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
    String out = output();
    assertThat(run.exitValue()).as(out).isEqualTo(2);
    assertThat(out)
        .contains("CASEOPS_START_TIMEOUT is 'ten': expected a whole number of seconds, 1 or more")
        .doesNotContain("Starting caseops");
  }

  /**
   * A copy of what bin/run reads: the script, the server files of web/src/main, the real runtime
   * (linked), and a WAR whose deployment fails.
   */
  private Path tree(boolean wildfly) throws IOException {
    deleteTree(work);
    Path repo = Files.createDirectories(work.resolve("repo"));
    Path bin = Files.createDirectories(repo.resolve("bin"));
    Files.copy(Path.of("../bin/run"), bin.resolve("run"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(bin.resolve("run"), PosixFilePermissions.fromString("rwxr-xr-x"));
    copyTree(Path.of("src/main/payara"), repo.resolve("web/src/main/payara"));
    copyTree(Path.of("src/main/wildfly"), repo.resolve("web/src/main/wildfly"));
    Path target = Files.createDirectories(repo.resolve("web/target"));
    Files.createSymbolicLink(
        target.resolve("payara-micro.jar"), Path.of("target/payara-micro.jar").toAbsolutePath());
    if (wildfly) {
      Path home = Path.of(System.getProperty("wildfly.home")).toAbsolutePath();
      Files.createSymbolicLink(target.resolve(home.getFileName()), home);
      Files.createSymbolicLink(target.resolve("lib"), Path.of("target/lib").toAbsolutePath());
    }
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(target.resolve("caseops.war")))) {
      zip.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
      zip.write("<web-app><broken".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("index.html"));
      zip.write("<p>not caseops</p>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return repo;
  }

  private String output() {
    try {
      return Files.readString(work.resolve("run.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      try (OutputStream out = s.getOutputStream()) {
        out.write(0);
      }
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path dest = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(f, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
