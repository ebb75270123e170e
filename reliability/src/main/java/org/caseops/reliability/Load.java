package org.caseops.reliability;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on one server (H2, default throttling) over loopback: {@code submissions} concurrent
 * estimateStatistics submissions from ten clients, each answered 202 or 429 with Retry-After and
 * none lost (the operations the API lists are counted); then {@code pollers} clients reading
 * operations as fast as their read limit lets them while index jobs run, with the latency of every
 * answer.
 */
final class Load {
  private static final int CASES = 100;
  private static final int SUBMITTERS = 10;

  private final Path repo;
  private final Path work;
  private final int submissions;
  private final int pollers;
  private final int seconds;
  private final String runtime;

  Load(Path repo, Path work, int submissions, int pollers, int seconds) {
    this(repo, work, submissions, pollers, seconds, "payara");
  }

  /**
   * {@code runtime}: what {@code bin/run --runtime} takes ({@code payara}, the default, {@code
   * wildfly} or {@code payara7}).
   */
  Load(Path repo, Path work, int submissions, int pollers, int seconds, String runtime) {
    this.repo = repo;
    this.work = work;
    this.submissions = submissions;
    this.pollers = pollers;
    this.seconds = seconds;
    this.runtime = runtime;
  }

  boolean run() throws Exception {
    Path dir = work.resolve(runtime.equals("payara") ? "h2-load" : "h2-load-" + runtime);
    CrashSuite.deleteTree(dir);
    Path data = dir.resolve("data");
    Corpus corpus = Corpus.write(data.resolve("evidence"), 1, 3000, 0.5, 13, 30);
    Map<String, String> env = new HashMap<>();
    Server server = new Server(Runtimes.launcher(repo, dir, runtime, env), data, null, env);
    List<String> problems = new ArrayList<>();
    try {
      CrashSuite.log(
          "load: starting the server (%s, %s), default throttling", runtime, server.base());
      server.start();
      Tokens tokens = new Tokens(data);
      // Set-up, by many clients so the per-client limits do not slow it (429s are waited out).
      int perCase = (submissions + CASES - 1) / CASES;
      List<String> searchPaths = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        int n = i;
        Thread t =
            new Thread(
                () -> {
                  Api api = new Api(server.base());
                  api.token(tokens.user("setup " + n));
                  Case c = Case.create(api, "Load " + n);
                  for (int j = 0; j < perCase && n * perCase + j < submissions; j++) {
                    searchPaths.add(c.path + "/searches/" + c.search("S" + j, Corpus.ALL_WORD));
                  }
                });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      List<Case> indexCases = new ArrayList<>();
      Api main = new Api(server.base());
      main.token(tokens.user("indexer"));
      for (int i = 0; i < 4; i++) {
        Case c = Case.create(main, "Load index " + i);
        c.custodian(corpus.mailboxes().get(0));
        indexCases.add(c);
      }
      CrashSuite.log(
          "load: %d searches in %d cases made; waiting 30 s for the limits to refill",
          searchPaths.size(), CASES);
      Thread.sleep(30_000);
      long before = count(main, "estimateStatistics");

      // 1. Concurrent submissions.
      List<HttpClient> clients = new ArrayList<>();
      List<String> submitTokens = new ArrayList<>();
      for (int i = 0; i < SUBMITTERS; i++) {
        clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        submitTokens.add(tokens.user("submitter " + i));
      }
      Map<String, AtomicLong> answers = new TreeMap<>();
      List<String> odd = Collections.synchronizedList(new ArrayList<>());
      List<String> accepted = Collections.synchronizedList(new ArrayList<>());
      List<CompletableFuture<?>> futures = new ArrayList<>();
      System.out.printf("load: load average before the submissions: %s%n", loadAverage());
      long t0 = System.nanoTime();
      for (int i = 0; i < searchPaths.size(); i++) {
        int client = i % SUBMITTERS;
        HttpRequest req =
            HttpRequest.newBuilder(
                    URI.create(server.base() + searchPaths.get(i) + "/estimateStatistics"))
                .timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + submitTokens.get(client))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        futures.add(
            clients
                .get(client)
                .sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .handle(
                    (r, e) -> {
                      String key;
                      if (e != null) {
                        key = "no answer: " + e.getClass().getSimpleName();
                        odd.add(key + " " + e.getMessage());
                      } else if (r.statusCode() == 202 || r.statusCode() == 201) {
                        key = Integer.toString(r.statusCode());
                        r.headers()
                            .firstValue("Location")
                            .ifPresentOrElse(accepted::add, () -> odd.add("202 without Location"));
                      } else if (r.statusCode() == 429) {
                        boolean retryAfter =
                            r.headers()
                                .firstValue("Retry-After")
                                .map(v -> v.matches("[0-9]+"))
                                .orElse(false);
                        key =
                            (retryAfter ? "429 with Retry-After" : "429 WITHOUT Retry-After")
                                + " ("
                                + errorCode(r.body())
                                + ")";
                        if (!retryAfter) {
                          odd.add(key);
                        }
                      } else {
                        key = Integer.toString(r.statusCode());
                        odd.add(r.statusCode() + " " + r.body());
                      }
                      synchronized (answers) {
                        answers.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                      }
                      return null;
                    }));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
      long submitMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      System.out.printf("load: load average after the submissions: %s%n", loadAverage());
      long rows = count(main, "estimateStatistics") - before;
      System.out.printf(
          "load: %d concurrent submissions from %d clients answered in %d ms: %s; operations listed by the API: %d (accepted %d)%n",
          searchPaths.size(), SUBMITTERS, submitMillis, answers, rows, accepted.size());
      if (!odd.isEmpty()) {
        problems.add(
            odd.size() + " answers neither 202 nor 429 with Retry-After, e.g. " + odd.get(0));
      }
      if (rows != accepted.size()) {
        problems.add(
            "accepted "
                + accepted.size()
                + " submissions but the API lists "
                + rows
                + " operations");
      }

      // 2. Pollers at their read limit while index jobs (and the accepted estimates) run.
      List<String> indexOps = new ArrayList<>();
      for (Case c : indexCases) {
        indexOps.add(c.startIndex());
      }
      List<String> targets = new ArrayList<>(indexOps);
      targets.addAll(accepted.subList(0, Math.min(accepted.size(), 50)));
      ConcurrentHashMap<String, AtomicLong> pollAnswers = new ConcurrentHashMap<>();
      List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch done = new CountDownLatch(pollers);
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      for (int i = 0; i < pollers; i++) {
        int n = i;
        Thread t =
            new Thread(
                () -> {
                  HttpClient http =
                      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                  String token = tokens.user("poller " + n);
                  long[] mine = new long[200_000];
                  int k = 0;
                  int j = n;
                  try {
                    while (System.nanoTime() < end && k < mine.length) {
                      String url = targets.get(j++ % targets.size());
                      long s = System.nanoTime();
                      try {
                        HttpResponse<String> r =
                            http.send(
                                HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                                HttpResponse.BodyHandlers.ofString());
                        mine[k++] = System.nanoTime() - s;
                        pollAnswers
                            .computeIfAbsent(
                                Integer.toString(r.statusCode()), x -> new AtomicLong())
                            .incrementAndGet();
                        if (r.statusCode() == 429) {
                          long wait =
                              r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                          Thread.sleep(wait * 1000);
                        }
                      } catch (java.io.IOException e) {
                        pollAnswers
                            .computeIfAbsent("no answer", x -> new AtomicLong())
                            .incrementAndGet();
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    latencies.add(java.util.Arrays.copyOf(mine, k));
                    done.countDown();
                  }
                });
        t.setDaemon(true);
        t.start();
      }
      done.await();
      System.out.printf("load: load average after the polling: %s%n", loadAverage());
      long total = latencies.stream().mapToLong(a -> a.length).sum();
      long[] all = new long[(int) total];
      int p = 0;
      for (long[] a : latencies) {
        System.arraycopy(a, 0, all, p, a.length);
        p += a.length;
      }
      java.util.Arrays.sort(all);
      System.out.printf(
          "load: %d clients polled %d operations for %d s: %d answers (%.0f/s) %s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          pollers,
          targets.size(),
          seconds,
          total,
          total / (double) seconds,
          new TreeMap<>(pollAnswers),
          pct(all, 0.50),
          pct(all, 0.99),
          all.length == 0 ? 0 : all[all.length - 1] / 1e6);
      for (String k : pollAnswers.keySet()) {
        if (!k.equals("200") && !k.equals("429")) {
          problems.add(pollAnswers.get(k) + " polls answered " + k);
        }
      }
      for (String op : indexOps) {
        JsonObject o = indexCases.get(0).await(op, Duration.ofMinutes(15));
        if (!o.getString("status").equals("succeeded")) {
          problems.add("index " + op + " ended " + o.getString("status"));
        }
      }
    } finally {
      Runtimes.stop(runtime, data);
      server.stop();
    }
    List<String> severe = Runtimes.serverErrors(runtime, data);
    System.out.printf(
        "load: server log: %d errors%s%n",
        severe.size(), severe.isEmpty() ? "" : ", the first: " + severe.get(0));
    System.out.println(
        problems.isEmpty()
            ? "load: every answer as expected, nothing lost"
            : "load: PROBLEMS: " + problems);
    return problems.isEmpty();
  }

  /** The Graph error's {@code error.code} of a body, or what the body is when it has none. */
  static String errorCode(String body) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
    return m.find() ? m.group(1) : body.isEmpty() ? "empty body" : "no error code";
  }

  /** The machine's load average over 1, 5 and 15 minutes, as {@code uptime} shows it. */
  private static String loadAverage() {
    try {
      String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
  }

  private static long count(Api api, String action) {
    JsonObject o =
        api.get(
            "/v1.0/caseops/operations?$count=true&$top=1&$filter=action%20eq%20'" + action + "'");
    return Api.num(o, "@odata.count");
  }
}
