package org.caseops.bench;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Hold preservation against {@code cp -r} of the same files, side by side in one run: a generated
 * mailbox (eml messages and, with {@code --documents}, larger binary documents beside them) is
 * indexed once, then each round copies its folder with {@code cp -r} into a fresh folder of the
 * data directory's file system, and applies the custodian's hold with the {@code holdUpdate} job on
 * JBeret SE, which copies every item's bytes into the case's content store (read, SHA-256 checked,
 * written to a temporary file and renamed) and records what it preserved. The two alternate which
 * goes first; between rounds the hold is removed (freeing every copy) and the cp copy deleted. Both
 * read the same files from a warm page cache. Figures: bytes per second of each, their medians, and
 * the ratio hold/cp (target >= 0.80). With {@code --links} the job runs with {@code
 * caseops.hold.links} on: each whole file is stored as a hard link to it, its bytes read once to
 * check their SHA-256, none written.
 *
 * <pre>
 * bench/run.sh hold --messages 3000 --documents 40 --document-kib 1024 --rounds 5
 * </pre>
 */
public final class HoldBenchmark {
  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");
  private static final Set<BatchStatus> ENDED =
      EnumSet.of(
          BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  private HoldBenchmark() {}

  public static void main(String[] args) throws Exception {
    IndexBenchmark.quietLogging();
    Options o =
        Options.parse(
            args,
            Set.of(
                "messages",
                "documents",
                "document-kib",
                "rounds",
                "seed",
                "db",
                "work",
                "copy-threads",
                "settle"),
            Set.of("keep", "links"));
    int messages = o.integer("messages", 3000);
    int documents = o.integer("documents", 40);
    int documentKib = o.integer("document-kib", 1024);
    int rounds = o.integer("rounds", 5);
    long seed = o.longValue("seed", 42);
    String copyThreads = o.string("copy-threads", "4");
    boolean links = o.flag("links");
    // Seconds to wait (after a sync) between rounds: ext4 without a journal does not reuse an inode
    // freed in the last 60 s and walks past every such inode of the group on each create, so the
    // copies freed at the end of one round slow the creates of the next, whoever makes them.
    int settle = o.integer("settle", 0);
    int cpProcesses = Math.max(1, Integer.parseInt(copyThreads.trim()));
    if (links) {
      // caseops.hold.links: whole files are stored as hard links to them, their bytes checked.
      System.setProperty("caseops.hold.links", "true");
    }
    BenchDatabase.Kind dbKind = BenchDatabase.Kind.parse(o.string("db", "h2"));
    Path workOption = o.path("work", null);
    Path work;
    if (workOption != null) {
      Files.createDirectories(workOption);
      work = Files.createTempDirectory(workOption, "hold-");
    } else {
      work = Files.createTempDirectory("caseops-bench-hold-");
    }

    Path corpus = work.resolve("corpus");
    CorpusGenerator.Settings settings =
        new CorpusGenerator.Settings(messages, 1, 0.0, seed, false, 0);
    CorpusGenerator.print(CorpusGenerator.generate(corpus, settings), settings);
    List<String> mailboxes = CorpusGenerator.mailboxesOf(corpus);
    Path mailbox = corpus.resolve("mailboxes").resolve(mailboxes.get(0));
    Random random = new SecureRandom();
    byte[] block = new byte[documentKib * 1024];
    Path documentFolder = Files.createDirectories(mailbox.resolve("documents"));
    for (int i = 0; i < documents; i++) {
      random.nextBytes(block);
      Files.write(documentFolder.resolve("doc" + i + ".bin"), block);
    }
    long[] files = sizeOf(mailbox);
    System.out.printf(
        Locale.ROOT,
        "source folder: %,d files, %,.1f MiB (%,d messages, %,d documents of %,d KiB); %d rounds;"
            + " copyThreads %s; %s; Java %s, %d processors; database %s%n",
        files[0],
        files[1] / 1048576.0,
        messages,
        documents,
        documentKib,
        rounds,
        copyThreads,
        links ? "whole files linked (caseops.hold.links)" : "every item copied",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        dbKind.name().toLowerCase(Locale.ROOT));

    Path dataDir = work.resolve("data");
    try (BenchDatabase database = BenchDatabase.open(dbKind, work);
        JobRunner runner = new JobRunner(Duration.ofHours(2))) {
      JobRunner.Result indexed = runner.run(database, corpus, mailboxes, dataDir);
      System.out.printf(
          Locale.ROOT,
          "indexed once (not measured): %,d items, %,.1f MiB in %.1f s, %s%n",
          indexed.items(),
          indexed.bytes() / 1048576.0,
          indexed.seconds(),
          indexed.operationStatus());
      String caseId = indexed.caseId();
      CustodianRepository custodians = runner.bean(CustodianRepository.class);
      List<String> custodianIds =
          custodians.list(caseId, ListQuery.page(0, 10)).stream().map(Custodian::getId).toList();
      Path contentDir = CaseopsPaths.contentDir(caseId);

      List<List<Path>> slices = slices(mailbox, cpProcesses);
      double[] holdRates = new double[rounds];
      double[] cpRates = new double[rounds];
      double[] cpnRates = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        double cp;
        double cpn = 0;
        double hold;
        long held;
        if (r % 2 == 0) {
          cp = cp(mailbox, dataDir.resolve("cp-" + r));
          if (cpProcesses > 1) {
            cpn = cpParallel(mailbox, slices, dataDir.resolve("cpn-" + r));
          }
          long t0 = System.nanoTime();
          String status = hold(runner, caseId, custodianIds, false, copyThreads);
          hold = (System.nanoTime() - t0) / 1e9;
          held = sizeOf(contentDir)[1];
          check(status);
        } else {
          long t0 = System.nanoTime();
          String status = hold(runner, caseId, custodianIds, false, copyThreads);
          hold = (System.nanoTime() - t0) / 1e9;
          held = sizeOf(contentDir)[1];
          check(status);
          if (cpProcesses > 1) {
            cpn = cpParallel(mailbox, slices, dataDir.resolve("cpn-" + r));
          }
          cp = cp(mailbox, dataDir.resolve("cp-" + r));
        }
        cpRates[r] = files[1] / cp;
        cpnRates[r] = cpProcesses > 1 ? files[1] / cpn : cpRates[r];
        holdRates[r] = held / hold;
        System.out.printf(
            Locale.ROOT,
            "round %d (%s first): cp -r %,.1f MiB in %.2f s = %,.1f MiB/s; hold %,.1f MiB in %.2f s"
                + " = %,.1f MiB/s; hold/cp %.2f%s%n",
            r + 1,
            r % 2 == 0 ? "cp" : "hold",
            files[1] / 1048576.0,
            cp,
            cpRates[r] / 1048576.0,
            held / 1048576.0,
            hold,
            holdRates[r] / 1048576.0,
            holdRates[r] / cpRates[r],
            cpProcesses > 1
                ? String.format(
                    Locale.ROOT,
                    "; %d cp processes %.2f s = %,.1f MiB/s; hold/(%d cp) %.2f",
                    cpProcesses,
                    cpn,
                    cpnRates[r] / 1048576.0,
                    cpProcesses,
                    holdRates[r] / cpnRates[r])
                : "");
        // Not measured: the hold comes off again (every copy is freed), and the cp copies go.
        check(hold(runner, caseId, custodianIds, true, copyThreads));
        deleteTree(dataDir.resolve("cp-" + r));
        deleteTree(dataDir.resolve("cpn-" + r));
        if (Files.isDirectory(contentDir) && sizeOf(contentDir)[0] != 0) {
          throw new IllegalStateException("removing the hold left copies in " + contentDir);
        }
        if (settle > 0) {
          run("sync");
          Thread.sleep(settle * 1000L);
        }
      }
      double holdMedian = median(holdRates);
      double cpMedian = median(cpRates);
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratios[r] = holdRates[r] / cpRates[r];
      }
      // The median of the rounds' own ratios too: each round's two runs are next to each other in
      // time, so it moves less with the machine's load than the ratio of the two medians.
      System.out.printf(
          Locale.ROOT,
          "median: cp -r %,.1f MiB/s; hold %,.1f MiB/s; hold/cp %.2f (target >= 0.80); median of"
              + " the rounds' hold/cp %.2f%n",
          cpMedian / 1048576.0,
          holdMedian / 1048576.0,
          holdMedian / cpMedian,
          median(ratios));
      if (cpProcesses > 1) {
        double[] cpnRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          cpnRatios[r] = holdRates[r] / cpnRates[r];
        }
        System.out.printf(
            Locale.ROOT,
            "median: %d cp processes %,.1f MiB/s; hold/(%d cp) %.2f; median of the rounds'"
                + " hold/(%d cp) %.2f%n",
            cpProcesses,
            median(cpnRates) / 1048576.0,
            cpProcesses,
            holdMedian / median(cpnRates),
            cpProcesses,
            median(cpnRatios));
      }
    } finally {
      if (!o.flag("keep")) {
        deleteTree(work);
      }
    }
    System.exit(0);
  }

  /** Runs one holdUpdate job to its end and returns its operation's status. */
  private static String hold(
      JobRunner runner, String caseId, List<String> custodianIds, boolean remove, String threads)
      throws InterruptedException {
    CaseOperationRepository operations = runner.bean(CaseOperationRepository.class);
    CaseOperation op =
        CaseOperation.submit(
            caseId,
            CaseAction.holdUpdate,
            OperationTarget.custodians(
                custodianIds, remove ? OperationTarget.REMOVE_HOLD : OperationTarget.APPLY_HOLD),
            BENCH,
            Instant.now());
    operations.add(op);
    var parameters = op.jobParameters();
    parameters.setProperty("copyThreads", threads);
    JobOperator jobs = JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
    long submitted = System.currentTimeMillis();
    long execution = jobs.start(CaseAction.holdUpdate.jobName(), parameters);
    while (!ENDED.contains(jobs.getJobExecution(execution).getBatchStatus())) {
      Thread.sleep(5);
    }
    CaseOperation done = operations.find(op.getId()).orElseThrow();
    while (!done.getStatus().isTerminal()) {
      Thread.sleep(5);
      done = operations.find(op.getId()).orElseThrow();
    }
    long ended = System.currentTimeMillis();
    if (!remove) {
      // Where the wall time goes: from the start request to the first step, each step, and from
      // the last step's end to the operation seen ended.
      List<StepExecution> stepList = jobs.getStepExecutions(execution);
      StringBuilder steps = new StringBuilder("  hold job steps:");
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (StepExecution step : stepList) {
        first = Math.min(first, step.getStartTime().getTime());
        last = Math.max(last, step.getEndTime().getTime());
        steps.append(
            String.format(
                Locale.ROOT,
                " %s %.2f s;",
                step.getStepName(),
                (step.getEndTime().getTime() - step.getStartTime().getTime()) / 1000.0));
      }
      steps.append(
          String.format(
              Locale.ROOT,
              " before the first step %.2f s; after the last %.2f s",
              (first - submitted) / 1000.0,
              (ended - last) / 1000.0));
      System.out.println(steps);
    }
    return done.getStatus().name()
        + (done.getResultInfo() == null ? "" : " " + done.getResultInfo().getMessage());
  }

  private static void check(String status) {
    if (!status.startsWith("succeeded")) {
      throw new IllegalStateException("the hold change did not succeed: " + status);
    }
  }

  /** Seconds {@code cp -r} takes to copy the folder to {@code target}. */
  private static double cp(Path folder, Path target) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder("cp", "-r", folder.toString(), target.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cp -r failed");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Seconds that {@code n} {@code cp} processes take to copy the folder's files to {@code target},
   * each its slice, at once: the yardstick with as many threads as the job's copies.
   */
  private static double cpParallel(Path folder, List<List<Path>> slices, Path target)
      throws IOException, InterruptedException {
    Files.createDirectories(target);
    long t0 = System.nanoTime();
    // The folders first (timed too, as cp -r makes them), so the processes do not race to make
    // the same one.
    Set<Path> folders = new java.util.TreeSet<>();
    for (List<Path> slice : slices) {
      for (Path p : slice) {
        if (p.getParent() != null) {
          folders.add(p.getParent());
        }
      }
    }
    for (Path f : folders) {
      Files.createDirectories(target.resolve(f));
    }
    List<Process> running = new ArrayList<>();
    for (List<Path> slice : slices) {
      List<String> command = new ArrayList<>(List.of("cp", "--parents", "-t", target.toString()));
      for (Path p : slice) {
        command.add(p.toString());
      }
      running.add(new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start());
    }
    for (Process p : running) {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("cp --parents failed");
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The folder's files, relative to it, dealt into {@code n} slices of about equal bytes. */
  private static List<List<Path>> slices(Path folder, int n) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(folder)) {
      all = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<List<Path>> slices = new ArrayList<>();
    long[] bytes = new long[n];
    for (int i = 0; i < n; i++) {
      slices.add(new ArrayList<>());
    }
    for (Path p : all) {
      int least = 0;
      for (int i = 1; i < n; i++) {
        if (bytes[i] < bytes[least]) {
          least = i;
        }
      }
      slices.get(least).add(folder.relativize(p));
      bytes[least] += Files.size(p);
    }
    return slices;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed");
    }
  }

  /** Files and bytes under a folder. */
  private static long[] sizeOf(Path dir) throws IOException {
    long[] totals = new long[2];
    if (!Files.isDirectory(dir)) {
      return totals;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        totals[0]++;
        totals[1] += Files.size(p);
      }
    }
    return totals;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
