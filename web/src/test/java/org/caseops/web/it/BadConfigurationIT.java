package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting caseops cannot use stops its start-up with a message that names the setting, its
 * environment variable and the form expected: the built WAR on Payara Micro, started as {@code
 * bin/run} starts it, with {@code -Dcaseops.page.size=-3}.
 */
class BadConfigurationIT {
  private static final String EXPECTED =
      "caseops.page.size (CASEOPS_PAGE_SIZE) is '-3': expected a whole number of items from 1 to"
          + " 1000";

  @Test
  void aBadValueFailsTheStartUpNamingTheSettingAndTheFormExpected(@TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path war = Path.of(System.getProperty("caseops.war", "target/caseops.war")).toAbsolutePath();
    Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
    Files.copy(war, dir.resolve("ROOT.war"));
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dcaseops.page.size=-3",
                "-Dcaseops.data.dir=" + dir.resolve("data"),
                "-jar",
                micro.toAbsolutePath().toString(),
                "--nocluster",
                "--port",
                Integer.toString(port),
                "--rootdir",
                dir.resolve("payara").toString(),
                "--deploy",
                dir.resolve("ROOT.war").toString())
            .redirectErrorStream(true)
            .start();
    List<String> log = new ArrayList<>();
    try {
      CompletableFuture<Boolean> started =
          CompletableFuture.supplyAsync(() -> readUntilStarted(server, log));
      boolean serving = started.get(300, TimeUnit.SECONDS);
      String output = String.join("\n", log);
      assertThat(output).as("the server log").contains(EXPECTED);
      if (serving && server.isAlive()) {
        // Payara Micro stays up without the application: caseops answers nothing.
        HttpResponse<String> health =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).doesNotContain("\"status\":\"UP\"");
      }
    } finally {
      server.descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * Reads the server's output into {@code log} until it says it is ready (true) or ends (false).
   */
  private static boolean readUntilStarted(Process server, List<String> log) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && Instant.now().isBefore(deadline)) {
        synchronized (log) {
          log.add(line);
        }
        if (line.contains("Payara Micro") && line.contains("ready in")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
