package org.caseops.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The runtimes {@code bin/run --runtime} starts, for the programs that start a server with {@link
 * Server} (which runs {@code bin/run} with no argument, Payara Micro 6): a launcher directory whose
 * {@code bin/run} runs the repository's with {@code --runtime}, the other ports of WildFly, its
 * shutdown and its log.
 */
final class Runtimes {
  static final List<String> NAMES = List.of("payara", "wildfly", "payara7");

  private Runtimes() {}

  /**
   * The directory to give {@link Server} as the repository: the repository itself for Payara Micro
   * 6; otherwise {@code <dir>/launcher}, whose {@code bin/run} runs the repository's {@code bin/run
   * --runtime <runtime>}. For WildFly, {@code env} gets what keeps its other ports (AJP, HTTPS,
   * management) in {@code RELIABILITY_PORTS} as well.
   */
  static Path launcher(Path repo, Path dir, String runtime, Map<String, String> env)
      throws IOException {
    if (!NAMES.contains(runtime)) {
      throw new IllegalArgumentException(
          "unknown runtime " + runtime + "; one of " + String.join(", ", NAMES));
    }
    if (runtime.equals("payara")) {
      return repo;
    }
    Path launcher = dir.resolve("launcher");
    Path bin = launcher.resolve("bin");
    Files.createDirectories(bin);
    Path run = bin.resolve("run");
    Files.writeString(
        run,
        script(repo.resolve("bin/run").toAbsolutePath().toString(), runtime),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (runtime.equals("wildfly")) {
      Path conf = dir.resolve("standalone.conf");
      Files.writeString(conf, wildflyConf(otherPorts(4)), StandardCharsets.UTF_8);
      env.put("RUN_CONF", conf.toAbsolutePath().toString());
    }
    return launcher;
  }

  /** The launcher's {@code bin/run}. */
  static String script(String binRun, String runtime) {
    return "#!/usr/bin/env bash\nexec " + quote(binRun) + " --runtime " + runtime + " \"$@\"\n";
  }

  /**
   * WildFly's {@code standalone.conf} (its {@code RUN_CONF}) for the runs: the AJP, HTTPS and
   * management ports set so that, once {@code bin/run}'s offset (the HTTP port minus 8080) is
   * added, they are the given ones, e.g. free ports of {@code RELIABILITY_PORTS}.
   */
  static String wildflyConf(List<Integer> ports) {
    String[] names = {
      "jboss.ajp.port",
      "jboss.https.port",
      "jboss.management.http.port",
      "jboss.management.https.port"
    };
    StringBuilder b = new StringBuilder();
    b.append("# Written by the reliability programs: WildFly's other ports at given numbers.\n");
    b.append("offset=$(( ${CASEOPS_PORT:-8080} - 8080 ))\n");
    b.append("JAVA_OPTS=\"$JAVA_OPTS");
    for (int i = 0; i < names.length; i++) {
      b.append(" -D").append(names[i]).append("=$((").append(ports.get(i)).append(" - offset))");
    }
    b.append("\"\n");
    return b.toString();
  }

  /**
   * {@code n} free ports from the top of {@code RELIABILITY_PORTS} down ({@link Server} takes its
   * port from the bottom up), or ports the system picks when it is not set.
   */
  static List<Integer> otherPorts(int n) throws IOException {
    List<Integer> ports = new ArrayList<>();
    String range = System.getenv("RELIABILITY_PORTS");
    if (range != null && range.matches("[0-9]+-[0-9]+")) {
      String[] ends = range.split("-");
      int first = Integer.parseInt(ends[0]);
      for (int p = Integer.parseInt(ends[1]); p >= first && ports.size() < n; p--) {
        try (ServerSocket s = new ServerSocket(p)) {
          ports.add(s.getLocalPort());
        } catch (IOException taken) {
          // the next one
        }
      }
      if (ports.size() < n) {
        throw new IOException("not enough free ports in RELIABILITY_PORTS " + range);
      }
      return ports;
    }
    for (int i = 0; i < n; i++) {
      try (ServerSocket s = new ServerSocket(0)) {
        ports.add(s.getLocalPort());
      }
    }
    return ports;
  }

  /**
   * Stops WildFly's JVM (SIGTERM, SIGKILL after a minute), whose process {@code bin/run} does not
   * start as its own child but through {@code standalone.sh}; its pid is in {@code
   * <data>/server/wildfly/server.pid}; then {@code standalone.sh}, which would wait for it forever.
   * Nothing for the other runtimes, which {@link Server#stop()} stops.
   */
  static void stop(String runtime, Path data) throws InterruptedException {
    if (!runtime.equals("wildfly")) {
      return;
    }
    Optional<ProcessHandle> jvm;
    try {
      String pid =
          Files.readString(data.resolve("server/wildfly/server.pid"), StandardCharsets.UTF_8)
              .trim();
      jvm = ProcessHandle.of(Long.parseLong(pid));
    } catch (IOException | NumberFormatException e) {
      return;
    }
    if (jvm.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> script =
        jvm.get()
            .parent()
            .filter(
                p ->
                    p.info()
                        .arguments()
                        .map(a -> String.join(" ", a))
                        .orElse("")
                        .contains("standalone.sh"));
    jvm.get().destroy();
    try {
      jvm.get().onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      jvm.get().destroyForcibly();
    }
    // standalone.sh waits for its JVM in a loop that goes on while the status says a signal ended
    // it (143 after
    // SIGTERM), and bash gives a reaped child's status again at each wait: it never ends by itself.
    script.ifPresent(
        p -> {
          p.destroyForcibly();
          p.onExit().join();
        });
  }

  /** The server log's entries at SEVERE (Payara) or ERROR (WildFly), one line each. */
  static List<String> serverErrors(String runtime, Path data) {
    List<String> found = new ArrayList<>();
    try {
      for (String line :
          Files.readAllLines(data.resolve("server/server.log"), StandardCharsets.UTF_8)) {
        boolean error =
            runtime.equals("wildfly")
                ? line.matches(".{0,40}\\bERROR\\b.*")
                : line.contains("SEVERE");
        if (error) {
          found.add(line.length() > 300 ? line.substring(0, 300) : line);
        }
      }
    } catch (IOException e) {
      // no log
    }
    return found;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
