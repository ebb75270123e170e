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
      String progress,
      String target,
      String recoveredAtStartup) {
    /** A trial that ended in an error of its own before any result: set-up, timing run or trial. */
    static Trial failed(
        String db, String job, int trial, String statusAtKill, String finalStatus, String problem) {
      return new Trial(
          db,
          job,
          trial,
          0,
          0,
          statusAtKill,
          finalStatus,
          false,
          -1,
          "",
          List.of(problem),
          "",
          "",
          "");
    }

    boolean killedWhileRunning() {
      return statusAtKill.equals("running") || statusAtKill.equals("notStarted");
    }

    /**
     * The kill left the operation open: the restarted server's start-up recovery took it up (its
     * log says so). Evidence from the server, not from the target or the poller.
     */
    boolean killedMidJob() {
      return !recoveredAtStartup.isEmpty();
    }

    /** A kill, not the un-killed timing run of a time target (trial 0). */
    boolean isKill() {
      return trial > 0;
    }
  }

  private final Path repo;
  private final Path work;
  private final long seed;
  private final int kills;
  private final boolean quick;
  private final String targetOption;
  private String databaseName = "caseops_rel_crash";
  private long lastKillDelayMillis;
  private final Path report;
  private final List<Trial> trials = new ArrayList<>();

  CrashSuite(Path repo, Path work, long seed, int kills, boolean quick) throws IOException {
    this(repo, work, seed, kills, quick, "auto");
  }

  /**
   * {@code targetOption}: how each kill's moment is chosen ({@link KillPlan#mode}): {@code auto} (a
   * time target for the short job types, a progress target for the others), {@code progress} or
   * {@code time}.
   */
  CrashSuite(Path repo, Path work, long seed, int kills, boolean quick, String targetOption)
      throws IOException {
    KillPlan.mode(targetOption, "index");
    this.targetOption = targetOption;
    this.repo = repo;
    this.work = work;
    this.seed = seed;
    this.kills = kills;
    this.quick = quick;
    Files.createDirectories(work);
    this.report = work.resolve("crash-" + Instant.now().toString().replace(':', '-') + ".tsv");
    Files.writeString(
        report,
        "db\tjob\tkill\ttarget%\t%AtKill\tstatusAtKill\tfinal\trecoveredAlone\trecoverySeconds\tretried\tproblems\tprogress\ttarget\trecoveredAtStartup\n");
  }

  /** The PostgreSQL database to make, use and drop (default caseops_rel_crash). */
  void databaseName(String name) {
    databaseName = name;
  }

  List<Trial> trials() {
    return trials;
  }

  void run(List<String> dbs, List<String> jobs) throws Exception {
    for (String job : jobs) {
      if (!Jobs.known().containsKey(job)) {
        throw new IllegalArgumentException(
            "unknown job " + job + "; known: " + Jobs.known().keySet());
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
      dbName = databaseName;
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
        runJob(db, Jobs.known().get(job), server, api, corpus, dir);
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
    r.seed = seed;
    r.tag = tag;
    try {
      if (!server.running()) {
        server.start();
        api.token(server.token());
      }
      log("%s: setting up (%d messages)", tag, r.n());
      job.setup(r);
    } catch (Exception e) {
      log("%s: the set-up failed: %s", tag, e);
      Trial t = Trial.failed(db, job.name, 0, "?", "set-up failed", "set-up failed: " + e);
      trials.add(t);
      Files.writeString(report, line(t), StandardOpenOption.APPEND);
      return;
    }
    KillPlan.Mode mode = KillPlan.mode(targetOption, job.name);
    long duration = -1;
    if (mode == KillPlan.Mode.TIME) {
      // Two un-killed runs: the first may be slower (a cold start of the job type); the shorter
      // counts.
      for (int i = 0; i < 2; i++) {
        Trial timing;
        try {
          timing = timing(db, job, r, -1 - i);
        } catch (Exception e) {
          timing =
              Trial.failed(
                  db, job.name, 0, "not killed", "error", "the un-killed timing run failed: " + e);
        }
        long ms = timing.recoverySeconds();
        log("%s: un-killed run %d took %d ms by the server's clock", tag, i + 1, ms);
        if (ms >= 0) {
          duration = duration < 0 ? ms : Math.min(duration, ms);
        }
        if (!timing.problems().isEmpty() || ms < 0) {
          trials.add(timing);
          Files.writeString(report, line(timing), StandardOpenOption.APPEND);
        }
      }
      if (duration < 0) {
        log("%s: the un-killed run gave no duration; progress targets instead", tag);
        mode = KillPlan.Mode.PROGRESS;
      } else {
        log("%s: un-killed, the operation took %d ms by the server's clock", tag, duration);
      }
    }
    for (int k = 1; k <= kills; k++) {
      Trial t;
      try {
        t = trial(db, job, r, k, random, mode, duration);
        if (mode == KillPlan.Mode.TIME) {
          long next = KillPlan.nextDuration(duration, lastKillDelayMillis, t.killedMidJob());
          if (next != duration) {
            log(
                "%s: the kill %d ms after the submission came after the end; the duration is"
                    + " taken as %d ms from now on",
                tag, lastKillDelayMillis, next);
          }
          duration = next;
        }
      } catch (Exception e) {
        t = Trial.failed(db, job.name, k, "?", "error", "the trial failed: " + e);
        if (!server.running()) {
          server.start();
          api.token(server.token());
        }
      }
      trials.add(t);
      Files.writeString(report, line(t), StandardOpenOption.APPEND);
      log(
          "%s kill %d: at %d%% (%s), %s, ended %s%s, %d s; %s",
          tag,
          k,
          t.percentAtKill(),
          t.statusAtKill(),
          t.killedMidJob()
              ? "mid-job (start-up recovery: " + t.recoveredAtStartup() + ")"
              : "not mid-job (start-up recovery did not take it up)",
          t.finalStatus(),
          t.recovered() ? " by itself" : "",
          t.recoverySeconds(),
          t.problems().isEmpty() ? "results exact" : "PROBLEMS: " + t.problems());
    }
  }

  /**
   * The job type's results check, when the operation ended as expected, then what it does after it
   * (such as the purge's restore); a failure of either is a problem of the trial, not the end of
   * the suite.
   */
  private static void checkAndAfter(
      Jobs.Job job,
      Jobs.Run r,
      int run,
      JsonObject op,
      List<String> problems,
      String checkOf,
      String after) {
    if (job.expected().contains(op.getString("status"))) {
      try {
        job.check(r, run, op, problems);
      } catch (IOException | RuntimeException e) {
        problems.add("check " + checkOf + "failed: " + e);
      }
    }
    try {
      job.after(r, run, op, problems);
    } catch (IOException | RuntimeException e) {
      problems.add("after " + after + ": " + e);
    }
  }

  /**
   * For a time target: the job type's operation run once, not killed ({@code run}: -1, -2, so that
   * the names it gives what it makes differ from the kills'; reported as kill 0), its results
   * checked as a kill's would be, and its duration by the server's clock (in {@code
   * recoverySeconds}, in milliseconds; -1 when unknown).
   */
  private Trial timing(String db, Jobs.Job job, Jobs.Run r, int run) throws Exception {
    List<String> problems = new ArrayList<>();
    String url = job.submit(r, run);
    Case c = job.caseOf(r, run);
    JsonObject op = c.await(url, Duration.ofMinutes(20));
    long ms =
        KillPlan.durationMillis(Api.str(op, "createdDateTime"), Api.str(op, "completedDateTime"));
    String status = op.getString("status");
    if (!job.expected().contains(status)) {
      problems.add("the un-killed run ended " + status + ": " + op.get("resultInfo"));
    }
    checkAndAfter(job, r, run, op, problems, "of the un-killed run ", "the un-killed run");
    return new Trial(
        db,
        job.name,
        0,
        0,
        100,
        "not killed",
        status,
        job.expected().contains(status),
        ms,
        "",
        problems,
        "",
        "un-killed timing run: " + ms + " ms",
        "");
  }

  private Trial trial(
      String db,
      Jobs.Job job,
      Jobs.Run r,
      int k,
      SplittableRandom random,
      KillPlan.Mode mode,
      long durationMillis)
      throws Exception {
    int target = 1 + random.nextInt(90);
    int jitterMillis = random.nextInt(500);
    long delayMillis = KillPlan.delayMillis(random, Math.max(durationMillis, 1));
    String targetText;
    String url = job.submit(r, k);
    long submitted = System.nanoTime();
    Progress poller = new Progress(r.api, url).start();
    Progress.Sample s;
    if (mode == KillPlan.Mode.TIME) {
      target = (int) Math.min(100, delayMillis * 100 / Math.max(durationMillis, 1));
      targetText = "time: " + delayMillis + " of " + durationMillis + " ms";
      long wait = delayMillis - Duration.ofNanos(System.nanoTime() - submitted).toMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
    } else {
      targetText = "progress: " + target + " %, then " + jitterMillis + " ms";
      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
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
    }
    s = poller.last();
    String statusAtKill = s == null ? "?" : s.status();
    int percentAtKill = s == null ? 0 : s.percent();
    poller.serverDown();
    long killing = System.nanoTime();
    r.server.kill();
    long killed = System.nanoTime();
    r.server.start();
    poller.serverUp();
    r.api.token(r.server.token());
    lastKillDelayMillis = Duration.ofNanos(killing - submitted).toMillis();
    if (mode == KillPlan.Mode.TIME) {
      log(
          "%s kill %d: killed %d ms after the submission (%s)",
          job.name, k, lastKillDelayMillis, targetText);
    }
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
          "",
          "",
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
    String recoveredAtStartup = r.server.recoveryOf(KillPlan.operationId(url));
    List<JsonObject> open = Jobs.awaitAll(c);
    if (!open.isEmpty()) {
      problems.add(open.size() + " operations still open: " + open.get(0));
    }
    checkAndAfter(job, r, k, op, problems, "", "the check");
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
            + String.join(" ", Progress.percents(seen)),
        targetText,
        recoveredAtStartup == null ? "" : recoveredAtStartup);
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
            t.progress(),
            t.target(),
            t.recoveredAtStartup())
        + "\n";
  }

  /** A table of kills per database and job type. */
  String summary() {
    StringBuilder b = new StringBuilder();
    b.append(
        "| database | job | kills | killed while the poller saw it running | mid-job: recovered at start-up | ended as expected by itself | retried | trials with problems |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    Map<String, List<Trial>> groups = new java.util.LinkedHashMap<>();
    for (Trial t : trials) {
      groups.computeIfAbsent(t.db() + "\t" + t.job(), x -> new ArrayList<>()).add(t);
    }
    for (var e : groups.entrySet()) {
      List<Trial> all = e.getValue();
      List<Trial> ts = all.stream().filter(Trial::isKill).toList();
      String[] k = e.getKey().split("\t");
      b.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(ts.size());
      b.append(" | ").append(ts.stream().filter(Trial::killedWhileRunning).count());
      b.append(" | ").append(ts.stream().filter(Trial::killedMidJob).count());
      b.append(" | ").append(ts.stream().filter(Trial::recovered).count());
      b.append(" | ").append(ts.stream().filter(t -> !t.retried().isEmpty()).count());
      b.append(" | ")
          .append(all.stream().filter(t -> !t.problems().isEmpty()).count())
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
