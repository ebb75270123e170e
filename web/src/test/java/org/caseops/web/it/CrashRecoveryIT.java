package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job interrupted by a server that is killed (SIGKILL, no shutdown) in the middle of its chunks,
 * on WildFly with the configuration bin/run gives it on H2: after the restart, start-up recovery
 * takes the operation up again from what the job repository and the catalog kept, and the operation
 * ends {@code succeeded} with every item indexed once, those of the chunks committed before the
 * kill counted as unchanged.
 *
 * <p>Not an Arquillian test: it starts and kills its own server (the installation the build
 * unpacked and configured, {@code wildfly.home}, with a server directory of its own under {@code
 * target/it-crash}, on ports 8080 and 9990 plus {@code caseops.it.crash.port.offset}, or plus an
 * offset whose ports are free), so it runs beside the Arquillian server of the other classes.
 */
class CrashRecoveryIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";

  /** Its server's port offset: as given, or free ports apart from the Arquillian server's. */
  private static final int OFFSET =
      Integer.getInteger(
          "caseops.it.crash.port.offset",
          WildFlyPorts.freeOffsetApartFrom(WildFlyPorts.arquillianOffset()));

  private static final int MBOX_FILES = 16;
  private static final int MESSAGES_PER_MBOX = 500;
  private static final int MESSAGES = MBOX_FILES * MESSAGES_PER_MBOX;
  private static final Pattern INDEXED =
      Pattern.compile("Indexed ([\\d,]+) items; ([\\d,]+) unchanged; 0 unindexed\\.");

  private final Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly"));
  private final Path work =
      Path.of(System.getProperty("caseops.it.crash.dir", "target/it-crash")).toAbsolutePath();
  private final List<Process> servers = new ArrayList<>();

  @AfterEach
  void killServers() {
    servers.forEach(CrashRecoveryIT::kill);
  }

  @Test
  void anIndexJobCutOffByAKilledServerIsResumedAfterTheRestart() throws Exception {
    prepareServerDirectory();
    String email = "crash." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
    writeMailbox(email);

    Process first = start("first");
    GraphClient api = new GraphClient(new URL("http://127.0.0.1:" + (8080 + OFFSET) + "/"));
    String caseId = api.post(CASES, "{\"displayName\":\"Crash recovery\"}").json().getString("id");
    String custodianId =
        api.post(CASES + "/" + caseId + "/custodians", "{\"email\":\"" + email + "\"}")
            .json()
            .getString("id");
    GraphClient.Reply source =
        api.post(
            CASES + "/" + caseId + "/custodians/" + custodianId + "/userSources",
            "{\"email\":\"" + email + "\",\"includedSources\":\"mailbox\"}");
    assertThat(source.status()).as(source.toString()).isEqualTo(201);
    GraphClient.Reply submitted =
        api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String location = URI.create(submitted.header("Location")).getPath();

    // Killed once a chunk has surely committed (the progress of the chunk being written may show
    // before its commit), and long before the last one.
    JsonObject running = awaitProgress(api, location);
    assertThat(running.getInt("percentProgress")).isLessThan(90);
    long firstExecution =
        api.get(location + "/caseops.execution")
            .json()
            .getJsonArray("executions")
            .getJsonObject(0)
            .getJsonNumber("executionId")
            .longValue();
    kill(first);

    start("second");
    JsonObject done = awaitEnd(api, location);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("succeeded");
    Matcher counts =
        INDEXED.matcher(done.getJsonObject("resultInfo").getString("message").replace(",", ""));
    assertThat(counts.matches()).as(done.toString()).isTrue();
    // The operation's counts come from the catalog, so they cover both executions.
    assertThat(Long.parseLong(counts.group(1))).as(done.toString()).isEqualTo(MESSAGES);

    // The job repository is in the database: the execution that took the work up again is
    // numbered after the one that died (an in-memory repository would have started again from 1).
    JsonObject execution = api.get(location + "/caseops.execution").json();
    JsonObject resumed =
        execution
            .getJsonArray("executions")
            .getJsonObject(execution.getJsonArray("executions").size() - 1);
    assertThat(resumed.getJsonNumber("executionId").longValue())
        .as(execution.toString())
        .isGreaterThan(firstExecution);

    // Every message is in the catalog once, whatever the first execution had committed.
    JsonObject statistics = api.get(CASES + "/" + caseId + "/itemStatistics").json();
    assertThat(statistics.getJsonArray("value").getJsonObject(0).getInt("indexedItemCount"))
        .isEqualTo(MESSAGES);
  }

  /** A server directory of its own: the configuration the build made, the built WAR to deploy. */
  private void prepareServerDirectory() throws IOException {
    if (Files.exists(work)) {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Path configuration = Files.createDirectories(work.resolve("wildfly/configuration"));
    try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, configuration.resolve(file.getFileName()));
      }
    }
    assertThat(configuration.resolve("caseops-h2.xml")).exists();
    Path deployments = Files.createDirectories(work.resolve("wildfly/deployments"));
    Files.copy(
        Path.of(System.getProperty("caseops.war", "target/caseops.war")),
        deployments.resolve("caseops.war"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** MBOX_FILES mbox files of MESSAGES_PER_MBOX messages each, every message distinct. */
  private void writeMailbox(String email) {
    Path mailbox = work.resolve("evidence/mailboxes").resolve(email);
    for (int f = 0; f < MBOX_FILES; f++) {
      StringBuilder mbox = new StringBuilder();
      for (int m = 0; m < MESSAGES_PER_MBOX; m++) {
        String id = f + "." + m;
        mbox.append("From megan@contoso.com Mon Mar  2 10:00:00 2026\n")
            .append(
                Evidence.message(
                        "megan@contoso.com",
                        email,
                        "Falcon status " + id,
                        "Mon, 2 Mar 2026 10:00:00 +0000",
                        "m" + id + "@contoso.com",
                        "Status of the Falcon project, report "
                            + id
                            + ". The budget, the schedule and the risks are as discussed.")
                    .replace("\r\n", "\n"))
            .append("\n");
      }
      Evidence.write(mailbox.resolve("archive-" + f + ".mbox"), mbox.toString());
    }
  }

  /** Starts WildFly on the server directory and waits until caseops answers /health. */
  private Process start(String name) throws IOException, InterruptedException {
    Path publicKey = Path.of("src/test/resources/auth/test-only-public-key.pem").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
            "bash",
            home.resolve("bin/standalone.sh").toString(),
            "-Djboss.server.base.dir=" + work.resolve("wildfly"),
            "-c",
            "caseops-h2.xml",
            "-Djboss.socket.binding.port-offset=" + OFFSET,
            "-Dcaseops.data.dir=" + work.resolve("data"),
            "-Dcaseops.evidence.root=" + work.resolve("evidence"),
            "-Dcaseops.auth.publickey.location=" + publicKey,
            "-Dcaseops.auth.issuer=" + TestTokens.issuer(),
            "-Dcaseops.auth.audience=" + TestTokens.audience());
    builder.environment().put("JBOSS_HOME", home.toAbsolutePath().toString());
    builder
        .environment()
        .put(
            "JAVA_OPTS",
            "-Xmx768m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman");
    builder.redirectErrorStream(true);
    builder.redirectOutput(work.resolve("server-" + name + ".log").toFile());
    Process server = builder.start();
    servers.add(server);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8080 + OFFSET) + "/health"))
            .timeout(Duration.ofSeconds(10))
            .build();
    // Seen at almost 4 minutes on a busy machine.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        fail("WildFly stopped while starting; see " + work.resolve("server-" + name + ".log"));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return server;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    return fail("caseops did not answer /health within 10 minutes");
  }

  /** SIGKILL to the server JVM and the script that started it: no shutdown hook runs. */
  private static void kill(Process server) {
    server.descendants().forEach(ProcessHandle::destroyForcibly);
    server.destroyForcibly();
    try {
      server.waitFor(60, TimeUnit.SECONDS);
      for (ProcessHandle child : server.descendants().toList()) {
        child.onExit().get(60, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("the server did not stop", e);
    }
  }

  private static JsonObject awaitProgress(GraphClient api, String location)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      JsonObject op = api.get(location).json();
      String status = op.getString("status");
      if (!List.of("notStarted", "running").contains(status)) {
        fail("the job ended (" + op + ") before the server could be killed: give it more evidence");
      }
      if (op.getInt("percentProgress") >= 15) {
        return op;
      }
      Thread.sleep(100);
    }
    return fail("the index job made no progress within 5 minutes");
  }

  private static JsonObject awaitEnd(GraphClient api, String location) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      JsonObject op = api.get(location).json();
      if (!List.of("notStarted", "running").contains(op.getString("status"))) {
        return op;
      }
      Thread.sleep(500);
    }
    return fail("the operation did not end within 10 minutes of the restart");
  }
}
