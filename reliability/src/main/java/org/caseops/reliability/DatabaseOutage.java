package org.caseops.reliability;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The database stopped in the middle of a job: the server reaches PostgreSQL through a {@link
 * TcpProxy}, which is cut for a while as an index job runs. Checks that readiness turns not-ready
 * and back, that the job ends (fails or finishes) without a restart of the server, that the
 * operation can be retried to success, and that the index then holds the corpus exactly. Or, with
 * the lock fault, a database that stays reachable but refuses the job's statements (a lock
 * timeout), so that the operation ends {@code failed} with a reason, and is retried.
 */
final class DatabaseOutage {
  private final Path repo;
  private final Path work;
  private final long seed;
  private final int outageSeconds;
  private final String dbName;
  private final boolean resetFirst;
  private final boolean lock;

  /** The server's {@code lock_timeout} under {@code --fault lock}. */
  static final String LOCK_TIMEOUT = "5s";

  /** The table the index job writes, locked under {@code --fault lock}. */
  static final String LOCKED_TABLE = "item";

  DatabaseOutage(Path repo, Path work, long seed, int outageSeconds) {
    this(repo, work, seed, outageSeconds, "caseops_rel_crash_dbdown", false);
  }

  DatabaseOutage(
      Path repo, Path work, long seed, int outageSeconds, String dbName, boolean resetFirst) {
    this(repo, work, seed, outageSeconds, dbName, resetFirst ? "reset" : "outage");
  }

  /**
   * {@code resetFirst}: before the outage, every connection to the database is closed at once while
   * the job runs (as a database restart or a failover does), and the job is awaited: it must carry
   * on to {@code succeeded}, or end {@code failed} with a reason (the database is there to record
   * it), to be retried after the outage. Then the outage, on a server with no job running
   * (readiness must go 503 and back).
   */
  /**
   * {@code fault}: {@code outage} (the proxy cut for {@code outageSeconds}), {@code reset} (as
   * {@code resetFirst} above), or {@code lock}: the database stays reachable, but the server's
   * sessions have a {@code lock_timeout} of {@value #LOCK_TIMEOUT} (set on the database before the
   * server starts) and the program holds an {@code ACCESS EXCLUSIVE} lock on the table the index
   * job writes ({@value #LOCKED_TABLE}) from a connection of its own, until the operation has ended
   * {@code failed} or {@code outageSeconds} have passed. The failure must be recorded (the database
   * is there), with a reason; then the lock is released, the operation retried ({@code POST
   * .../retry}) and it must end {@code succeeded} with exact results, its progress never going back
   * across the retry.
   */
  DatabaseOutage(Path repo, Path work, long seed, int outageSeconds, String dbName, String fault) {
    if (!java.util.Set.of("outage", "reset", "lock").contains(fault)) {
      throw new IllegalArgumentException("--fault " + fault + ": outage, reset or lock");
    }
    this.repo = repo;
    this.work = work;
    this.seed = seed;
    this.outageSeconds = outageSeconds;
    this.dbName = dbName;
    this.resetFirst = fault.equals("reset");
    this.lock = fault.equals("lock");
  }

  boolean run() throws Exception {
    Path dir = work.resolve("postgresql-dbdown");
    CrashSuite.deleteTree(dir);
    Path data = dir.resolve("data");
    Databases.fresh(dbName);
    if (lock) {
      Databases.lockTimeout(dbName, LOCK_TIMEOUT);
    }
    List<String> problems = new ArrayList<>();
    try (TcpProxy proxy = new TcpProxy(Databases.HOST, Databases.PORT)) {
      Corpus corpus = Corpus.write(data.resolve("evidence"), 1, 6000, 0.5, seed, 30);
      Server server =
          new Server(repo, data, Databases.url("127.0.0.1", proxy.port(), dbName), Main.crashEnv());
      Api api = new Api(server.base());
      try {
        CrashSuite.log(
            "dbdown: starting the server (%s) through the proxy on port %d",
            server.base(), proxy.port());
        server.start();
        api.token(server.token());
        Case c = Case.create(api, "Outage");
        c.custodian(corpus.mailboxes().get(0));
        String url = c.startIndex();
        Progress poller = new Progress(api, url).start();
        poller.interval(250);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int target = 20 + (int) Math.floorMod(seed, 40);
        while (System.nanoTime() < deadline) {
          Progress.Sample s = poller.last();
          if (s != null && s.status().equals("running") && s.percent() >= target) {
            break;
          }
          Thread.sleep(50);
        }
        Progress.Sample before = poller.last();
        JsonObject failed = null;
        if (lock) {
          lockFault(server, api, c, url, poller, before, problems);
        } else if (resetFirst) {
          CrashSuite.log(
              "dbdown: closing every connection to the database at %s %d%%",
              before.status(), before.percent());
          proxy.reset();
          try {
            failed = c.await(url, Duration.ofMinutes(10));
          } catch (RuntimeException e) {
            failed = api.get(url);
          }
          CrashSuite.log(
              "dbdown: after the connections were closed the operation ended %s at %s%%: %s",
              failed.getString("status"), failed.get("percentProgress"), failed.get("resultInfo"));
          String status = failed.getString("status");
          if (!status.equals("failed") && !status.equals("succeeded")) {
            problems.add("after its connections were closed the operation ended " + status);
          } else if (status.equals("failed")
              && (!failed.containsKey("resultInfo")
                  || failed.get("resultInfo").getValueType()
                      != jakarta.json.JsonValue.ValueType.OBJECT
                  || failed.getJsonObject("resultInfo").getString("message", "").isBlank())) {
            problems.add("the failed operation gives no reason: " + failed);
          }
          before = poller.last();
        }
        if (!lock) {
          outage(server, proxy, before, problems);
        }
        JsonObject op;
        try {
          op = c.await(url, Duration.ofMinutes(10));
        } catch (RuntimeException e) {
          problems.add(
              "the operation did not end within 10 minutes of the database's return: "
                  + e.getMessage());
          op = api.get(url);
        }
        String first = op.getString("status");
        CrashSuite.log("dbdown: the operation ended %s: %s", first, op.get("resultInfo"));
        if (lock && !first.equals("failed")) {
          problems.add(
              "the lock did not make the operation end failed: it ended "
                  + first
                  + " (the failed-then-retried path is not shown)");
        } else if (lock && !hasReason(op)) {
          problems.add("the failed operation gives no reason: " + op);
        }
        int retryAt = -1;
        if (first.equals("failed")) {
          retryAt = poller.samples().size();
          CrashSuite.log("dbdown: POST %s/retry", url);
          api.send("POST", url + "/retry", "{}");
          op = c.await(url, Duration.ofMinutes(10));
          CrashSuite.log(
              "dbdown: retried, it ended %s: %s", op.getString("status"), op.get("resultInfo"));
        }
        poller.stop();
        java.util.Map<Integer, Integer> statuses = poller.statuses();
        CrashSuite.log("dbdown: the poller's answers by status: %s", statuses);
        statuses.forEach(
            (status, n) -> {
              if (status >= 500 && status != 503) {
                problems.add(n + " polls answered " + status + " (" + poller.serverErrors() + ")");
              }
            });
        // A retry starts the job again: after an outage progress is checked before it and after
        // it apart; after the lock, whose retry takes up from the checkpoint, across it.
        List<Progress.Sample> samples = poller.samples();
        List<List<Progress.Sample>> runs =
            retryAt < 0 || lock
                ? List.of(samples)
                : List.of(samples.subList(0, retryAt), samples.subList(retryAt, samples.size()));
        for (List<Progress.Sample> run : runs) {
          String regression = Progress.regression(run);
          if (regression != null) {
            problems.add(regression);
          }
        }
        if (!op.getString("status").equals("succeeded")) {
          problems.add(
              "the operation ended "
                  + op.getString("status")
                  + " (after a retry if it had failed)");
        } else {
          long n = corpus.messages().size();
          Jobs.expectEqual(problems, "catalogued items", n, c.stat("indexedItemCount"));
          Checks.LuceneCount lucene = Checks.lucene(data.resolve("indexes").resolve(c.id));
          Jobs.expectEqual(problems, "Lucene documents", n, lucene.docs());
          Jobs.expectEqual(problems, "distinct item ids in Lucene", n, lucene.distinctIds());
          String s = c.search("All", Corpus.ALL_WORD);
          JsonObject est = c.awaitSuccess(c.startEstimate(s));
          Jobs.expectEqual(problems, "estimate hits", n, Api.num(est, "indexedItemCount"));
        }
        List<JsonObject> open = Jobs.awaitAll(c);
        if (!open.isEmpty()) {
          problems.add(open.size() + " operations still open");
        }
        CrashSuite.log(
            "dbdown: server process the same throughout: %s; progress %s",
            server.starts() == 1, String.join(" ", Progress.percents(poller.samples())));
      } finally {
        server.stop();
      }
    } finally {
      Databases.drop(dbName);
    }
    System.out.println(
        problems.isEmpty() ? "dbdown: recovered, results exact" : "dbdown: PROBLEMS: " + problems);
    return problems.isEmpty();
  }

  /** Whether a failed operation says why in its resultInfo's message. */
  static boolean hasReason(JsonObject op) {
    return op.containsKey("resultInfo")
        && op.get("resultInfo").getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
        && !op.getJsonObject("resultInfo").getString("message", "").isBlank();
  }

  /** The proxy cut for {@code outageSeconds}: readiness must go 503 and come back. */
  private void outage(Server server, TcpProxy proxy, Progress.Sample before, List<String> problems)
      throws InterruptedException {
    CrashSuite.log(
        "dbdown: cutting the database at %s %d%% for %d s",
        before.status(), before.percent(), outageSeconds);
    proxy.cut();
    long cutAt = System.nanoTime();
    boolean sawNotReady = false;
    int readyDuring = -2;
    while (System.nanoTime() - cutAt < Duration.ofSeconds(outageSeconds).toNanos()) {
      int h = server.health("/health/ready");
      readyDuring = h;
      if (h == 503) {
        sawNotReady = true;
      }
      Thread.sleep(1000);
    }
    int liveDuring = server.health("/health/live");
    proxy.restore();
    long restoredAt = System.nanoTime();
    CrashSuite.log(
        "dbdown: database back; readiness during the outage: %s (last %d), liveness %d",
        sawNotReady ? "503 seen" : "never 503", readyDuring, liveDuring);
    if (!sawNotReady) {
      problems.add("/health/ready never answered 503 while the database was unreachable");
    }
    long readyAfter = -1;
    while (System.nanoTime() - restoredAt < Duration.ofMinutes(3).toNanos()) {
      if (server.health("/health/ready") == 200) {
        readyAfter = Duration.ofNanos(System.nanoTime() - restoredAt).toMillis();
        break;
      }
      Thread.sleep(500);
    }
    if (readyAfter < 0) {
      problems.add("/health/ready did not answer 200 within 3 minutes of the database's return");
    }
    CrashSuite.log("dbdown: ready again %d ms after the database came back", readyAfter);
  }

  /**
   * The lock fault: an ACCESS EXCLUSIVE lock on {@value #LOCKED_TABLE}, held from the program's own
   * connection (no lock timeout of its own) until the operation has ended or {@code outageSeconds}
   * have passed. Meanwhile readiness (the database is reachable: it must stay 200) and one read of
   * the table through the API (itemStatistics: the lock timeout must not be a 500) are checked.
   * Returns the number of poller samples seen before the lock was released.
   */
  private int lockFault(
      Server server,
      Api api,
      Case c,
      String url,
      Progress poller,
      Progress.Sample before,
      List<String> problems)
      throws Exception {
    CrashSuite.log(
        "dbdown: locking table %s (ACCESS EXCLUSIVE) at %s %d%%; the server's lock_timeout is %s",
        LOCKED_TABLE, before.status(), before.percent(), LOCK_TIMEOUT);
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(Databases.url(dbName), "postgres", "");
        java.sql.Statement st = db.createStatement()) {
      st.execute("set lock_timeout = 0");
      db.setAutoCommit(false);
      st.execute("lock table " + LOCKED_TABLE + " in access exclusive mode");
      long lockedAt = System.nanoTime();
      CrashSuite.log("dbdown: locked");
      Api.Answer read = null;
      int ready = -2;
      JsonObject op = api.get(url);
      while (System.nanoTime() - lockedAt < Duration.ofSeconds(outageSeconds).toNanos()) {
        if (read == null) {
          long t0 = System.nanoTime();
          read = api.sendOnce("GET", api.url(c.path + "/itemStatistics"), null);
          CrashSuite.log(
              "dbdown: itemStatistics during the lock answered %d in %d ms: %s",
              read.status(),
              Duration.ofNanos(System.nanoTime() - t0).toMillis(),
              read.body().substring(0, Math.min(300, read.body().length())));
          if (read.status() >= 500 && read.status() != 503) {
            problems.add(
                "a read of the locked table was answered "
                    + read.status()
                    + ": "
                    + read.body().substring(0, Math.min(200, read.body().length())));
          }
          ready = server.health("/health/ready");
          CrashSuite.log("dbdown: /health/ready during the lock: %d", ready);
        }
        op = api.get(url);
        if (Progress.TERMINAL.contains(op.getString("status"))) {
          break;
        }
        Thread.sleep(500);
      }
      CrashSuite.log(
          "dbdown: after %d s of the lock the operation is %s at %s%%: %s",
          Duration.ofNanos(System.nanoTime() - lockedAt).toSeconds(),
          op.getString("status"),
          op.get("percentProgress"),
          op.get("resultInfo"));
      db.rollback();
    }
    CrashSuite.log("dbdown: lock released");
    return poller.samples().size();
  }
}
