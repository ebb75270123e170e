package org.caseops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the live operation stream ({@code GET /v1.0/caseops/operations/events}) costs a running
 * server, and how late its events arrive. Talks to a server over HTTP only (JDK classes only: it
 * runs as a single source file, {@code java StreamBenchmark.java}, with no build), on the same
 * machine, so that its clock is the server's:
 *
 * <ul>
 *   <li>idle cost: the server process's CPU time (from {@code /proc}) over a quiet interval with no
 *       client and with {@code --clients} open streams, and its resident memory;
 *   <li>load cost: an {@code index} of {@code --messages} generated messages, alternately with no
 *       stream open and with {@code --clients} streams open, wall time and server CPU time;
 *   <li>latency: for each event of an operation that ended, from the instant the server recorded
 *       (its {@code completedDateTime}) to its arrival at each client; and from the answer to the
 *       POST that submitted an operation to the arrival of its first event.
 * </ul>
 *
 * Options: {@code --url http://localhost:8080} {@code --pid <server pid>} {@code --evidence
 * <server's evidence root>} {@code --token <bearer token>} (or, for a server in development mode,
 * the local sign-in) {@code --clients 50} {@code --messages 3000} {@code --rounds 3} {@code --idle
 * 30} (seconds).
 */
public final class StreamBenchmark {
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{32})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Za-z]+)\"");
  private static final Pattern COMPLETED = Pattern.compile("\"completedDateTime\":\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;
  private final String token;
  private final long pid;

  private StreamBenchmark(String url, String token, long pid) {
    this.url = url;
    this.token = token;
    this.pid = pid;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = o.getOrDefault("url", "http://localhost:8080").replaceAll("/$", "");
    long pid = Long.parseLong(o.getOrDefault("pid", "0"));
    int clients = Integer.parseInt(o.getOrDefault("clients", "50"));
    int messages = Integer.parseInt(o.getOrDefault("messages", "3000"));
    int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
    int idle = Integer.parseInt(o.getOrDefault("idle", "30"));
    Path evidence = Path.of(o.getOrDefault("evidence", "caseops-data/evidence"));
    String token = o.get("token");
    if (token == null) {
      token = devSignIn(url);
    }
    new StreamBenchmark(url, token, pid).run(clients, messages, rounds, idle, evidence);
  }

  private void run(int clients, int messages, int rounds, int idle, Path evidence)
      throws Exception {
    String email = "stream.bench." + messages + "@contoso.com";
    writeMailbox(evidence.resolve("mailboxes").resolve(email), messages);
    System.out.printf(
        Locale.ROOT,
        "server %s, pid %d; %d clients; index of %,d messages; %d rounds%n",
        url,
        pid,
        clients,
        messages,
        rounds);

    // Warm-up: one index, unmeasured.
    index(email);

    // Quiet intervals, alternately without and with the streams open, so that drift (a collection,
    // the JIT, another process) falls on both alike.
    List<Double> idleNone = new ArrayList<>();
    List<Double> idleOpen = new ArrayList<>();
    long rssNone = 0;
    long rssOpen = 0;
    for (int pair = 0; pair < 2; pair++) {
      idleNone.add(cpuOver(idle));
      rssNone = rssKiB();
      List<Client> open = open(clients);
      Thread.sleep(2000);
      rssOpen = rssKiB();
      idleOpen.add(cpuOver(idle));
      close(open);
    }
    System.out.printf(
        Locale.ROOT,
        "idle: server CPU %s s per minute with no stream, %s s per minute with %d streams;"
            + " resident memory %,d KiB, then %,d KiB with the streams open%n",
        perMinute(idleNone, idle),
        perMinute(idleOpen, idle),
        clients,
        rssNone,
        rssOpen);

    List<Long> wallNone = new ArrayList<>();
    List<Long> wallOpen = new ArrayList<>();
    List<Double> cpuNone = new ArrayList<>();
    List<Double> cpuOpen = new ArrayList<>();
    List<Double> endLatencies = new ArrayList<>();
    List<Double> submitLatencies = new ArrayList<>();
    AtomicLong events = new AtomicLong();
    for (int round = 0; round < rounds; round++) {
      // Half the rounds index with the streams open first, so that neither side always runs on the
      // warmer server.
      boolean openFirst = round % 2 == 1;
      for (int side = 0; side < 2; side++) {
        boolean withStreams = (side == 0) == openFirst;
        List<Client> streams = withStreams ? open(clients) : List.of();
        if (withStreams) {
          Thread.sleep(1000);
        }
        double cpu0 = cpu();
        long t0 = System.nanoTime();
        Indexed run = index(email);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        double used = cpu() - cpu0;
        if (!withStreams) {
          wallNone.add(wall);
          cpuNone.add(used);
          continue;
        }
        wallOpen.add(wall);
        cpuOpen.add(used);
        Thread.sleep(1000);
        for (Client c : streams) {
          events.addAndGet(c.received.size());
          for (Received r : c.received) {
            if (r.operationId.equals(run.operationId) && r.completed != null) {
              endLatencies.add((r.atNanosEpoch - r.completed) / 1e6);
            }
          }
          c.received.stream()
              .filter(r -> r.operationId.equals(run.operationId))
              .findFirst()
              .ifPresent(
                  r -> submitLatencies.add((r.atNanosEpoch - run.submittedNanosEpoch) / 1e6));
        }
        close(streams);
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: index %,d ms with no stream, %,d ms with %d streams%n",
          round + 1,
          wallNone.get(round),
          wallOpen.get(round),
          clients);
    }
    System.out.printf(
        Locale.ROOT,
        "index wall time, median: %,d ms with no stream, %,d ms with %d streams (%.2f times)%n",
        median(wallNone),
        median(wallOpen),
        clients,
        (double) median(wallOpen) / median(wallNone));
    System.out.printf(
        Locale.ROOT,
        "index server CPU, median: %.2f s with no stream, %.2f s with %d streams%n",
        medianD(cpuNone),
        medianD(cpuOpen),
        clients);
    System.out.printf(
        Locale.ROOT,
        "events received by the %d clients: %,d (%,d per client per index)%n",
        clients,
        events.get(),
        events.get() / Math.max(1, (long) clients * rounds));
    System.out.printf(
        Locale.ROOT,
        "latency, completion recorded -> event at a client: median %.0f ms, 95th %.0f ms, max %.0f"
            + " ms (%d samples)%n",
        medianD(endLatencies),
        percentile(endLatencies, 95),
        percentile(endLatencies, 100),
        endLatencies.size());
    System.out.printf(
        Locale.ROOT,
        "latency, POST answered -> first event at a client: median %.0f ms, 95th %.0f ms, max %.0f"
            + " ms (%d samples)%n",
        medianD(submitLatencies),
        percentile(submitLatencies, 95),
        percentile(submitLatencies, 100),
        submitLatencies.size());
  }

  private record Indexed(String operationId, long submittedNanosEpoch) {}

  /** Creates a case with one custodian on the mailbox, indexes it and waits for the end. */
  private Indexed index(String email) throws Exception {
    String cases = url + "/v1.0/security/cases/ediscoveryCases";
    String caseId = id(post(cases, "{\"displayName\":\"Stream bench " + Instant.now() + "\"}"));
    String custodian =
        id(post(cases + "/" + caseId + "/custodians", "{\"email\":\"" + email + "\"}"));
    post(
        cases + "/" + caseId + "/custodians/" + custodian + "/userSources",
        "{\"email\":\"" + email + "\",\"includedSources\":\"mailbox\"}");
    String op = post(cases + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    long submitted = nowNanosEpoch();
    String operationId = id(op);
    String location = cases + "/" + caseId + "/operations/" + operationId;
    while (true) {
      String body = get(location);
      Matcher status = STATUS.matcher(body);
      if (status.find()
          && List.of("succeeded", "partiallySucceeded", "failed").contains(status.group(1))) {
        if (!status.group(1).endsWith("ucceeded")) {
          throw new IllegalStateException("the index failed: " + body);
        }
        break;
      }
      Thread.sleep(100);
    }
    return new Indexed(operationId, submitted);
  }

  /** One open event stream, read on its own thread. */
  private final class Client {
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile InputStream body;

    void open() throws Exception {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/v1.0/caseops/operations/events"))
                  .header("Authorization", "Bearer " + token)
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the stream answered " + response.statusCode());
      }
      body = response.body();
      Thread reader = new Thread(this::read, "stream-client");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("data:")) {
            long at = nowNanosEpoch();
            Matcher id = ID.matcher(line);
            if (!id.find()) {
              continue;
            }
            Matcher completed = COMPLETED.matcher(line);
            Long done = null;
            if (completed.find() && !completed.group(1).startsWith("0001-")) {
              Instant c = Instant.parse(completed.group(1));
              done = c.getEpochSecond() * 1_000_000_000L + c.getNano();
            }
            received.add(new Received(id.group(1), at, done));
          }
        }
      } catch (IOException e) {
        // closed
      }
    }

    void close() {
      try {
        body.close();
      } catch (IOException e) {
        // closed already
      }
    }
  }

  private record Received(String operationId, long atNanosEpoch, Long completed) {}

  private List<Client> open(int n) throws Exception {
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Client c = new Client();
      c.open();
      clients.add(c);
    }
    return clients;
  }

  private static void close(List<Client> clients) {
    clients.forEach(Client::close);
  }

  private double cpuOver(int seconds) throws Exception {
    double before = cpu();
    Thread.sleep(seconds * 1000L);
    return cpu() - before;
  }

  /** The server process's user and system CPU time, in seconds (0 without a pid). */
  private double cpu() throws IOException {
    if (pid == 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command.
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private long rssKiB() throws IOException {
    if (pid == 0) {
      return 0;
    }
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static long nowNanosEpoch() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  private String post(String to, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(to))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(to + " answered " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private String get(String from) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(from))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(json);
      m.find();
    }
    return m.group(1);
  }

  private static String devSignIn(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/v1.0/caseops/devSignIn"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no --token, and no local sign-in: " + r.body());
    }
    return m.group(1);
  }

  /** Writes {@code n} plain messages of about 4 KB each, once. */
  private static void writeMailbox(Path mailbox, int n) throws IOException {
    if (Files.isDirectory(mailbox)) {
      return;
    }
    Random random = new Random(7);
    String[] words =
        "budget merger harbour shipment contract invoice forecast meeting plan review quarterly"
            .split(" ");
    for (int i = 0; i < n; i++) {
      StringBuilder body = new StringBuilder();
      for (int w = 0; w < 600; w++) {
        body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? "\r\n" : " ");
      }
      Path file = mailbox.resolve("inbox/" + (i / 1000) + "/m" + i + ".eml");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "From: Ann Lee <ann@contoso.com>\r\nTo: dana@contoso.com\r\nSubject: Shipment "
              + i
              + "\r\nDate: Tue, 3 Mar 2026 09:15:00 +0000\r\nMessage-ID: <m"
              + i
              + "@bench.contoso.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain;"
              + " charset=UTF-8\r\n\r\n"
              + body
              + "\r\n");
    }
  }

  private static String perMinute(List<Double> seconds, int over) {
    List<String> parts = new ArrayList<>();
    for (double s : seconds) {
      parts.add(String.format(Locale.ROOT, "%.2f", s * 60 / over));
    }
    return String.join(" and ", parts);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double medianD(List<Double> values) {
    return percentile(values, 50);
  }

  private static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
