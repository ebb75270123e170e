package org.caseops.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caseops server run by {@code bin/run} as a separate process (Payara Micro 6), on a data
 * directory and an optional PostgreSQL database of its own. The server's JVM is the child process
 * of bin/run that runs java; {@link #kill()} sends it SIGKILL.
 */
final class Server {
  private static final Pattern TOKEN = Pattern.compile("export TOKEN=([A-Za-z0-9._-]+)");

  private final Path repo;
  private final Path dataDir;
  private final int port;
  private final String dbUrl;
  private final Map<String, String> env;
  private final Path runLog;
  private Process process;
  private int starts;
  private String token;
  private final List<String> startFailures = new java.util.ArrayList<>();

  Server(Path repo, Path dataDir, String dbUrl, Map<String, String> env) throws IOException {
    this.repo = repo;
    this.dataDir = dataDir;
    this.dbUrl = dbUrl;
    this.env = new HashMap<>(env);
    this.port = freePort();
    this.runLog = dataDir.resolveSibling(dataDir.getFileName() + "-run.log");
  }

  /**
   * A free port: the first free one of {@code RELIABILITY_PORTS} ({@code first-last}) when that is
   * set, else one the system picks.
   */
  static int freePort() throws IOException {
    String range = System.getenv("RELIABILITY_PORTS");
    if (range != null && range.matches("[0-9]+-[0-9]+")) {
      String[] ends = range.split("-");
      for (int p = Integer.parseInt(ends[0]); p <= Integer.parseInt(ends[1]); p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          return s.getLocalPort();
        } catch (IOException taken) {
          // the next one
        }
      }
      throw new IOException("no free port in RELIABILITY_PORTS " + range);
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  Path dataDir() {
    return dataDir;
  }

  String token() {
    return token;
  }

  int starts() {
    return starts;
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  /**
   * Starts bin/run and waits until it says the server listens. A start that ends without the server
   * listening (bin/run stops a server whose deployment failed and says why) is recorded, its server
   * log kept beside the data directory, and tried once more; {@link #takeStartFailures()} gives
   * what was recorded, so that a trial reports it instead of hiding it.
   */
  void start() throws IOException, InterruptedException {
    try {
      startOnce();
    } catch (StartFailure first) {
      Path kept =
          dataDir.resolveSibling(dataDir.getFileName() + "-failed-start-" + starts + ".log");
      Path serverLog = dataDir.resolve("server/server.log");
      if (Files.exists(serverLog)) {
        Files.copy(serverLog, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      startFailures.add(
          "start "
              + starts
              + " did not listen ("
              + first.getMessage()
              + "; its server log: "
              + kept.getFileName()
              + "), the next start did");
      startOnce();
    }
  }

  /** The starts that failed since the last call, each with its reason; then forgets them. */
  List<String> takeStartFailures() {
    List<String> taken = List.copyOf(startFailures);
    startFailures.clear();
    return taken;
  }

  /**
   * Moves the server log of the previous start (bin/run writes each start's log anew) beside the
   * data directory, as {@code <data>-server-<start>.log}, so that what a killed or failed server
   * wrote is still there to read after the next start.
   */
  private void keepServerLog() throws IOException {
    Path serverLog = dataDir.resolve("server/server.log");
    if (Files.exists(serverLog)) {
      Files.move(
          serverLog,
          dataDir.resolveSibling(dataDir.getFileName() + "-server-" + starts + ".log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** bin/run ended without the server listening. */
  static final class StartFailure extends IOException {
    StartFailure(String message) {
      super(message);
    }
  }

  private void startOnce() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    keepServerLog();
    ProcessBuilder pb = new ProcessBuilder("bin/run").directory(repo.toFile());
    Map<String, String> e = pb.environment();
    e.put("CASEOPS_SKIP_BUILD", "1");
    e.put("CASEOPS_PORT", Integer.toString(port));
    e.put("CASEOPS_DATA_DIR", dataDir.toString());
    e.putIfAbsent("CASEOPS_HEAP", "1g");
    // bin/run gives up on a server that does not answer in this time and says why (see start()).
    e.putIfAbsent("CASEOPS_START_TIMEOUT", "600");
    e.remove("CASEOPS_DB_URL");
    if (dbUrl != null) {
      e.put("CASEOPS_DB_URL", dbUrl);
      e.put("CASEOPS_DB_USER", "postgres");
      e.put("CASEOPS_DB_PASSWORD", "");
    }
    e.putAll(env);
    long before = Files.exists(runLog) ? Files.size(runLog) : 0;
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(runLog.toFile()));
    process = pb.start();
    starts++;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (true) {
      String out = Files.readString(runLog, StandardCharsets.UTF_8);
      String mine = out.substring((int) Math.min(before, out.length()));
      // bin/run prints the token after the line that says the server listens, and ends with this.
      if (mine.contains("caseops is listening") && mine.contains("Stop it with Ctrl-C.")) {
        Matcher m = TOKEN.matcher(mine);
        if (m.find()) {
          token = m.group(1);
        } else {
          try {
            token = new Tokens(dataDir).user("Local developer");
          } catch (java.security.GeneralSecurityException x) {
            throw new IOException("no token from bin/run, and none could be signed", x);
          }
        }
        return;
      }
      if (!process.isAlive()) {
        process = null;
        String why =
            mine.lines()
                .filter(l -> l.startsWith("caseops did not start"))
                .findFirst()
                .orElse("bin/run ended before the server listened");
        throw new StartFailure(why + "; see " + runLog);
      }
      if (System.nanoTime() > deadline) {
        kill();
        throw new IOException("the server did not listen within 15 minutes; see " + runLog);
      }
      Thread.sleep(250);
    }
  }

  /** The server's JVM: the child of bin/run that runs java. */
  Optional<ProcessHandle> jvm() {
    if (process == null) {
      return Optional.empty();
    }
    return process
        .toHandle()
        .children()
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst();
  }

  long jvmPid() {
    return jvm().map(ProcessHandle::pid).orElse(-1L);
  }

  /** SIGKILL to the server's JVM, then waits for bin/run to end. */
  void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    Optional<ProcessHandle> jvm = jvm();
    jvm.ifPresent(ProcessHandle::destroyForcibly);
    if (jvm.isPresent()) {
      jvm.get().onExit().join();
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    process = null;
  }

  /** SIGTERM to the server's JVM (a clean shutdown), SIGKILL after a minute. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    Optional<ProcessHandle> jvm = jvm();
    jvm.ifPresent(ProcessHandle::destroy);
    if (jvm.isPresent()) {
      try {
        jvm.get().onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        jvm.get().destroyForcibly();
      }
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    process.waitFor();
    process = null;
  }

  /** The HTTP status of a GET of a health path, or -1 when nothing answers. */
  int health(String path) {
    try {
      HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> r =
          c.send(
              HttpRequest.newBuilder(URI.create(base() + path))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Whether the server log of the current start shows the application deployed a second time. */
  String redeployed() {
    try {
      String log = Files.readString(dataDir.resolve("server/server.log"), StandardCharsets.UTF_8);
      return log.contains("handleRedeploy")
          ? "the application was undeployed and deployed again after bin/run said it listened"
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * What start-up recovery of the current start did with the operation, from the server log ({@link
   * KillPlan#recoveryAtStartup}), or null when it did not take it up.
   */
  String recoveryOf(String operationId) {
    try {
      return KillPlan.recoveryAtStartup(
          Files.readString(dataDir.resolve("server/server.log"), StandardCharsets.ISO_8859_1),
          operationId);
    } catch (IOException e) {
      return null;
    }
  }

  Path runLog() {
    return runLog;
  }

  static List<String> tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of();
    }
  }
}
