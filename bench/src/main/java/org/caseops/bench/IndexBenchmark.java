package org.caseops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * Measures the caseops index job against the bare work it has to do, in one JVM on one corpus: a
 * bare Tika and Lucene loop ({@link BareIndexer}) and the {@code index} job on JBeret SE ({@link
 * JobRunner}) take turns, each round on a new index and a new database, and the medians of their
 * items per second are compared.
 *
 * <pre>
 * java -cp ... org.caseops.bench.IndexBenchmark [--messages 5000] [--rounds 3] [--db h2|h2file|postgresql]
 *     [--corpus DIR] [--mode both|bare|job] [--mailboxes 3] [--seed 42] [--warmup-messages 2000]
 *     [--write-limit 10000000] [--bare-parser auto|rfc822] [--gc-every SECONDS] [--work DIR] [--keep]
 * </pre>
 *
 * <p>Each run prints a line starting with {@code RESULT} with its figures as {@code key=value}
 * pairs, which {@link LargeCaseMemoryCheck} reads.
 */
public final class IndexBenchmark {
  enum Mode {
    BOTH,
    BARE,
    JOB
  }

  /** One measured run. */
  record Run(
      String kind,
      int round,
      long items,
      double seconds,
      double itemsPerSecond,
      double cpuSeconds,
      HeapWatcher.Figures heap,
      String detail) {
    /**
     * Items per second of CPU time of the whole process: less sensitive than wall time to other
     * loads.
     */
    double itemsPerCpuSecond() {
      return items / cpuSeconds;
    }
  }

  private final Mode mode;
  private final Path corpusOption;
  private final int messages;
  private final int mailboxCount;
  private final long seed;
  private final int warmupMessages;
  private final int timeoutMinutes;
  private final int rounds;
  private final BenchDatabase.Kind dbKind;
  private final int writeLimit;
  private final boolean bareRfc822;
  private final int gcEverySeconds;
  private final Path work;
  private final boolean keep;

  private IndexBenchmark(Options o) throws IOException {
    String modeName = o.string("mode", "both");
    if (!List.of("both", "bare", "job").contains(modeName)) {
      throw new IllegalArgumentException("--mode must be both, bare or job: " + modeName);
    }
    this.mode = Mode.valueOf(modeName.toUpperCase(Locale.ROOT));
    this.rounds = o.integer("rounds", 3);
    this.dbKind = BenchDatabase.Kind.parse(o.string("db", "h2"));
    this.writeLimit = o.integer("write-limit", 10_000_000);
    String bareParser = o.string("bare-parser", "auto");
    if (!bareParser.equals("auto") && !bareParser.equals("rfc822")) {
      throw new IllegalArgumentException("--bare-parser must be auto or rfc822: " + bareParser);
    }
    this.bareRfc822 = bareParser.equals("rfc822");
    this.gcEverySeconds = o.integer("gc-every", 0);
    this.keep = o.flag("keep");
    this.corpusOption = o.path("corpus", null);
    if (corpusOption != null && !Files.isDirectory(corpusOption.resolve("mailboxes"))) {
      throw new IllegalArgumentException("--corpus " + corpusOption + " has no mailboxes folder");
    }
    this.messages = o.integer("messages", 5000);
    this.mailboxCount = o.integer("mailboxes", 3);
    this.seed = o.longValue("seed", 42);
    this.warmupMessages = o.integer("warmup-messages", 2000);
    this.timeoutMinutes = o.integer("timeout-minutes", 120);
    if (rounds < 1
        || messages < 1
        || mailboxCount < 1
        || warmupMessages < 0
        || timeoutMinutes < 1) {
      throw new IllegalArgumentException(
          "need --rounds, --messages, --mailboxes and --timeout-minutes >= 1, --warmup-messages >= 0");
    }
    Path workOption = o.path("work", null);
    if (workOption != null) {
      Files.createDirectories(workOption);
      this.work = Files.createTempDirectory(workOption, "run-");
    } else {
      this.work = Files.createTempDirectory("caseops-bench-");
    }
  }

  public static void main(String[] args) throws Exception {
    quietLogging();
    Options o;
    IndexBenchmark benchmark;
    try {
      o =
          Options.parse(
              args,
              Set.of(
                  "messages",
                  "rounds",
                  "db",
                  "corpus",
                  "mode",
                  "mailboxes",
                  "seed",
                  "warmup-messages",
                  "write-limit",
                  "gc-every",
                  "work",
                  "timeout-minutes",
                  "bare-parser"),
              Set.of("keep", "help"));
      if (o.flag("help")) {
        usage(null);
        return;
      }
      benchmark = new IndexBenchmark(o);
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      System.exit(2);
      return;
    }
    int exit = benchmark.run();
    System.exit(exit);
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("error: " + problem);
    }
    System.err.println(
        "usage: IndexBenchmark [--messages 5000] [--rounds 3] [--db h2|h2file|postgresql] [--corpus DIR]"
            + " [--mode both|bare|job] [--mailboxes 3] [--seed 42] [--warmup-messages 2000]"
            + " [--write-limit 10000000] [--bare-parser auto|rfc822] [--gc-every SECONDS] [--work DIR] [--keep]"
            + " [--timeout-minutes 120]");
  }

  /**
   * Keeps the output to the figures: the libraries' start-up notices go unless a logging
   * configuration is given.
   */
  static void quietLogging() throws IOException {
    // Log4j and SLF4J (pulled in by parser libraries) otherwise complain at start-up that they have
    // no back end.
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    if (System.getProperty("java.util.logging.config.file") == null) {
      try (InputStream in = IndexBenchmark.class.getResourceAsStream("/bench-logging.properties")) {
        if (in != null) {
          LogManager.getLogManager().readConfiguration(in);
        }
      }
    }
  }

  private int run() throws Exception {
    Path corpus;
    if (corpusOption != null) {
      corpus = corpusOption;
    } else {
      corpus = work.resolve("corpus");
      CorpusGenerator.Settings settings =
          new CorpusGenerator.Settings(messages, mailboxCount, 0.5, seed, false, 0);
      CorpusGenerator.print(CorpusGenerator.generate(corpus, settings), settings);
    }
    List<String> mailboxes = CorpusGenerator.mailboxesOf(corpus);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d processors, max heap %.0f MiB; database %s; %s%n",
        System.getProperty("java.version"),
        rt.availableProcessors(),
        rt.maxMemory() / 1048576.0,
        dbKind.name().toLowerCase(Locale.ROOT),
        mode == Mode.BARE
            ? "bare loop only"
            : mode == Mode.JOB ? "index job only" : "bare loop and index job in turn");
    if (mode != Mode.JOB) {
      System.out.println(
          bareRfc822
              ? "bare loop: messages parsed with the RFC 822 parser, attachments with the auto-detecting parser"
              : "bare loop: everything parsed with the auto-detecting parser");
    }

    boolean needJob = mode != Mode.BARE;
    if (needJob && !JobRunner.jobAvailable()) {
      System.err.println(
          "error: META-INF/batch-jobs/"
              + JobRunner.JOB_NAME
              + ".xml is not on the class path; build the batch module"
              + " first (mvn install at the root), or use --mode bare");
      return 3;
    }
    JobRunner jobRunner = needJob ? new JobRunner(Duration.ofMinutes(timeoutMinutes)) : null;
    List<Run> runs = new ArrayList<>();
    boolean failed = false;
    try {
      if (warmupMessages > 0) {
        warmUp(warmupMessages, mailboxes.size(), jobRunner);
      }
      for (int round = 1; round <= rounds; round++) {
        if (mode != Mode.JOB) {
          runs.add(print(bareRound(corpus, round)));
        }
        if (needJob) {
          Run jobRun = print(jobRound(jobRunner, corpus, mailboxes, round));
          runs.add(jobRun);
          failed |= !jobRun.detail().contains("operation=succeeded");
        }
      }
    } finally {
      if (jobRunner != null) {
        jobRunner.close();
      }
      if (!keep) {
        deleteTree(work);
      } else {
        System.out.println("kept " + work);
      }
    }
    summarize(runs);
    return failed ? 1 : 0;
  }

  /**
   * Runs both paths once on a small corpus of their own, unmeasured, so that round 1 is not a
   * cold-start figure.
   */
  private void warmUp(int messages, int mailboxCount, JobRunner jobRunner) throws Exception {
    Path warm = work.resolve("warmup");
    CorpusGenerator.generate(
        warm.resolve("corpus"), CorpusGenerator.Settings.of(messages, mailboxCount, 7));
    long start = System.nanoTime();
    if (mode != Mode.JOB) {
      new BareIndexer(writeLimit, bareRfc822)
          .run(warm.resolve("corpus").resolve("mailboxes"), warm.resolve("bare-index"));
    }
    if (jobRunner != null) {
      try (BenchDatabase db =
          BenchDatabase.open(dbKind, Files.createDirectories(warm.resolve("db")))) {
        Path corpus = warm.resolve("corpus");
        jobRunner.run(db, corpus, CorpusGenerator.mailboxesOf(corpus), warm.resolve("data"));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "warm-up on %,d messages: %.1f s (not counted)%n", messages, seconds);
    deleteTree(warm);
  }

  private Run bareRound(Path corpus, int round) throws IOException {
    Path index = work.resolve("bare-" + round);
    HeapWatcher watcher = HeapWatcher.start(gcEverySeconds);
    long cpu = processCpuNanos();
    BareIndexer.Result r;
    HeapWatcher.Figures heap;
    try {
      r = new BareIndexer(writeLimit, bareRfc822).run(corpus.resolve("mailboxes"), index);
    } finally {
      cpu = processCpuNanos() - cpu;
      heap = watcher.stop();
    }
    deleteTree(index);
    String detail =
        String.format(
            Locale.ROOT, "failed=%d documents=%d bytes=%d", r.failed(), r.documents(), r.bytes());
    return new Run(
        "bare", round, r.items(), r.seconds(), r.itemsPerSecond(), cpu / 1e9, heap, detail);
  }

  private Run jobRound(JobRunner runner, Path corpus, List<String> mailboxes, int round)
      throws Exception {
    Path data = work.resolve("job-" + round);
    Files.createDirectories(data);
    try (BenchDatabase db = BenchDatabase.open(dbKind, data)) {
      HeapWatcher watcher = HeapWatcher.start(gcEverySeconds);
      long cpu = processCpuNanos();
      JobRunner.Result r;
      HeapWatcher.Figures heap;
      try {
        r = runner.run(db, corpus, mailboxes, data);
      } finally {
        cpu = processCpuNanos() - cpu;
        heap = watcher.stop();
      }
      String detail =
          String.format(
              Locale.ROOT,
              "batch=%s operation=%s progress=%d indexed=%d documents=%d bytes=%d resultInfo=%s",
              r.batchStatus(),
              r.operationStatus(),
              r.percentProgress(),
              r.indexedItems(),
              r.documents(),
              r.bytes(),
              r.resultInfo().replace('\n', ' '));
      return new Run(
          "job", round, r.items(), r.seconds(), r.itemsPerSecond(), cpu / 1e9, heap, detail);
    } finally {
      deleteTree(data);
    }
  }

  private static Run print(Run run) {
    HeapWatcher.Figures h = run.heap();
    System.out.printf(
        Locale.ROOT,
        "round %d %-4s %,8d items %7.1f s %7.1f items/s  cpu %6.1f s %7.1f items/cpu-s  heap peak %.0f MiB,"
            + " after GC %.0f MiB (start %.0f MiB)%n",
        run.round(),
        run.kind(),
        run.items(),
        run.seconds(),
        run.itemsPerSecond(),
        run.cpuSeconds(),
        run.itemsPerCpuSecond(),
        HeapWatcher.Figures.mib(h.peakUsed()),
        HeapWatcher.Figures.mib(h.peakAfterGc()),
        HeapWatcher.Figures.mib(h.baselineAfterGc()));
    System.out.printf(
        Locale.ROOT,
        "RESULT kind=%s round=%d items=%d seconds=%.3f itemsPerSecond=%.1f cpuSeconds=%.3f itemsPerCpuSecond=%.1f"
            + " peakHeapMiB=%.1f peakAfterGcMiB=%.1f startHeapMiB=%.1f gcs=%d maxHeapMiB=%.0f %s%n",
        run.kind(),
        run.round(),
        run.items(),
        run.seconds(),
        run.itemsPerSecond(),
        run.cpuSeconds(),
        run.itemsPerCpuSecond(),
        HeapWatcher.Figures.mib(h.peakUsed()),
        HeapWatcher.Figures.mib(h.peakAfterGc()),
        HeapWatcher.Figures.mib(h.baselineAfterGc()),
        h.collections(),
        HeapWatcher.Figures.mib(h.heapMax()),
        run.detail());
    return run;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static void summarize(List<Run> runs) {
    System.out.println();
    for (String kind : List.of("bare", "job")) {
      if (runs.stream().noneMatch(r -> r.kind().equals(kind))) {
        continue;
      }
      System.out.printf(
          Locale.ROOT,
          "median %-4s %7.1f items/s  %7.1f items/cpu-s  heap peak %.0f MiB, after GC %.0f MiB%n",
          kind,
          median(runs, kind, Run::itemsPerSecond),
          median(runs, kind, Run::itemsPerCpuSecond),
          median(runs, kind, r -> HeapWatcher.Figures.mib(r.heap().peakUsed())),
          median(runs, kind, r -> HeapWatcher.Figures.mib(r.heap().peakAfterGc())));
    }
    double bare = median(runs, "bare", Run::itemsPerSecond);
    double job = median(runs, "job", Run::itemsPerSecond);
    if (!Double.isNaN(bare) && !Double.isNaN(job)) {
      System.out.printf(
          Locale.ROOT,
          "job/bare: %.2f (items/s), %.2f (items/cpu-s)%n",
          job / bare,
          median(runs, "job", Run::itemsPerCpuSecond)
              / median(runs, "bare", Run::itemsPerCpuSecond));
    }
  }

  private static double median(
      List<Run> runs, String kind, java.util.function.ToDoubleFunction<Run> value) {
    double[] values =
        runs.stream().filter(r -> r.kind().equals(kind)).mapToDouble(value).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
