package org.caseops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Checks that the index job's memory stays flat in the size of the case: runs the job alone in a
 * new JVM with a small heap ({@code -Xmx512m} by default) on corpora of growing size (10,000 and
 * 100,000 messages by default), with a full collection forced every few seconds so that the peak
 * heap after GC is the job's live set, and prints the figures side by side. A run that runs out of
 * memory ends its JVM and is reported as such. The catalog goes to an H2 file database (or
 * PostgreSQL), so that the database itself does not live in the heap being measured.
 *
 * <p>Run it with {@code java -cp}, not inside Maven: the child JVMs get this JVM's class path.
 *
 * <pre>
 * java -cp ... org.caseops.bench.LargeCaseMemoryCheck [--sizes 10000,100000] [--xmx 512m] [--db h2file|postgresql]
 *     [--gc-every 5] [--mailboxes 3] [--seed 42] [--work DIR] [--delete-corpora]
 * </pre>
 */
public final class LargeCaseMemoryCheck {
  private LargeCaseMemoryCheck() {}

  public static void main(String[] args) throws Exception {
    IndexBenchmark.quietLogging();
    List<Integer> sizes = new ArrayList<>();
    String xmx;
    String db;
    int gcEvery;
    int mailboxes;
    long seed;
    Path work;
    Options o;
    try {
      o =
          Options.parse(
              args,
              Set.of("sizes", "xmx", "db", "gc-every", "mailboxes", "seed", "work"),
              Set.of("delete-corpora", "help"));
      if (o.flag("help")) {
        usage(null);
        return;
      }
      for (String s : o.string("sizes", "10000,100000").split(",")) {
        sizes.add(Integer.parseInt(s.trim().replace("_", "")));
      }
      xmx = o.string("xmx", "512m");
      if (!xmx.matches("[0-9]+[kKmMgG]?")) {
        throw new IllegalArgumentException("--xmx must be a heap size such as 512m: " + xmx);
      }
      db = o.string("db", "h2file");
      BenchDatabase.Kind.parse(db);
      gcEvery = o.integer("gc-every", 5);
      mailboxes = o.integer("mailboxes", 3);
      seed = o.longValue("seed", 42);
      work = o.path("work", Path.of(System.getProperty("java.io.tmpdir"), "caseops-memory-check"));
    } catch (IllegalArgumentException e) {
      usage(e.getMessage());
      System.exit(2);
      return;
    }
    Files.createDirectories(work);

    System.out.printf(
        Locale.ROOT,
        "Memory check: the index job alone, -Xmx%s, database %s, full GC every %d s; corpora in %s%n",
        xmx,
        db,
        gcEvery,
        work);
    List<Map<String, String>> results = new ArrayList<>();
    for (int size : sizes) {
      Path corpus = corpus(work, size, mailboxes, seed);
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx" + xmx,
              "-XX:+ExitOnOutOfMemoryError",
              "-cp",
              System.getProperty("java.class.path"),
              IndexBenchmark.class.getName(),
              "--mode",
              "job",
              "--corpus",
              corpus.toString(),
              "--rounds",
              "1",
              "--warmup-messages",
              "0",
              "--db",
              db,
              "--gc-every",
              Integer.toString(gcEvery),
              "--work",
              work.resolve("runs").toString());
      String shown =
          String.join(" ", command).replace(System.getProperty("java.class.path"), "<class path>");
      System.out.printf(Locale.ROOT, "%n== %,d messages: %s%n", size, shown);
      Map<String, String> result = runChild(command);
      result.put("size", Integer.toString(size));
      if (result.containsKey("items") && !result.get("items").equals(Integer.toString(size))) {
        result.put(
            "outcome",
            result.get("outcome") + ", but " + result.get("items") + " items of " + size);
      }
      results.add(result);
      if (o.flag("delete-corpora")) {
        IndexBenchmark.deleteTree(corpus);
      }
    }

    System.out.printf(
        Locale.ROOT,
        "%n%10s %10s %10s %12s %18s %14s  %s%n",
        "messages",
        "items",
        "seconds",
        "items/s",
        "peak after GC MiB",
        "peak MiB",
        "outcome");
    for (Map<String, String> r : results) {
      System.out.printf(
          Locale.ROOT,
          "%10s %10s %10s %12s %18s %14s  %s%n",
          r.get("size"),
          r.getOrDefault("items", "-"),
          r.getOrDefault("seconds", "-"),
          r.getOrDefault("itemsPerSecond", "-"),
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
          "peak heap after GC grew %.2fx while the case grew %.0fx%n",
          last / first,
          Double.parseDouble(results.get(results.size() - 1).get("size"))
              / Double.parseDouble(results.get(0).get("size")));
    }
    boolean allSucceeded = results.stream().allMatch(r -> "succeeded".equals(r.get("outcome")));
    System.exit(allSucceeded ? 0 : 1);
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("error: " + problem);
    }
    System.err.println(
        "usage: LargeCaseMemoryCheck [--sizes 10000,100000] [--xmx 512m] [--db h2file|postgresql] [--gc-every 5]"
            + " [--mailboxes 3] [--seed 42] [--work DIR] [--delete-corpora]");
  }

  /**
   * The corpus of this size in the work folder, generated unless a previous run left the same one.
   */
  static Path corpus(Path work, int size, int mailboxes, long seed) throws IOException {
    Path corpus = work.resolve("corpus-" + size + "-" + mailboxes + "-" + seed);
    Path manifest = corpus.resolve("corpus.properties");
    if (Files.isRegularFile(manifest)) {
      Properties p = new Properties();
      try (var in = Files.newInputStream(manifest)) {
        p.load(in);
      }
      if (Integer.toString(size).equals(p.getProperty("messages"))) {
        System.out.printf(Locale.ROOT, "%nreusing %s%n", corpus);
        return corpus;
      }
    }
    IndexBenchmark.deleteTree(corpus);
    CorpusGenerator.Settings settings = CorpusGenerator.Settings.of(size, mailboxes, seed);
    System.out.println();
    CorpusGenerator.print(CorpusGenerator.generate(corpus, settings), settings);
    return corpus;
  }

  /**
   * Runs one child JVM, echoing its output, and returns the key=value pairs of its RESULT line plus
   * an outcome.
   */
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
}
