package org.caseops.reliability;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * For each database and job type: a fresh data directory (and PostgreSQL database), a generated
 * corpus, the server started by bin/run; then, for each kill, an operation of the job type
 * submitted, the server's JVM killed with SIGKILL at a seeded random moment while it runs, the
 * server started again, the operation polled to its end, and its results checked.
 */
final class CrashSuite {
  /** One kill and what followed. */
  record Trial(
      String db,
      String job,
      int trial,
      int targetPercent,
      int percentAtKill,
      String statusAtKill,
      String finalStatus,
      boolean recovered,
      long recoverySeconds,
      String retried,
      List<String> problems,
      String progress) {
    boolean killedWhileRunning() {
      return statusAtKill.equals("running") || statusAtKill.equals("notStarted");
    }
  }

  private final Path repo;
  private final Path work;
  private final long seed;
  private final int kills;
  private final boolean quick;
  private final Path report;
  private final List<Trial> trials = new ArrayList<>();

  CrashSuite(Path repo, Path work, long seed, int kills, boolean quick) throws IOException {
    this.repo = repo;
    this.work = work;
    this.seed = seed;
    this.kills = kills;
    this.quick = quick;
    Files.createDirectories(work);
    this.report = work.resolve("crash-" + Instant.now().toString().replace(':', '-') + ".tsv");
    Files.writeString(
        report,
        "db\tjob\tkill\ttarget%\t%AtKill\tstatusAtKill\tfinal\trecoveredAlone\trecoverySeconds\tretried\tproblems\tprogress\n");
  }

  List<Trial> trials() {
    return trials;
  }

  void run(List<String> dbs, List<String> jobs) throws Exception {
    for (String job : jobs) {
      if (!Jobs.all().containsKey(job)) {
        throw new IllegalArgumentException(
            "unknown job " + job + "; known: " + Jobs.all().keySet());
      }
    }
    for (String db : dbs) {
      runDb(db, jobs);
    }
  }

  /**
   * One server (data directory, database) per database: the job types run one after the other on
   * it, each on a case of its own, over one corpus of two mailboxes.
   */
  private void runDb(String db, List<String> jobs) throws Exception {
    Path dir = work.resolve(db);
    deleteTree(dir);
    Files.createDirectories(dir);
    Path data = dir.resolve("data");
    String dbName = null;
    String dbUrl = null;
    if (db.equals("postgresql")) {
      dbName = "caseops_rel_crash";
      Databases.fresh(dbName);
      dbUrl = Databases.url(dbName);
    } else if (!db.equals("h2")) {
      throw new IllegalArgumentException("unknown database " + db + ": h2 or postgresql");
    }
    log("%s: writing the corpus", db);
    Corpus corpus =
        Corpus.write(
            data.resolve("evidence"), 2, quick ? 1000 : 2500, 0.5, seed, 30, quick ? 300 : 600);
    Server server = new Server(repo, data, dbUrl, Main.crashEnv());
    Api api = new Api(server.base());
    try {
      log("%s: starting the server (%s)", db, server.base());
      server.start();
      api.token(server.token());
      for (String job : jobs) {
        runJob(db, Jobs.all().get(job), server, api, corpus, dir);
      }
    } finally {
      server.stop();
      if (dbName != null) {
        Databases.drop(dbName);
      }
    }
    if (trials.stream().filter(t -> t.db().equals(db)).allMatch(t -> t.problems().isEmpty())) {
      deleteTree(data);
    }
  }

  private void runJob(String db, Jobs.Job job, Server server, Api api, Corpus corpus, Path dir)
      throws Exception {
    String tag = db + "-" + job.name;
    SplittableRandom random = new SplittableRandom(seed ^ tag.hashCode());
    Jobs.Run r = new Jobs.Run();
    r.work = dir.resolve(job.name);
    r.corpus = corpus;
    r.mailboxes.addAll(corpus.mailboxes().subList(0, job.mailboxes()));
    r.server = server;
    r.api = api;
    try {
      if (!server.running()) {
        server.start();
        api.token(server.token());
      }
      log("%s: setting up (%d messages)", tag, r.n());
      job.setup(r);
    } catch (Exception e) {
      log("%s: the set-up failed: %s", tag, e);
      Trial t =
          new Trial(
              db,
              job.name,
              0,
              0,
              0,
              "?",
              "set-up failed",
              false,
              -1,
              "",
              List.of("set-up failed: " + e),
              "");
      trials.add(t);
      Files.writeString(report, line(t), StandardOpenOption.APPEND);
      return;
    }
    for (int k = 1; k <= kills; k++) {
      Trial t;
      try {
        t = trial(db, job, r, k, random);
      } catch (Exception e) {
        t =
            new Trial(
                db,
                job.name,
                k,
                0,
                0,
                "?",
                "error",
                false,
                -1,
                "",
                List.of("the trial failed: " + e),
                "");
        if (!server.running()) {
          server.start();
          api.token(server.token());
        }
      }
      trials.add(t);
      Files.writeString(report, line(t), StandardOpenOption.APPEND);
      log(
          "%s kill %d: at %d%% (%s), ended %s%s, %d s; %s",
          tag,
          k,
          t.percentAtKill(),
          t.statusAtKill(),
          t.finalStatus(),
          t.recovered() ? " by itself" : "",
          t.recoverySeconds(),
          t.problems().isEmpty() ? "results exact" : "PROBLEMS: " + t.problems());
    }
  }

  private Trial trial(String db, Jobs.Job job, Jobs.Run r, int k, SplittableRandom random)
      throws Exception {
    int target = 1 + random.nextInt(90);
    int jitterMillis = random.nextInt(500);
    String url = job.submit(r, k);
    Progress poller = new Progress(r.api, url).start();
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    Progress.Sample s;
    while (true) {
      s = poller.last();
      if (s != null
          && (Progress.TERMINAL.contains(s.status())
              || (s.status().equals("running") && s.percent() >= target))) {
        break;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(20);
    }
    Thread.sleep(jitterMillis);
    s = poller.last();
    String statusAtKill = s == null ? "?" : s.status();
    int percentAtKill = s == null ? 0 : s.percent();
    poller.serverDown();
    r.server.kill();
    long killed = System.nanoTime();
    r.server.start();
    poller.serverUp();
    r.api.token(r.server.token());
    Case c = job.caseOf(r, k);
    JsonObject op;
    List<String> problems = new ArrayList<>(r.server.takeStartFailures());
    try {
      op = c.await(url, Duration.ofMinutes(20));
    } catch (RuntimeException e) {
      poller.stop();
      problems.add("did not end within 20 minutes of the restart: " + e.getMessage());
      return new Trial(
          db,
          job.name,
          k,
          target,
          percentAtKill,
          statusAtKill,
          "open",
          false,
          -1,
          "",
          problems,
          "");
    }
    long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
    String finalStatus = op.getString("status");
    boolean recovered = job.expected().contains(finalStatus);
    List<Progress.Sample> seen = poller.samples();
    String regression = Progress.regression(seen);
    if (regression != null) {
      problems.add(regression);
    }
    String reopened = Progress.reopened(seen);
    if (reopened != null) {
      problems.add(reopened);
    }
    String errors = poller.serverErrors();
    if (errors != null) {
      problems.add(errors);
    }
    String redeployed = r.server.redeployed();
    if (redeployed != null) {
      problems.add(redeployed);
    }
    String retried = "";
    if (!recovered) {
      problems.add("ended " + finalStatus + " after the restart: " + op.get("resultInfo"));
      if (finalStatus.equals("failed")) {
        r.api.send("POST", url + "/retry", "{}");
        op = c.await(url, Duration.ofMinutes(20));
        retried = "retry: " + op.getString("status");
      }
    }
    poller.stop();
    List<JsonObject> open = Jobs.awaitAll(c);
    if (!open.isEmpty()) {
      problems.add(open.size() + " operations still open: " + open.get(0));
    }
    if (job.expected().contains(op.getString("status"))) {
      try {
        job.check(r, k, op, problems);
      } catch (IOException | RuntimeException e) {
        problems.add("check failed: " + e);
      }
    }
    try {
      job.after(r, k, op, problems);
    } catch (IOException | RuntimeException e) {
      problems.add("after the check: " + e);
    }
    return new Trial(
        db,
        job.name,
        k,
        target,
        percentAtKill,
        statusAtKill,
        finalStatus,
        recovered,
        seconds,
        retried,
        problems,
        (poller.startupErrors() > 0
                ? poller.startupErrors() + " polls got 5xx while the server started; "
                : "")
            + String.join(" ", Progress.percents(seen)));
  }

  private static String line(Trial t) {
    return String.join(
            "\t",
            t.db(),
            t.job(),
            Integer.toString(t.trial()),
            Integer.toString(t.targetPercent()),
            Integer.toString(t.percentAtKill()),
            t.statusAtKill(),
            t.finalStatus(),
            Boolean.toString(t.recovered()),
            Long.toString(t.recoverySeconds()),
            t.retried(),
            String.join(" | ", t.problems()).replace('\t', ' ').replace('\n', ' '),
            t.progress())
        + "\n";
  }

  /** A table of kills per database and job type. */
  String summary() {
    StringBuilder b = new StringBuilder();
    b.append(
        "| database | job | kills | killed while running | ended as expected by itself | retried | trials with problems |\n");
    b.append("|---|---|---|---|---|---|---|\n");
    Map<String, List<Trial>> groups = new java.util.LinkedHashMap<>();
    for (Trial t : trials) {
      groups.computeIfAbsent(t.db() + "\t" + t.job(), x -> new ArrayList<>()).add(t);
    }
    for (var e : groups.entrySet()) {
      List<Trial> ts = e.getValue();
      String[] k = e.getKey().split("\t");
      b.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(ts.size());
      b.append(" | ").append(ts.stream().filter(Trial::killedWhileRunning).count());
      b.append(" | ").append(ts.stream().filter(Trial::recovered).count());
      b.append(" | ").append(ts.stream().filter(t -> !t.retried().isEmpty()).count());
      b.append(" | ")
          .append(ts.stream().filter(t -> !t.problems().isEmpty()).count())
          .append(" |\n");
    }
    return b.toString();
  }

  Path report() {
    return report;
  }

  static void log(String format, Object... args) {
    System.out.printf(
        "%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    System.out.flush();
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String text(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
