package org.caseops.bench;

import com.sun.management.OperatingSystemMXBean;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.SeTransactions;

/**
 * The contentExport job against {@code zip -r -6} over the same natives, and its memory on large
 * exports.
 *
 * <p>{@code --mode speed} (the default), in one JVM, for each corpus: a review set made directly in
 * a fresh database ({@link ReviewSetFixture}: the natives in the case's content store, the catalog
 * and review-set rows), one unmeasured export, then rounds that alternate (which goes first changes
 * every round) the job (an {@code originalFiles} export on JBeret SE, from submission to the
 * operation's end as a client polls it) and Info-ZIP's {@code zip -r -6 -q} of the case's content
 * folder, which holds exactly the review set's natives. Both are single-threaded: the export step
 * is one chunk on one thread, and zip uses one. Bytes per second are the natives' bytes over the
 * wall time; the CPU time is the whole JVM's during the job (its collector and compiler included)
 * and zip's own.
 *
 * <p>{@code --mode memory} runs the job alone in a new JVM per size ({@code -Xmx512m} by default)
 * on a review set of that many generated messages, exporting natives and text, with a full
 * collection every few seconds (so the peak heap after a collection is the live set), and prints
 * the figures side by side, as {@link LargeCaseMemoryCheck} does for the index job.
 *
 * <p>{@code --mode search-memory} does the same for the search exports: per size, a new JVM indexes
 * a generated corpus with the index job (not watched), then runs exportReport and exportResult of a
 * search that every message matches, each alone while the heap is watched.
 *
 * <pre>
 * bench/run.sh export [--corpora mail,compressed] [--messages 20000] [--documents 600] [--rounds 5]
 *     [--poll-ms 5]
 * bench/run.sh export --mode memory [--sizes 10000,100000] [--xmx 512m] [--db postgresql|h2file|h2]
 *     [--options originalFiles,text,tags] [--part-entries 65535]
 * bench/run.sh export --mode search-memory [--sizes 10000,100000] [--xmx 512m] [--db ...]
 * </pre>
 */
public final class ExportBenchmark {
  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");
  private static final Duration TIMEOUT = Duration.ofMinutes(120);

  /** The job parameter partEntries, when {@code --part-entries} gives it. */
  private static String partEntries;

  /** How long the client waits between two reads of the operation ({@code --poll-ms}). */
  private static long pollMillis = 5;

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o =
          Options.parse(
              args,
              Set.of(
                  "mode",
                  "corpora",
                  "messages",
                  "documents",
                  "rounds",
                  "seed",
                  "db",
                  "work",
                  "sizes",
                  "xmx",
                  "gc-every",
                  "options",
                  "part-entries",
                  "poll-ms",
                  "corpus"),
              Set.of("help"));
      if (o.flag("help")) {
        usage(null);
        return;
      }
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      System.exit(2);
      return;
    }
    IndexBenchmark.quietLogging();
    String mode = o.string("mode", "speed");
    int code =
        switch (mode) {
          case "speed" -> speed(o);
          case "memory" -> memory(o);
          case "child" -> child(o);
          case "search-memory" -> searchMemory(o);
          case "search-child" -> searchChild(o);
          default -> {
            usage("--mode must be speed, memory or search-memory: " + mode);
            yield 2;
          }
        };
    System.exit(code);
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("error: " + problem);
    }
    System.err.println(
        "usage: ExportBenchmark [--mode speed] [--corpora mail,compressed] [--messages 20000]"
            + " [--documents 600] [--rounds 5] [--poll-ms 5] [--seed 42] [--work DIR]\n"
            + "       ExportBenchmark --mode memory [--sizes 10000,100000] [--xmx 512m]"
            + " [--db postgresql|h2file|h2] [--gc-every 5] [--work DIR]\n"
            + "       ExportBenchmark --mode search-memory [--sizes 10000,100000] [--xmx 512m]"
            + " [--db postgresql|h2file|h2] [--gc-every 5] [--seed 42] [--work DIR]");
  }

  private static Path work(Options o, String name) throws IOException {
    Path work =
        o.path("work", Path.of(System.getProperty("java.io.tmpdir"), name)).toAbsolutePath();
    return Files.createDirectories(work);
  }

  // --- speed: the job against zip -r -6
  // ---------------------------------------------------------------------------------

  private static int speed(Options o) throws Exception {
    List<String> corpora = List.of(o.string("corpora", "mail,compressed").split(","));
    int messages = o.integer("messages", 20_000);
    int documents = o.integer("documents", 600);
    int rounds = o.integer("rounds", 5);
    long seed = o.longValue("seed", 42);
    Path work = work(o, "caseops-export-bench");
    pollMillis = o.longValue("poll-ms", 5);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d processors, max heap %.0f MiB; load average %.2f; %d rounds per corpus after"
            + " one unmeasured export; job and zip -r -6 alternate, one thread each; the operation"
            + " polled every %d ms%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        rt.maxMemory() / 1048576.0,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        rounds,
        pollMillis);
    boolean ok = true;
    List<String> summary = new ArrayList<>();
    try (BenchDatabase db =
            BenchDatabase.open(BenchDatabase.Kind.parse(o.string("db", "h2")), work);
        JobRunner runner = new JobRunner(TIMEOUT)) {
      SeTransactions.use(db.entityManagerFactory());
      Path dataDir = Files.createDirectories(work.resolve("data"));
      System.setProperty("caseops.data.dir", dataDir.toString());
      for (String corpus : corpora) {
        Iterator<ReviewSetFixture.Native> natives =
            switch (corpus.trim()) {
              case "mail" -> Natives.mail(seed, messages);
              case "compressed" -> Natives.compressed(seed, documents);
              default -> throw new IllegalArgumentException("unknown corpus " + corpus);
            };
        long t0 = System.nanoTime();
        ReviewSetFixture.Made set = ReviewSetFixture.make(runner, "export " + corpus, natives);
        System.out.printf(
            Locale.ROOT,
            "%n== %s: %,d files, %.1f MB of natives (review set made in %.1f s)%n",
            corpus,
            set.files(),
            set.bytes() / 1e6,
            (System.nanoTime() - t0) / 1e9);
        Run warm = exportJob(runner, set, "originalFiles");
        System.out.printf(Locale.ROOT, "warm-up export: %s%n", warm);
        ok &= warm.succeeded();
        double[] jobRates = new double[rounds];
        double[] zipRates = new double[rounds];
        double[] jobCpu = new double[rounds];
        double[] jobThreadCpu = new double[rounds];
        double[] pollerCpu = new double[rounds];
        double[] zipCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          Run job = null;
          Run zip = null;
          for (int turn = 0; turn < 2; turn++) {
            if ((turn == 0) == (r % 2 == 0)) {
              job = exportJob(runner, set, "originalFiles");
            } else {
              zip = zip(set, work);
            }
          }
          ok &= job.succeeded();
          jobRates[r] = set.bytes() / job.seconds();
          zipRates[r] = set.bytes() / zip.seconds();
          jobCpu[r] = job.cpuSeconds();
          jobThreadCpu[r] = job.jobThreadCpuSeconds();
          pollerCpu[r] = job.pollerCpuSeconds();
          zipCpu[r] = zip.cpuSeconds();
          System.out.printf(
              Locale.ROOT,
              "round %d (%s first): job %s; zip %s; job/zip %.2f%n",
              r + 1,
              r % 2 == 0 ? "job" : "zip",
              job,
              zip,
              jobRates[r] / zipRates[r]);
        }
        double jobMedian = median(jobRates);
        double zipMedian = median(zipRates);
        String line =
            String.format(
                Locale.ROOT,
                "%s: %,d files, %.1f MB; median job %.1f MB/s (CPU %.2f s, job thread %.2f s,"
                    + " poller %.3f s), zip -r -6 %.1f MB/s (CPU %.2f s); job/zip %.2f (per round"
                    + " %s)",
                corpus,
                set.files(),
                set.bytes() / 1e6,
                jobMedian / 1e6,
                median(jobCpu),
                median(jobThreadCpu),
                median(pollerCpu),
                zipMedian / 1e6,
                median(zipCpu),
                jobMedian / zipMedian,
                ratios(jobRates, zipRates));
        System.out.println("median " + line);
        summary.add(line);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nload average at the end %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    summary.forEach(s -> System.out.println("SUMMARY " + s));
    return ok ? 0 : 1;
  }

  private static String ratios(double[] a, double[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", a[i] / b[i]));
    }
    return s.toString();
  }

  /**
   * One timed run: wall and CPU seconds (for the job, the whole JVM's, and its batch threads'
   * alone: the JVM's also counts the compiler, the collector and the client polling the operation;
   * the polling thread's own CPU and number of polls), output bytes, outcome.
   */
  record Run(
      double seconds,
      double cpuSeconds,
      double jobThreadCpuSeconds,
      double pollerCpuSeconds,
      int polls,
      long outputBytes,
      String outcome) {
    boolean succeeded() {
      return outcome.startsWith("succeeded");
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.2f s, CPU %.2f s%s, output %.1f MB, %s",
          seconds,
          cpuSeconds,
          jobThreadCpuSeconds > 0
              ? String.format(
                  Locale.ROOT,
                  " (job thread %.2f s, poller %.3f s for %d polls)",
                  jobThreadCpuSeconds,
                  pollerCpuSeconds,
                  polls)
              : "",
          outputBytes / 1e6,
          outcome);
    }
  }

  /** An export of the review set as the API starts one; its output is deleted afterwards. */
  static Run exportJob(JobRunner runner, ReviewSetFixture.Made set, String options)
      throws Exception {
    CaseOperationRepository operations = runner.bean(CaseOperationRepository.class);
    OperationSystem os = new OperationSystem();
    long start = System.nanoTime();
    long cpu = os.processCpu();
    long threadCpu = batchThreadsCpu();
    CaseOperation op =
        CaseOperation.submit(
            set.caseId(),
            CaseAction.contentExport,
            OperationTarget.of(
                null, set.reviewSetId(), null, List.of(), List.of(), List.of(options.split(","))),
            Map.of("outputName", "bench"),
            BENCH,
            Instant.now());
    operations.add(op);
    Properties parameters = op.jobParameters();
    if (partEntries != null) {
      parameters.setProperty("partEntries", partEntries);
    }
    JobOperator jobOperator = JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
    long execution = jobOperator.start(CaseAction.contentExport.jobName(), parameters);
    long deadline = start + TIMEOUT.toNanos();
    CaseOperation now;
    // The CPU the polling takes (this thread's), which the job's JVM pays and zip does not.
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long pollerCpu = threads.getCurrentThreadCpuTime();
    int polls = 0;
    while (true) {
      polls++;
      now = operations.find(op.getId()).orElseThrow();
      if (now.getStatus().isTerminal()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        jobOperator.stop(execution);
        throw new IllegalStateException("the export did not end within " + TIMEOUT);
      }
      Thread.sleep(pollMillis);
    }
    long nanos = System.nanoTime() - start;
    double cpuSeconds = (os.processCpu() - cpu) / 1e9;
    double threadCpuSeconds = (batchThreadsCpu() - threadCpu) / 1e9;
    double pollerCpuSeconds = (threads.getCurrentThreadCpuTime() - pollerCpu) / 1e9;
    Path folder = CaseopsPaths.exportDir(set.caseId(), op.getId());
    long output = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.toList()) {
        if (Files.isRegularFile(p)) {
          output += Files.size(p);
        }
      }
    }
    IndexBenchmark.deleteTree(folder);
    return new Run(
        nanos / 1e9,
        cpuSeconds,
        threadCpuSeconds,
        pollerCpuSeconds,
        polls,
        output,
        now.getStatus() + ": " + now.getResultInfo().getMessage());
  }

  /** {@code zip -r -6 -q} of the case's content folder (the natives), deleted afterwards. */
  static Run zip(ReviewSetFixture.Made set, Path work) throws Exception {
    Path content = CaseopsPaths.contentDir(set.caseId());
    Path out = work.resolve("yardstick.zip");
    Files.deleteIfExists(out);
    long cpu = childrenCpuNanos();
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder("zip", "-r", "-6", "-q", out.toString(), ".")
            .directory(content.toFile())
            .inheritIO()
            .start();
    int exit = p.waitFor();
    long nanos = System.nanoTime() - start;
    double cpuSeconds = (childrenCpuNanos() - cpu) / 1e9;
    long size = Files.size(out);
    Files.delete(out);
    return new Run(nanos / 1e9, cpuSeconds, 0, 0, 0, size, exit == 0 ? "exit 0" : "exit " + exit);
  }

  /**
   * The CPU time of this process's finished children (Linux: {@code cutime + cstime} of {@code
   * /proc/self/stat}, in clock ticks of 10 ms).
   */
  private static long childrenCpuNanos() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // Fields 16 and 17 of stat(5) (cutime, cstime); f[0] is field 3.
    return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
  }

  /** CPU time of JBeret's threads ({@code jberet-*}), which run the job's step, in nanoseconds. */
  private static long batchThreadsCpu() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("jberet")) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }

  private static final class OperationSystem {
    private final OperatingSystemMXBean bean =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long processCpu() {
      return bean.getProcessCpuTime();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // --- memory: a large export in a small heap
  // ---------------------------------------------------------------------------

  private static int memory(Options o) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : o.string("sizes", "10000,100000").split(",")) {
      sizes.add(Integer.parseInt(s.trim().replace("_", "")));
    }
    String xmx = o.string("xmx", "512m");
    String db = o.string("db", "postgresql");
    BenchDatabase.Kind.parse(db);
    int gcEvery = o.integer("gc-every", 5);
    String options = o.string("options", "originalFiles,text,tags");
    String entries = o.string("part-entries", null);
    Path work = work(o, "caseops-export-memory");
    System.out.printf(
        Locale.ROOT,
        "Memory check: the contentExport job alone (%s, partEntries %s), -Xmx%s, database %s,"
            + " full GC every %d s; load average %.2f%n",
        options,
        entries == null ? "65535" : entries,
        xmx,
        db,
        gcEvery,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<Map<String, String>> results = new ArrayList<>();
    for (int size : sizes) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + xmx);
      command.add("-XX:+ExitOnOutOfMemoryError");
      for (String property : List.of("caseops.test.db.url", "caseops.test.db.user")) {
        if (System.getProperty(property) != null) {
          command.add("-D" + property + "=" + System.getProperty(property));
        }
      }
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              ExportBenchmark.class.getName(),
              "--mode",
              "child",
              "--messages",
              Integer.toString(size),
              "--db",
              db,
              "--gc-every",
              Integer.toString(gcEvery),
              "--options",
              options,
              "--part-entries",
              entries == null ? "65535" : entries,
              "--work",
              work.resolve("run-" + size).toString()));
      System.out.printf(Locale.ROOT, "%n== %,d messages%n", size);
      Map<String, String> result = runChild(command);
      result.put("size", Integer.toString(size));
      results.add(result);
      IndexBenchmark.deleteTree(work.resolve("run-" + size));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%10s %10s %10s %10s %12s %18s %14s  %s%n",
        "messages",
        "exported",
        "MB",
        "seconds",
        "files/s",
        "peak after GC MiB",
        "peak MiB",
        "outcome");
    for (Map<String, String> r : results) {
      System.out.printf(
          Locale.ROOT,
          "%10s %10s %10s %10s %12s %18s %14s  %s%n",
          r.get("size"),
          r.getOrDefault("files", "-"),
          r.getOrDefault("mb", "-"),
          r.getOrDefault("seconds", "-"),
          r.getOrDefault("filesPerSecond", "-"),
          r.getOrDefault("peakAfterGcMiB", "-"),
          r.getOrDefault("peakHeapMiB", "-"),
          r.get("outcome"));
    }
    if (results.size() >= 2
        && results.get(0).containsKey("peakAfterGcMiB")
        && results.get(results.size() - 1).containsKey("peakAfterGcMiB")) {
      double first = Double.parseDouble(results.get(0).get("peakAfterGcMiB"));
      double last = Double.parseDouble(results.get(results.size() - 1).get("peakAfterGcMiB"));
      System.out.printf(
          Locale.ROOT,
          "peak heap after GC grew %.2fx while the export grew %.0fx%n",
          last / first,
          Double.parseDouble(results.get(results.size() - 1).get("size"))
              / Double.parseDouble(results.get(0).get("size")));
    }
    return results.stream().allMatch(r -> "succeeded".equals(r.get("outcome"))) ? 0 : 1;
  }

  // --- search-memory: the search exports of a large search in a small heap
  // ---------------------------------------------------------------------------

  /** The search exports measured, with the key prefix of their figures. */
  private static final List<CaseAction> SEARCH_EXPORTS =
      List.of(CaseAction.exportReport, CaseAction.exportResult);

  /** A query every generated message matches: its sent date is within these years. */
  static final String EVERY_MESSAGE = "sent:1990-01-01..2099-12-31";

  private static int searchMemory(Options o) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String s : o.string("sizes", "10000,100000").split(",")) {
      sizes.add(Integer.parseInt(s.trim().replace("_", "")));
    }
    String xmx = o.string("xmx", "512m");
    String db = o.string("db", "postgresql");
    BenchDatabase.Kind.parse(db);
    int gcEvery = o.integer("gc-every", 5);
    Path work = work(o, "caseops-search-export-memory");
    System.out.printf(
        Locale.ROOT,
        "Memory check: exportReport and exportResult (searchHits, responsiveLocations) of a search"
            + " that every message matches, each job alone while the heap is watched, -Xmx%s,"
            + " database %s, full GC every %d s; load average %.2f%n",
        xmx,
        db,
        gcEvery,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<Map<String, String>> results = new ArrayList<>();
    for (int size : sizes) {
      Path corpus = LargeCaseMemoryCheck.corpus(work, size, 3, o.longValue("seed", 42));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + xmx);
      command.add("-XX:+ExitOnOutOfMemoryError");
      for (String property : List.of("caseops.test.db.url", "caseops.test.db.user")) {
        if (System.getProperty(property) != null) {
          command.add("-D" + property + "=" + System.getProperty(property));
        }
      }
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              ExportBenchmark.class.getName(),
              "--mode",
              "search-child",
              "--corpus",
              corpus.toString(),
              "--db",
              db,
              "--gc-every",
              Integer.toString(gcEvery),
              "--work",
              work.resolve("run-" + size).toString()));
      System.out.printf(Locale.ROOT, "%n== %,d messages%n", size);
      Map<String, String> result = runChild(command);
      result.put("size", Integer.toString(size));
      results.add(result);
      IndexBenchmark.deleteTree(work.resolve("run-" + size));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%10s %-13s %10s %10s %12s %18s %14s  %s%n",
        "messages",
        "export",
        "items",
        "seconds",
        "items/s",
        "peak after GC MiB",
        "peak MiB",
        "outcome");
    boolean ok = true;
    for (CaseAction action : SEARCH_EXPORTS) {
      String k = action.name() + ".";
      for (Map<String, String> r : results) {
        String outcome = r.getOrDefault(k + "operation", r.get("outcome"));
        ok &= "succeeded".equals(outcome);
        System.out.printf(
            Locale.ROOT,
            "%10s %-13s %10s %10s %12s %18s %14s  %s%n",
            r.get("size"),
            action.name(),
            r.getOrDefault(k + "items", "-"),
            r.getOrDefault(k + "seconds", "-"),
            r.getOrDefault(k + "itemsPerSecond", "-"),
            r.getOrDefault(k + "peakAfterGcMiB", "-"),
            r.getOrDefault(k + "peakHeapMiB", "-"),
            outcome);
      }
      if (results.size() >= 2
          && results.get(0).containsKey(k + "peakAfterGcMiB")
          && results.get(results.size() - 1).containsKey(k + "peakAfterGcMiB")) {
        System.out.printf(
            Locale.ROOT,
            "%s: peak heap after GC grew %.2fx while the export grew %.0fx%n",
            action.name(),
            Double.parseDouble(results.get(results.size() - 1).get(k + "peakAfterGcMiB"))
                / Double.parseDouble(results.get(0).get(k + "peakAfterGcMiB")),
            Double.parseDouble(results.get(results.size() - 1).get("size"))
                / Double.parseDouble(results.get(0).get("size")));
      }
    }
    return ok ? 0 : 1;
  }

  /**
   * One size of the search-export memory check, in its own JVM: the corpus indexed into a new case
   * by the index job (not watched), a search of the case that every message matches, then each
   * search export alone while the heap is watched.
   */
  private static int searchChild(Options o) throws Exception {
    Path corpus = o.path("corpus", null);
    int gcEvery = o.integer("gc-every", 5);
    Path work = work(o, "caseops-search-export-memory-run");
    try (BenchDatabase db =
            BenchDatabase.open(BenchDatabase.Kind.parse(o.string("db", "postgresql")), work);
        JobRunner runner = new JobRunner(TIMEOUT)) {
      Path dataDir = Files.createDirectories(work.resolve("data"));
      JobRunner.Result indexed =
          runner.run(db, corpus, CorpusGenerator.mailboxesOf(corpus), dataDir);
      System.out.printf(
          Locale.ROOT,
          "index job: %s, %,d items catalogued, %,d indexed, in %.1f s%n",
          indexed.operationStatus(),
          indexed.items(),
          indexed.indexedItems(),
          indexed.seconds());
      EdiscoverySearch search =
          EdiscoverySearch.create(
              indexed.caseId(),
              "every message",
              null,
              EVERY_MESSAGE,
              Set.of(DataSourceScopes.allCaseCustodians),
              List.of(),
              List.of(),
              BENCH,
              Instant.now());
      runner.bean(SearchRepository.class).add(search);
      CaseOperationRepository operations = runner.bean(CaseOperationRepository.class);
      StringBuilder result = new StringBuilder("RESULT");
      boolean ok = true;
      for (CaseAction action : SEARCH_EXPORTS) {
        HeapWatcher watcher = HeapWatcher.start(gcEvery);
        long start = System.nanoTime();
        CaseOperation op =
            CaseOperation.submit(
                indexed.caseId(),
                action,
                OperationTarget.search(
                    search.getId(), List.of("searchHits", "responsiveLocations")),
                Map.of("displayName", "bench"),
                BENCH,
                Instant.now());
        operations.add(op);
        JobOperator jobOperator = JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
        long execution = jobOperator.start(action.jobName(), op.jobParameters());
        CaseOperation now;
        while (true) {
          now = operations.find(op.getId()).orElseThrow();
          if (now.getStatus().isTerminal()) {
            break;
          }
          if (System.nanoTime() - start > TIMEOUT.toNanos()) {
            jobOperator.stop(execution);
            throw new IllegalStateException(action + " did not end within " + TIMEOUT);
          }
          Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        HeapWatcher.Figures heap = watcher.stop();
        String message = now.getResultInfo() == null ? "" : now.getResultInfo().getMessage();
        System.out.printf(
            Locale.ROOT,
            "%s: %s in %.1f s: %s; peak heap %.1f MiB, peak after GC %.1f MiB (baseline %.1f"
                + " MiB, %d collections)%n",
            action,
            now.getStatus(),
            seconds,
            message,
            HeapWatcher.Figures.mib(heap.peakUsed()),
            HeapWatcher.Figures.mib(heap.peakAfterGc()),
            HeapWatcher.Figures.mib(heap.baselineAfterGc()),
            heap.collections());
        String k = " " + action.name() + ".";
        result
            .append(k)
            .append("items=")
            .append(indexed.items())
            .append(k)
            .append(String.format(Locale.ROOT, "seconds=%.1f", seconds))
            .append(k)
            .append(String.format(Locale.ROOT, "itemsPerSecond=%.0f", indexed.items() / seconds))
            .append(k)
            .append(
                String.format(
                    Locale.ROOT,
                    "peakAfterGcMiB=%.1f",
                    HeapWatcher.Figures.mib(heap.peakAfterGc())))
            .append(k)
            .append(
                String.format(
                    Locale.ROOT, "peakHeapMiB=%.1f", HeapWatcher.Figures.mib(heap.peakUsed())))
            .append(k)
            .append("operation=")
            .append(now.getStatus());
        ok &= now.getStatus().name().equals("succeeded");
        IndexBenchmark.deleteTree(CaseopsPaths.exportDir(indexed.caseId(), op.getId()));
      }
      result.append(" operation=").append(ok ? "succeeded" : "failed");
      System.out.println(result);
      return ok ? 0 : 1;
    }
  }

  private static Map<String, String> runChild(List<String> command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, String> result = new LinkedHashMap<>();
    boolean outOfMemory = false;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println("  | " + line);
        if (line.startsWith("RESULT ")) {
          for (String pair : line.substring(7).split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
              result.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
          }
        }
        outOfMemory |= line.contains("OutOfMemoryError");
      }
    }
    int exit = process.waitFor();
    if (outOfMemory) {
      result.put("outcome", "OUT OF MEMORY");
    } else if (result.containsKey("operation")) {
      result.put("outcome", result.get("operation") + (exit == 0 ? "" : " (exit " + exit + ")"));
    } else {
      result.put("outcome", "no result (exit " + exit + ")");
    }
    return result;
  }

  /** One size of the memory check, in its own JVM. */
  private static int child(Options o) throws Exception {
    int messages = o.integer("messages", 10_000);
    int gcEvery = o.integer("gc-every", 5);
    String options = o.string("options", "originalFiles,text,tags");
    partEntries = o.string("part-entries", null);
    Path work = work(o, "caseops-export-memory-run");
    try (BenchDatabase db =
            BenchDatabase.open(BenchDatabase.Kind.parse(o.string("db", "postgresql")), work);
        JobRunner runner = new JobRunner(TIMEOUT)) {
      SeTransactions.use(db.entityManagerFactory());
      Path dataDir = Files.createDirectories(work.resolve("data"));
      System.setProperty("caseops.data.dir", dataDir.toString());
      long t0 = System.nanoTime();
      ReviewSetFixture.Made set =
          ReviewSetFixture.make(
              runner, "export memory", Natives.mail(o.longValue("seed", 42), messages));
      System.out.printf(
          Locale.ROOT,
          "review set of %,d messages (%.1f MB) made in %.1f s; database %s%n",
          set.files(),
          set.bytes() / 1e6,
          (System.nanoTime() - t0) / 1e9,
          db);
      HeapWatcher watcher = HeapWatcher.start(gcEvery);
      Run run = exportJob(runner, set, options);
      HeapWatcher.Figures heap = watcher.stop();
      System.out.printf(
          Locale.ROOT,
          "export: %s; peak heap %.1f MiB, peak after GC %.1f MiB (baseline %.1f MiB, %d"
              + " collections, max %.0f MiB)%n",
          run,
          HeapWatcher.Figures.mib(heap.peakUsed()),
          HeapWatcher.Figures.mib(heap.peakAfterGc()),
          HeapWatcher.Figures.mib(heap.baselineAfterGc()),
          heap.collections(),
          HeapWatcher.Figures.mib(heap.heapMax()));
      System.out.printf(
          Locale.ROOT,
          "RESULT files=%d mb=%.1f seconds=%.1f filesPerSecond=%.0f peakAfterGcMiB=%.1f"
              + " peakHeapMiB=%.1f operation=%s%n",
          set.files(),
          set.bytes() / 1e6,
          run.seconds(),
          set.files() / run.seconds(),
          HeapWatcher.Figures.mib(heap.peakAfterGc()),
          HeapWatcher.Figures.mib(heap.peakUsed()),
          run.outcome().substring(0, run.outcome().indexOf(':')));
      return run.succeeded() ? 0 : 1;
    }
  }
}
