package org.caseops.bench;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.StepExecution;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.caseops.batch.estimatestatistics.MatchTally;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.SeTransactions;

/**
 * Searches over a large case: the latency of the {@code estimateStatistics} job next to the bare
 * Lucene work it does, and the throughput of the {@code addToReviewSet} job with its copies stored
 * once per SHA-256.
 *
 * <p>The corpus ({@code <work>/corpus}) and the indexed case ({@code <work>/<db>/}: the catalog
 * database, the case's data folder and {@code case.properties}) are made on the first run and
 * reused by the next ones. Jobs run on JBeret SE as {@link JobRunner} runs them: an operation row
 * with its target first, then the job with {@code operationId} and {@code caseId}; a job's time is
 * from its submission to its operation's end, read by polling the operation row as a client polls
 * it.
 *
 * <pre>
 * java -cp ... org.caseops.bench.SearchBenchmark [--work bench/work] [--db h2|postgresql] [--messages 200000]
 *     [--mailboxes 4] [--rounds 7] [--review-rounds 3] [--review-query arbitration] [--prepare-only]
 *     [--no-estimates] [--no-review]
 * </pre>
 */
public final class SearchBenchmark {
  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");

  /**
   * The estimate queries: one of each kind, on words and addresses the corpus generator really
   * writes.
   */
  static final List<String[]> QUERIES =
      List.of(
          new String[] {"term", "arbitration"},
          new String[] {"phrase", "\"purchase order\""},
          new String[] {"property", "from:fabrikam.com"},
          new String[] {"date range", "sent:2022-01-01..2022-03-31"},
          new String[] {"combined", "subject:budget AND from:contoso.com"});

  private final Path work;
  private final BenchDatabase.Kind dbKind;
  private final int messages;
  private final int mailboxCount;
  private final long seed;
  private final int rounds;
  private final int reviewRounds;
  private final String reviewQuery;
  private final boolean prepareOnly;
  private final boolean doEstimates;
  private final boolean doReview;
  private final Duration timeout;

  private SearchBenchmark(Options o) {
    String home = System.getProperty("caseops.bench.home");
    work =
        o.path("work", home == null ? Path.of("bench", "work") : Path.of(home, "work"))
            .toAbsolutePath();
    dbKind = BenchDatabase.Kind.parse(o.string("db", "h2"));
    messages = o.integer("messages", 200_000);
    mailboxCount = o.integer("mailboxes", 4);
    seed = o.longValue("seed", 42);
    rounds = o.integer("rounds", 7);
    reviewRounds = o.integer("review-rounds", 3);
    reviewQuery = o.string("review-query", "arbitration");
    prepareOnly = o.flag("prepare-only");
    doEstimates = !o.flag("no-estimates");
    doReview = !o.flag("no-review");
    timeout = Duration.ofMinutes(o.integer("timeout-minutes", 120));
    if (rounds < 1 || reviewRounds < 1) {
      throw new IllegalArgumentException("need --rounds >= 1 and --review-rounds >= 1");
    }
  }

  public static void main(String[] args) throws Exception {
    SearchBenchmark b;
    try {
      Options o =
          Options.parse(
              args,
              Set.of(
                  "work",
                  "db",
                  "messages",
                  "mailboxes",
                  "seed",
                  "rounds",
                  "review-rounds",
                  "review-query",
                  "timeout-minutes"),
              Set.of("prepare-only", "no-estimates", "no-review", "help"));
      if (o.flag("help")) {
        usage(null);
        return;
      }
      b = new SearchBenchmark(o);
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      System.exit(2);
      return;
    }
    IndexBenchmark.quietLogging();
    int code = b.run();
    System.exit(code);
  }

  private static void usage(String error) {
    if (error != null) {
      System.err.println("error: " + error);
    }
    System.err.println(
        "usage: SearchBenchmark [--work bench/work] [--db h2|postgresql] [--messages 200000] [--mailboxes 4]"
            + " [--seed 42] [--rounds 7] [--review-rounds 3] [--review-query arbitration] [--prepare-only]"
            + " [--no-estimates] [--no-review]"
            + " [--timeout-minutes 120]");
  }

  private int run() throws Exception {
    Path corpus = corpus();
    Path dbDir = Files.createDirectories(work.resolve(dbKind.name().toLowerCase(Locale.ROOT)));
    Path dataDir = dbDir.resolve("data");
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d processors, max heap %.0f MiB; database %s%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        rt.maxMemory() / 1048576.0,
        dbKind.name().toLowerCase(Locale.ROOT));
    try (BenchDatabase db = BenchDatabase.persistent(dbKind, dbDir);
        JobRunner runner = new JobRunner(timeout)) {
      String caseId = indexedCase(db, runner, corpus, dbDir, dataDir);
      if (prepareOnly) {
        return 0;
      }
      if (dbKind == BenchDatabase.Kind.POSTGRESQL) {
        analyze(db.dataSource());
      }
      SeTransactions.use(db.entityManagerFactory());
      System.setProperty("caseops.data.dir", dataDir.toAbsolutePath().toString());
      System.setProperty("caseops.evidence.root", corpus.toAbsolutePath().toString());
      Jobs jobs = new Jobs(runner, caseId, timeout);
      if (doEstimates) {
        estimates(jobs);
      }
      if (doReview) {
        reviewSets(jobs, db.dataSource());
      }
    }
    return 0;
  }

  /**
   * Gathers PostgreSQL's planner statistics, as autovacuum does on a server after a large load (the
   * test server runs with autovacuum off): without them the planner takes the catalog for nearly
   * empty.
   */
  private static void analyze(DataSource ds) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = ds.getConnection();
        var s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    System.out.printf(Locale.ROOT, "ANALYZE: %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * The corpus in the work folder, generated when it is not there yet (or holds another number of
   * messages).
   */
  private Path corpus() throws IOException {
    Path corpus = work.resolve("corpus");
    Path manifest = corpus.resolve("corpus.properties");
    if (Files.isRegularFile(manifest)) {
      Properties p = load(manifest);
      if (Integer.parseInt(p.getProperty("messages", "-1")) == messages) {
        System.out.printf(
            Locale.ROOT,
            "corpus: %,d messages in %s (reused)%n",
            messages,
            String.join(", ", CorpusGenerator.mailboxesOf(corpus)));
        return corpus;
      }
      throw new IllegalStateException(
          corpus
              + " holds "
              + p.getProperty("messages")
              + " messages, not "
              + messages
              + "; use another --work");
    }
    CorpusGenerator.Settings settings =
        new CorpusGenerator.Settings(messages, mailboxCount, 0.5, seed, false, 0);
    CorpusGenerator.print(CorpusGenerator.generate(corpus, settings), settings);
    return corpus;
  }

  /** The case of the corpus in the database, indexed by the {@code index} job on the first run. */
  private String indexedCase(
      BenchDatabase db, JobRunner runner, Path corpus, Path dbDir, Path dataDir) throws Exception {
    Path state = dbDir.resolve("case.properties");
    if (Files.isRegularFile(state)) {
      Properties p = load(state);
      System.out.printf(
          Locale.ROOT,
          "case %s: %s items indexed (reused; the index job took %s s, %s items/s)%n",
          p.getProperty("caseId"),
          p.getProperty("items"),
          p.getProperty("indexSeconds"),
          p.getProperty("itemsPerSecond"));
      return p.getProperty("caseId");
    }
    System.out.println("indexing the corpus into a new case with the index job...");
    JobRunner.Result r = runner.run(db, corpus, CorpusGenerator.mailboxesOf(corpus), dataDir);
    System.out.printf(
        Locale.ROOT,
        "index job: %s / operation %s (%s); %,d items catalogued, %,d indexed, %,d documents, %.1f MB, in %.1f s"
            + " (%.0f items/s)%n",
        r.batchStatus(),
        r.operationStatus(),
        r.resultInfo(),
        r.items(),
        r.indexedItems(),
        r.documents(),
        r.bytes() / 1e6,
        r.seconds(),
        r.itemsPerSecond());
    if (!"COMPLETED".equals(r.batchStatus())) {
      throw new IllegalStateException("the index job did not complete");
    }
    Properties p = new Properties();
    p.setProperty("caseId", r.caseId());
    p.setProperty("items", Long.toString(r.items()));
    p.setProperty("indexSeconds", String.format(Locale.ROOT, "%.1f", r.seconds()));
    p.setProperty("itemsPerSecond", String.format(Locale.ROOT, "%.0f", r.itemsPerSecond()));
    try (OutputStream out = Files.newOutputStream(state)) {
      p.store(out, "The indexed case of the search benchmark");
    }
    return r.caseId();
  }

  // --- estimateStatistics
  // -------------------------------------------------------------------------------------------

  private void estimates(Jobs jobs) throws Exception {
    List<EdiscoverySearch> searches = new ArrayList<>();
    for (String[] q : QUERIES) {
      searches.add(jobs.search(q[1]));
    }
    List<String> sourceIds = jobs.sourceIds();
    System.out.printf(
        Locale.ROOT,
        "%nestimateStatistics: %d rounds after one warm-up; in each round every query runs as the job (submit to"
            + " operation ended) and bare (open the index, count and sum sizes over the same query and sources)%n",
        rounds);
    long[][] jobNanos = new long[QUERIES.size()][rounds];
    long[][] bareNanos = new long[QUERIES.size()][rounds];
    long[] hits = new long[QUERIES.size()];
    for (int round = 0; round <= rounds; round++) {
      for (int i = 0; i < QUERIES.size(); i++) {
        long start = System.nanoTime();
        CaseOperation done =
            jobs.run(
                CaseAction.estimateStatistics,
                OperationTarget.search(searches.get(i).getId(), List.of()));
        long jobTime = System.nanoTime() - start;
        if (!"succeeded".equals(done.getStatus().name())) {
          throw new IllegalStateException(
              QUERIES.get(i)[1]
                  + ": "
                  + done.getStatus()
                  + " "
                  + done.getResultInfo().getMessage());
        }
        start = System.nanoTime();
        MatchTally bare = bare(jobs.caseId, QUERIES.get(i)[1], sourceIds);
        long bareTime = System.nanoTime() - start;
        EstimateStatistics e = done.getEstimate();
        if (e.getIndexedItemCount() != bare.count() || e.getIndexedItemsSize() != bare.size()) {
          throw new IllegalStateException(
              QUERIES.get(i)[1]
                  + ": the job counted "
                  + e.getIndexedItemCount()
                  + " and bare "
                  + bare.count());
        }
        hits[i] = bare.count();
        if (round > 0) {
          jobNanos[i][round - 1] = jobTime;
          bareNanos[i][round - 1] = bareTime;
        }
      }
    }
    System.out.println();
    System.out.println(
        "| query | kind | hits | job median (min-max) | bare median (min-max) | job / bare |");
    System.out.println("|---|---|---|---|---|---|");
    for (int i = 0; i < QUERIES.size(); i++) {
      Stats j = Stats.of(jobNanos[i]);
      Stats b = Stats.of(bareNanos[i]);
      System.out.printf(
          Locale.ROOT,
          "| `%s` | %s | %,d | %.0f ms (%.0f-%.0f) | %.1f ms (%.1f-%.1f) | %.1f |%n",
          QUERIES.get(i)[1],
          QUERIES.get(i)[0],
          hits[i],
          j.median / 1e6,
          j.min / 1e6,
          j.max / 1e6,
          b.median / 1e6,
          b.min / 1e6,
          b.max / 1e6,
          (double) j.median / b.median);
    }
  }

  /**
   * The bare Lucene work of an estimate: open the committed index, count the hits in the sources,
   * sum their sizes.
   */
  private static MatchTally bare(String caseId, String kql, List<String> sourceIds)
      throws IOException {
    Query query =
        SearchQueries.restrict(KqlTranslator.toLucene(kql, null), IndexFields.SOURCE_ID, sourceIds);
    try (DirectoryReader reader = SearchQueries.open(CaseopsPaths.indexDir(caseId)).orElseThrow()) {
      MatchTally tally = new MatchTally();
      new IndexSearcher(reader).search(query, tally);
      return tally;
    }
  }

  // --- addToReviewSet
  // -----------------------------------------------------------------------------------------------

  private void reviewSets(Jobs jobs, DataSource dataSource) throws Exception {
    EdiscoverySearch search = jobs.search(reviewQuery);
    long hits = bare(jobs.caseId, reviewQuery, jobs.sourceIds()).count();
    Path content = CaseopsPaths.contentDir(jobs.caseId);
    System.out.printf(
        Locale.ROOT,
        "%naddToReviewSet: `%s` matches %,d items; %d rounds, each into a new review set, then (with 2 rounds or more)"
            + " round 1's set again. The case's content folder"
            + " is emptied first, so round 1 writes every copy and the later rounds find them stored.%n",
        reviewQuery,
        hits,
        reviewRounds);
    deleteTree(content);
    System.out.println();
    System.out.println(
        "| round | items added | time | items/s | review-set files of this run | their distinct SHA-256 (MB) |"
            + " content folder files (MB) |");
    System.out.println("|---|---|---|---|---|---|---|");
    List<String> sets = new ArrayList<>();
    printContent("before", -1, 0, content, copies(dataSource, sets));
    List<Double> laterRates = new ArrayList<>();
    for (int round = 1; round <= reviewRounds; round++) {
      ReviewSet set =
          ReviewSet.create(
              jobs.caseId, "bench " + Instant.now() + " " + round, BENCH, Instant.now());
      jobs.reviewSets.add(set);
      sets.add(set.getId());
      long start = System.nanoTime();
      CaseOperation done =
          jobs.run(
              CaseAction.addToReviewSet,
              OperationTarget.reviewSet(set.getId(), search.getId(), List.of()));
      long nanos = System.nanoTime() - start;
      long added = jobs.reviewSets.countItems(set.getId());
      if (!"succeeded".equals(done.getStatus().name())) {
        System.out.println(
            "  operation " + done.getStatus() + ": " + done.getResultInfo().getMessage());
      }
      printContent(round + " (new set)", added, nanos, content, copies(dataSource, sets));
      System.out.println("    steps: " + Jobs.steps(done.getExecutionId()));
      if (round > 1) {
        laterRates.add(added / (nanos / 1e9));
      }
    }
    if (reviewRounds < 2) {
      return;
    }
    String first = sets.get(0);
    long before = jobs.reviewSets.countItems(first);
    long start = System.nanoTime();
    CaseOperation again =
        jobs.run(
            CaseAction.addToReviewSet, OperationTarget.reviewSet(first, search.getId(), List.of()));
    long nanos = System.nanoTime() - start;
    printContent(
        "round 1's set again (" + again.getStatus() + ")",
        jobs.reviewSets.countItems(first) - before,
        nanos,
        content,
        copies(dataSource, sets));
    double[] rates = laterRates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%ncopies already stored (rounds 2-%d): median %.0f items/s; the repeat said: %s%n",
        reviewRounds,
        rates[rates.length / 2],
        again.getResultInfo().getMessage());
  }

  private static void printContent(
      String round, long added, long nanos, Path content, long[] copies) throws IOException {
    long[] files = files(content);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %s | %,d | %,d (%.1f) | %,d (%.1f) |%n",
        round,
        added < 0 ? "-" : String.format(Locale.ROOT, "%,d", added),
        nanos == 0 ? "-" : String.format(Locale.ROOT, "%.2f s", nanos / 1e9),
        nanos == 0 || added <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f", added / (nanos / 1e9)),
        copies[0],
        copies[1],
        copies[2] / 1e6,
        files[0],
        files[1] / 1e6);
  }

  /** Regular files (not partial copies) under the folder, and their bytes. */
  private static long[] files(Path folder) throws IOException {
    long[] r = new long[2];
    if (!Files.isDirectory(folder)) {
      return r;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.toString().endsWith(".part")) {
          r[0]++;
          r[1] += Files.size(p);
        }
      }
    }
    return r;
  }

  /** The files of the review sets, their distinct SHA-256 and the bytes of one copy of each. */
  private static long[] copies(DataSource ds, List<String> reviewSetIds) throws SQLException {
    if (reviewSetIds.isEmpty()) {
      return new long[3];
    }
    String in = String.join(",", reviewSetIds.stream().map(id -> "?").toList());
    String sql =
        "SELECT (SELECT COUNT(*) FROM review_set_item WHERE review_set_id IN ("
            + in
            + ")), COUNT(*),"
            + " COALESCE(SUM(size_bytes), 0) FROM (SELECT sha256, MAX(size_bytes) AS size_bytes FROM review_set_item"
            + " WHERE review_set_id IN ("
            + in
            + ") GROUP BY sha256) AS d";
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      for (int round = 0; round < 2; round++) {
        for (String id : reviewSetIds) {
          s.setString(i++, id);
        }
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
      }
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  /** Median, least and most of some times. */
  private record Stats(long median, long min, long max) {
    static Stats of(long[] nanos) {
      long[] s = nanos.clone();
      Arrays.sort(s);
      return new Stats(s[s.length / 2], s[0], s[s.length - 1]);
    }
  }

  /**
   * Submits operations on the case and waits for them as a client does: by polling the operation.
   */
  private static final class Jobs {
    /**
     * Each step of the execution with its time, e.g. "copyItems 18.20 s, indexReviewSet 2.10 s".
     */
    static String steps(Long executionId) {
      if (executionId == null) {
        return "-";
      }
      List<String> steps = new ArrayList<>();
      for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(executionId)) {
        if (step.getStartTime() != null && step.getEndTime() != null) {
          long millis = step.getEndTime().getTime() - step.getStartTime().getTime();
          steps.add(String.format(Locale.ROOT, "%s %.2f s", step.getStepName(), millis / 1000.0));
        }
      }
      return String.join(", ", steps);
    }

    final String caseId;
    final CaseOperationRepository operations;
    final SearchRepository searches;
    final ReviewSetRepository reviewSets;
    final CustodianRepository custodians;
    final Duration timeout;

    Jobs(JobRunner runner, String caseId, Duration timeout) {
      this.caseId = caseId;
      this.operations = runner.bean(CaseOperationRepository.class);
      this.searches = runner.bean(SearchRepository.class);
      this.reviewSets = runner.bean(ReviewSetRepository.class);
      this.custodians = runner.bean(CustodianRepository.class);
      this.timeout = timeout;
    }

    List<String> sourceIds() {
      return custodians.listSourcesOfCase(caseId).stream().map(CustodianSource::getId).toList();
    }

    EdiscoverySearch search(String kql) {
      EdiscoverySearch s =
          EdiscoverySearch.create(
              caseId,
              "bench " + kql,
              null,
              kql,
              Set.of(DataSourceScopes.allCaseCustodians),
              List.of(),
              List.of(),
              BENCH,
              Instant.now());
      searches.add(s);
      return s;
    }

    CaseOperation run(CaseAction action, OperationTarget target) throws InterruptedException {
      CaseOperation op = CaseOperation.submit(caseId, action, target, BENCH, Instant.now());
      operations.add(op);
      Properties parameters = op.jobParameters();
      JobOperator jobOperator = JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
      long executionId = jobOperator.start(action.jobName(), parameters);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        CaseOperation now = operations.find(op.getId()).orElseThrow();
        if (now.getStatus().isTerminal()) {
          return now;
        }
        if (System.nanoTime() > deadline) {
          jobOperator.stop(executionId);
          throw new IllegalStateException(action + " did not end within " + timeout);
        }
        Thread.sleep(5);
      }
    }
  }
}
