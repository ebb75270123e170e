package org.caseops.bench;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;

/**
 * Measures the caseops {@code purgeData} job against the bare file work it has to do, in one JVM,
 * side by side in each round:
 *
 * <ul>
 *   <li>eml: a mailbox of {@code --emls} messages as .eml files, all matched by the search, purged
 *       recoverably (each file moved into the recoverable store) by the job, against a plain loop
 *       of {@code Files.move} of a copy of the same files into a store folder;
 *   <li>mbox: {@code --mboxes} mbox files of {@code --per-mbox} messages each, one in {@code
 *       --every} matched, purged permanently by the job (one rewrite per mbox: the catalog entries
 *       and index documents of the messages after a removed one move with them), against a plain
 *       rewrite of a copy of the same mbox files (split on From_ lines, kept messages copied to a
 *       temporary file, forced, renamed).
 * </ul>
 *
 * <p>Each round indexes fresh copies first (not timed). Usage: {@code bench/run.sh purge [--emls
 * 5000] [--mboxes 4] [--per-mbox 2500] [--every 10] [--rounds 3] [--db h2|postgresql] [--work
 * DIR]}.
 */
public final class PurgeBenchmark {
  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");

  private PurgeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options o =
        Options.parse(
            args, Set.of("emls", "mboxes", "per-mbox", "every", "rounds", "db", "work"), Set.of());
    int emls = o.integer("emls", 5000);
    int mboxes = o.integer("mboxes", 4);
    int perMbox = o.integer("per-mbox", 2500);
    int every = o.integer("every", 10);
    int rounds = o.integer("rounds", 3);
    BenchDatabase.Kind kind = BenchDatabase.Kind.parse(o.string("db", "h2"));
    Path work =
        o.path(
            "work",
            Path.of(System.getProperty("caseops.bench.home", "bench"), "work", "purge")
                .toAbsolutePath());
    System.setProperty("caseops.purge.max.items", "100000000");
    System.out.printf(
        Locale.ROOT,
        "purge: %,d .eml files; %d mbox files of %,d messages, 1 in %d purged; %d rounds;"
            + " database %s; Java %s, %d processors%n",
        emls,
        mboxes,
        perMbox,
        every,
        rounds,
        kind,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    double[] emlJob = new double[rounds];
    double[] emlBare = new double[rounds];
    double[] mboxJob = new double[rounds];
    double[] mboxBare = new double[rounds];
    try (JobRunner runner = new JobRunner(Duration.ofMinutes(30))) {
      for (int r = 0; r < rounds; r++) {
        Path round = work.resolve("round-" + r);
        deleteTree(round);
        // eml
        Path evidence = round.resolve("eml-evidence");
        String email = "eml.bench@contoso.example";
        Path box = Files.createDirectories(evidence.resolve("mailboxes").resolve(email));
        for (int i = 0; i < emls; i++) {
          Files.writeString(box.resolve("m" + i + ".eml"), message(i, true));
        }
        Path bareBox = copyTree(box, round.resolve("eml-bare/box"));
        Path data = Files.createDirectories(round.resolve("eml-data"));
        try (BenchDatabase db = BenchDatabase.open(kind, data)) {
          JobRunner.Result indexed = runner.run(db, evidence, List.of(email), data);
          long t0 = System.nanoTime();
          CaseOperation done = purge(runner, indexed.caseId(), "purgeme", false);
          double seconds = (System.nanoTime() - t0) / 1e9;
          emlJob[r] = emls / seconds;
          long left;
          try (Stream<Path> files = Files.list(box)) {
            left = files.count();
          }
          System.out.printf(
              Locale.ROOT,
              "round %d eml: job %,.0f items/s (%.2f s; %s; %d files left; %s)%n",
              r + 1,
              emlJob[r],
              seconds,
              done.getStatus(),
              left,
              done.getResultInfo().getMessage());
        }
        Path store = Files.createDirectories(round.resolve("eml-bare/store"));
        long t1 = System.nanoTime();
        try (Stream<Path> files = Files.list(bareBox)) {
          for (Path f : files.toList()) {
            Files.move(f, store.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
          }
        }
        emlBare[r] = emls / ((System.nanoTime() - t1) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "round %d eml: bare Files.move %,.0f items/s; job/bare %.2f%n",
            r + 1,
            emlBare[r],
            emlJob[r] / emlBare[r]);

        // mbox
        Path mboxEvidence = round.resolve("mbox-evidence");
        String mboxEmail = "mbox.bench@contoso.example";
        Path mboxBox =
            Files.createDirectories(mboxEvidence.resolve("mailboxes").resolve(mboxEmail));
        int purged = 0;
        for (int b = 0; b < mboxes; b++) {
          StringBuilder mbox = new StringBuilder();
          for (int i = 0; i < perMbox; i++) {
            boolean hit = i % every == every / 2;
            purged += hit ? 1 : 0;
            mbox.append(i == 0 ? "" : "\n")
                .append("From sender@fabrikam.example Mon Jan  1 10:00:00 2024\n")
                .append(message(b * perMbox + i, hit));
          }
          Files.writeString(mboxBox.resolve("archive" + b + ".mbox"), mbox);
        }
        long mboxBytes;
        try (Stream<Path> files = Files.list(mboxBox)) {
          mboxBytes = files.mapToLong(PurgeBenchmark::size).sum();
        }
        Path bareMboxes = copyTree(mboxBox, round.resolve("mbox-bare"));
        Path mboxData = Files.createDirectories(round.resolve("mbox-data"));
        try (BenchDatabase db = BenchDatabase.open(kind, mboxData)) {
          JobRunner.Result indexed = runner.run(db, mboxEvidence, List.of(mboxEmail), mboxData);
          long t0 = System.nanoTime();
          CaseOperation done = purge(runner, indexed.caseId(), "purgeme", true);
          double seconds = (System.nanoTime() - t0) / 1e9;
          mboxJob[r] = purged / seconds;
          System.out.printf(
              Locale.ROOT,
              "round %d mbox: job %,.0f purged messages/s (%.2f s for %,d of %,d messages, %.0f MB;"
                  + " %s; %s)%n",
              r + 1,
              mboxJob[r],
              seconds,
              purged,
              mboxes * perMbox,
              mboxBytes / 1e6,
              done.getStatus(),
              done.getResultInfo().getMessage());
        }
        long t1m = System.nanoTime();
        try (Stream<Path> files = Files.list(bareMboxes)) {
          for (Path f : files.toList()) {
            rewrite(f, every);
          }
        }
        mboxBare[r] = purged / ((System.nanoTime() - t1m) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "round %d mbox: bare rewrite %,.0f purged messages/s; job/bare %.2f%n",
            r + 1,
            mboxBare[r],
            mboxJob[r] / mboxBare[r]);
        deleteTree(round);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "median eml: job %,.0f items/s, bare Files.move %,.0f items/s, job/bare %.2f (target >="
            + " 1,000 items/s)%n",
        median(emlJob),
        median(emlBare),
        median(emlJob) / median(emlBare));
    System.out.printf(
        Locale.ROOT,
        "median mbox: job %,.0f purged messages/s, bare rewrite %,.0f purged messages/s,"
            + " job/bare %.2f%n",
        median(mboxJob),
        median(mboxBare),
        median(mboxJob) / median(mboxBare));
  }

  /** Runs a purge of what the query matches, as the API submits it, and waits for its end. */
  private static CaseOperation purge(
      JobRunner runner, String caseId, String query, boolean permanent) throws Exception {
    EdiscoverySearch search =
        EdiscoverySearch.create(
            caseId,
            "purge",
            null,
            query,
            Set.of(DataSourceScopes.allCaseCustodians),
            List.of(),
            List.of(),
            BENCH,
            Instant.now());
    runner.bean(SearchRepository.class).add(search);
    CaseOperationRepository operations = runner.bean(CaseOperationRepository.class);
    CaseOperation op =
        CaseOperation.submit(
            caseId,
            CaseAction.purgeData,
            OperationTarget.search(search.getId(), List.of("mailboxes")),
            Map.of("purgeType", permanent ? "permanentlyDelete" : "recoverable"),
            BENCH,
            Instant.now());
    operations.add(op);
    JobOperator jobs = JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
    long started = System.nanoTime();
    long execution = jobs.start(CaseAction.purgeData.jobName(), op.jobParameters());
    while (!Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED)
        .contains(jobs.getJobExecution(execution).getBatchStatus())) {
      Thread.sleep(10);
    }
    long ended = System.nanoTime();
    // The case's index writer stays open in the server; here its folder is deleted after the round.
    runner.bean(CaseIndexes.class).close(caseId);
    CaseOperation done = operations.find(op.getId()).orElseThrow();
    while (!done.getStatus().isTerminal()) {
      Thread.sleep(10);
      done = operations.find(op.getId()).orElseThrow();
    }
    System.out.printf(
        Locale.ROOT,
        "  (job %s, %.2f s from start to the job's end; operation ended %.2f s later)%n",
        jobs.getJobExecution(execution).getBatchStatus(),
        (ended - started) / 1e9,
        (System.nanoTime() - ended) / 1e9);
    return done;
  }

  /**
   * The bare work of a purge of one mbox: split it on From_ lines, copy every kept message's bytes
   * to a temporary file in the same folder, force it, rename it over the mbox.
   */
  private static void rewrite(Path mbox, int every) throws IOException {
    byte[] bytes = Files.readAllBytes(mbox);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      if ((i == 0 || (i >= 2 && bytes[i - 1] == '\n' && bytes[i - 2] == '\n'))
          && startsWithFrom(bytes, i)) {
        starts.add(i);
      }
    }
    starts.add(bytes.length);
    Path temp = mbox.resolveSibling("." + mbox.getFileName() + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OutputStream stream = Channels.newOutputStream(out);
      for (int m = 0; m + 1 < starts.size(); m++) {
        if (m % every != every / 2) {
          stream.write(bytes, starts.get(m), starts.get(m + 1) - starts.get(m));
        }
      }
      stream.flush();
      out.force(true);
    }
    Files.move(temp, mbox, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static boolean startsWithFrom(byte[] b, int i) {
    return i + 5 <= b.length
        && b[i] == 'F'
        && b[i + 1] == 'r'
        && b[i + 2] == 'o'
        && b[i + 3] == 'm'
        && b[i + 4] == ' ';
  }

  private static String message(int i, boolean hit) {
    return "From: sender"
        + (i % 50)
        + "@fabrikam.example\n"
        + "To: mbox.bench@contoso.example\n"
        + "Subject: Note "
        + i
        + "\n"
        + "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
        + "Message-ID: <n"
        + i
        + "@fabrikam.example>\n"
        + "MIME-Version: 1.0\n"
        + "Content-Type: text/plain; charset=UTF-8\n\n"
        + "Quarterly figures and the usual notes, number "
        + i
        + ".\n"
        + (hit ? "This one was sent by mistake: purgeme.\n" : "Nothing unusual here.\n")
        + "Regards,\nThe sender\n";
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
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
