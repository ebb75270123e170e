package org.caseops.reliability;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The job types of the crash suite: how big a corpus each needs, what it sets up once, the
 * operation it submits for each kill, and how it checks the result.
 */
final class Jobs {
  private Jobs() {}

  /** What one job type's run has: the server, its corpus, the case it works on. */
  static final class Run {
    Api api;
    Server server;
    Corpus corpus;
    Path work;
    Case kase;
    final List<String> custodians = new ArrayList<>();
    String allSearch;
    String reviewSet;
    final Map<String, String> state = new HashMap<>();

    /** The suite's seed and this run's tag ({@code db-job}), for a job type's own random draws. */
    long seed;

    String tag = "";

    /** The mailboxes this job type's cases read: the first {@code mailboxes()} of the corpus. */
    List<String> mailboxes = new ArrayList<>();

    long n() {
      return mailboxes.stream().mapToLong(corpus::count).sum();
    }

    List<Corpus.Message> messages() {
      return corpus.messages().stream().filter(m -> mailboxes.contains(m.mailbox())).toList();
    }
  }

  /** One job type. */
  abstract static class Job {
    final String name;

    Job(String name) {
      this.name = name;
    }

    int mailboxes() {
      return 1;
    }

    /** Statuses that count as the job done (partiallySucceeded where the job skips by design). */
    Set<String> expected() {
      return Set.of("succeeded");
    }

    /**
     * The common set-up: a case with every mailbox as a custodian's, indexed, and a search for all.
     */
    void setup(Run r) {
      r.kase = Case.create(r.api, "Crash " + name);
      for (String mailbox : r.mailboxes) {
        r.custodians.add(r.kase.custodian(mailbox));
      }
      r.kase.awaitSuccess(r.kase.startIndex());
      r.allSearch = r.kase.search("Everything", Corpus.ALL_WORD);
    }

    /** Submits the operation to kill during; returns its URL. */
    abstract String submit(Run r, int trial) throws IOException;

    /** Checks what the operation left; adds each problem found. */
    abstract void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException;

    /** Done after the check, before the next trial. */
    void after(Run r, int trial, JsonObject op, List<String> problems) throws IOException {}

    Case caseOf(Run r, int trial) {
      return r.kase;
    }
  }

  static Map<String, Job> all() {
    Map<String, Job> m = new LinkedHashMap<>();
    for (Job j :
        List.of(
            new Index(),
            new Estimate(),
            new AddToReviewSet(),
            new ApplyTags(),
            new ConvertToPdf(),
            new ContentExport(),
            new ExportReport(),
            new ExportResult(),
            new HoldUpdate(),
            new HoldPolicySync(),
            new PurgeData())) {
      m.put(j.name, j);
    }
    return m;
  }

  /**
   * The job types run only when {@code --jobs} names them, not in the default list: their kills
   * come on top of another job type's.
   */
  static Map<String, Job> optIn() {
    Map<String, Job> m = new LinkedHashMap<>();
    Job restore = new PurgeRestore();
    m.put(restore.name, restore);
    return m;
  }

  /** Every job type {@code --jobs} accepts: the default ones, then the opt-in ones. */
  static Map<String, Job> known() {
    Map<String, Job> m = all();
    m.putAll(optIn());
    return m;
  }

  static String opUrl(Run r, Case c, String id) {
    return r.api.url(c.path + "/operations/" + id);
  }

  static void expectEqual(List<String> problems, String what, long expected, long actual) {
    if (expected != actual) {
      problems.add(what + ": expected " + expected + ", found " + actual);
    }
  }

  /** The index job: each kill on a new case over the same mailbox. */
  static final class Index extends Job {
    Index() {
      super("index");
    }

    @Override
    void setup(Run r) {}

    @Override
    String submit(Run r, int trial) {
      Case c = Case.create(r.api, "Crash index " + trial);
      c.custodian(r.corpus.mailboxes().get(0));
      r.state.put("case" + trial, c.id);
      return c.startIndex();
    }

    @Override
    Case caseOf(Run r, int trial) {
      return caseById(r, r.state.get("case" + trial));
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      Case c = caseOf(r, trial);
      long n = r.n();
      expectEqual(problems, "catalogued items (indexedItemCount)", n, c.stat("indexedItemCount"));
      expectEqual(problems, "unindexed items", 0, c.stat("unindexedItemCount"));
      Checks.LuceneCount lucene =
          Checks.lucene(r.server.dataDir().resolve("indexes").resolve(c.id));
      expectEqual(problems, "Lucene documents", n, lucene.docs());
      expectEqual(problems, "distinct item ids in Lucene", n, lucene.distinctIds());
      String s = c.search("All " + trial, Corpus.ALL_WORD);
      JsonObject est = c.awaitSuccess(c.startEstimate(s));
      expectEqual(problems, "estimate hits for every message", n, Api.num(est, "indexedItemCount"));
    }
  }

  static Case caseById(Run r, String id) {
    return Case.of(r.api, id);
  }

  static final class Estimate extends Job {
    Estimate() {
      super("estimateStatistics");
    }

    @Override
    String submit(Run r, int trial) {
      String s = r.kase.search("Estimate " + trial, Corpus.ALL_WORD);
      return r.kase.startEstimate(s);
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) {
      expectEqual(problems, "indexedItemCount", r.n(), Api.num(op, "indexedItemCount"));
      expectEqual(problems, "mailboxCount", 1, Api.num(op, "mailboxCount"));
    }
  }

  static final class AddToReviewSet extends Job {
    AddToReviewSet() {
      super("addToReviewSet");
    }

    @Override
    String submit(Run r, int trial) {
      String rs = r.kase.reviewSet("Review " + trial);
      r.state.put("rs" + trial, rs);
      return r.kase.startAdd(rs, r.allSearch);
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      reviewSetHoldsEachOnce(r, r.state.get("rs" + trial), problems);
      contentStore(r, problems);
    }
  }

  static void reviewSetHoldsEachOnce(Run r, String rs, List<String> problems) {
    List<JsonObject> files = r.kase.files(rs);
    expectEqual(problems, "review set files", r.n(), files.size());
    Map<String, Long> bySubject =
        files.stream()
            .collect(
                Collectors.groupingBy(
                    f -> String.valueOf(Api.str(f, "subjectTitle")), Collectors.counting()));
    List<String> twice =
        bySubject.entrySet().stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .limit(5)
            .toList();
    if (!twice.isEmpty()) {
      problems.add("review set holds these more than once: " + twice);
    }
    Set<String> expected =
        r.messages().stream().map(Corpus.Message::subject).collect(Collectors.toSet());
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(bySubject.keySet());
    if (!missing.isEmpty()) {
      problems.add(
          missing.size()
              + " messages missing from the review set, e.g. "
              + missing.iterator().next());
    }
  }

  static void contentStore(Run r, List<String> problems) throws IOException {
    List<String> others = new ArrayList<>();
    problems.addAll(
        Checks.contentStore(r.server.dataDir().resolve("content").resolve(r.kase.id), others));
    if (!others.isEmpty()) {
      r.state.merge(
          "leftovers",
          others.size()
              + " file(s) not named by a hash in the content store, e.g. "
              + others.get(0),
          (a, b) -> b);
    }
  }

  static final class ApplyTags extends Job {
    ApplyTags() {
      super("applyTags");
    }

    @Override
    void setup(Run r) {
      super.setup(r);
      r.reviewSet = r.kase.reviewSet("Tagging");
      r.kase.awaitSuccess(r.kase.startAdd(r.reviewSet, r.allSearch));
      r.state.put(
          "query",
          r.api
              .post(
                  r.kase.path + "/reviewSets/" + r.reviewSet + "/queries",
                  "{\"displayName\":\"Everything\",\"contentQuery\":"
                      + Api.q(Corpus.ALL_WORD)
                      + "}")
              .getString("id"));
    }

    @Override
    String submit(Run r, int trial) {
      String tag =
          r.api
              .post(r.kase.path + "/tags", "{\"displayName\":\"Tag " + trial + "\"}")
              .getString("id");
      r.state.put("tag" + trial, tag);
      return r.api.start(
          r.kase.path
              + "/reviewSets/"
              + r.reviewSet
              + "/queries/"
              + r.state.get("query")
              + "/applyTags",
          "{\"tagsToAdd\":[{\"id\":" + Api.q(tag) + "}]}");
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) {
      String tag = r.state.get("tag" + trial);
      long tagged = 0;
      long twice = 0;
      for (JsonObject f : r.kase.files(r.reviewSet)) {
        long here = 0;
        for (JsonValue t : Api.arr(f, "tags")) {
          if (tag.equals(t.asJsonObject().getString("id"))) {
            here++;
          }
        }
        tagged += here > 0 ? 1 : 0;
        twice += here > 1 ? 1 : 0;
      }
      expectEqual(problems, "files with the tag", r.n(), tagged);
      expectEqual(problems, "files with the tag twice", 0, twice);
    }
  }

  static final class ConvertToPdf extends Job {
    ConvertToPdf() {
      super("convertToPdf");
    }

    @Override
    String submit(Run r, int trial) {
      String rs = r.kase.reviewSet("Pdf " + trial);
      r.kase.awaitSuccess(r.kase.startAdd(rs, r.allSearch));
      r.state.put("rs" + trial, rs);
      return r.kase.api.start(
          r.kase.path + "/operations",
          "{\"action\":\"convertToPdf\",\"reviewSet\":{\"id\":" + Api.q(rs) + "}}");
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      String rs = r.state.get("rs" + trial);
      List<JsonObject> files = r.kase.files(rs);
      expectEqual(problems, "review set files", r.n(), files.size());
      int without = 0;
      int bad = 0;
      for (JsonObject f : files) {
        if (!f.getBoolean("hasPdf", false)) {
          without++;
          continue;
        }
        byte[] pdf =
            r.api.bytes(r.kase.path + "/reviewSets/" + rs + "/files/" + f.getString("id") + "/pdf");
        String head = new String(pdf, 0, Math.min(5, pdf.length), StandardCharsets.ISO_8859_1);
        String tail =
            new String(
                pdf,
                Math.max(0, pdf.length - 32),
                Math.min(32, pdf.length),
                StandardCharsets.ISO_8859_1);
        if (!head.equals("%PDF-") || !tail.contains("%%EOF")) {
          bad++;
        }
      }
      expectEqual(problems, "files without a PDF", 0, without);
      expectEqual(problems, "PDFs that are not whole", 0, bad);
      contentStore(r, problems);
    }
  }

  /** Checks an export's ZIP parts against the rows of its load file or item report. */
  static void checkExport(
      Run r, JsonObject op, String listFile, List<String> problems, boolean expectParts)
      throws IOException {
    Path into = r.work.resolve("downloads").resolve(op.getString("id"));
    Map<String, Path> files = Checks.downloadAll(r.api, op, "exportFileMetadata", into);
    Path list =
        files.entrySet().stream()
            .filter(e -> e.getKey().endsWith(listFile))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (list == null) {
      problems.add("no " + listFile + " among the export's files " + files.keySet());
      return;
    }
    List<CSVRecord> rows = Checks.csv(Files.readAllBytes(list));
    expectEqual(problems, "rows of " + listFile, r.n(), rows.size());
    Map<String, String> shaByDoc = new HashMap<>();
    for (CSVRecord row : rows) {
      if (shaByDoc.put(row.get("DocID"), row.get("SHA256")) != null) {
        problems.add("DocID " + row.get("DocID") + " has two rows");
      }
    }
    expectEqual(
        problems,
        "distinct SHA-256 in " + listFile,
        r.n(),
        new HashSet<>(shaByDoc.values()).size());
    List<Path> parts =
        files.entrySet().stream()
            .filter(e -> e.getKey().endsWith(".zip"))
            .map(Map.Entry::getValue)
            .sorted()
            .toList();
    if (expectParts) {
      Map<String, String> natives = Checks.natives(parts, problems);
      expectEqual(problems, "natives in the ZIP parts", r.n(), natives.size());
      int wrong = 0;
      for (var e : shaByDoc.entrySet()) {
        String sha = natives.get(e.getKey());
        if (sha == null) {
          problems.add(e.getKey() + " is in no part");
        } else if (!sha.equals(e.getValue())) {
          wrong++;
        }
      }
      expectEqual(problems, "natives whose SHA-256 differs from the list", 0, wrong);
      r.state.put("parts", Integer.toString(parts.size()));
    }
    Path dir = r.server.dataDir().resolve("exports").resolve(r.kase.id).resolve(op.getString("id"));
    List<String> unlisted = Checks.unlistedParts(dir, files.keySet());
    if (!unlisted.isEmpty()) {
      problems.add("files in the export folder that look whole but are not listed: " + unlisted);
    }
  }

  static final class ContentExport extends Job {
    ContentExport() {
      super("contentExport");
    }

    @Override
    void setup(Run r) {
      super.setup(r);
      r.reviewSet = r.kase.reviewSet("Production");
      r.kase.awaitSuccess(r.kase.startAdd(r.reviewSet, r.allSearch));
    }

    @Override
    String submit(Run r, int trial) {
      return r.api.start(
          r.kase.path + "/reviewSets/" + r.reviewSet + "/export",
          "{\"outputName\":\"Crash export "
              + trial
              + "\",\"exportOptions\":\"originalFiles,text\"}");
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      checkExport(r, op, "loadfile.csv", problems, true);
    }
  }

  static final class ExportReport extends Job {
    ExportReport() {
      super("exportReport");
    }

    @Override
    String submit(Run r, int trial) {
      return r.api.start(
          r.kase.path + "/searches/" + r.allSearch + "/exportReport",
          "{\"displayName\":\"Crash report " + trial + "\"}");
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      checkExport(r, op, "_items.csv", problems, false);
    }
  }

  static final class ExportResult extends Job {
    ExportResult() {
      super("exportResult");
    }

    @Override
    String submit(Run r, int trial) {
      return r.api.start(
          r.kase.path + "/searches/" + r.allSearch + "/exportResult",
          "{\"displayName\":\"Crash result "
              + trial
              + "\",\"additionalOptions\":\"includeReport\"}");
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      checkExport(r, op, "_items.csv", problems, true);
    }
  }

  static final class HoldUpdate extends Job {
    HoldUpdate() {
      super("holdUpdate");
    }

    @Override
    String submit(Run r, int trial) {
      String cust = r.kase.path + "/custodians/" + r.custodians.get(0);
      // Every run after the first (the un-killed timing run included) removes the hold first.
      if (r.state.put("holdApplied", "yes") != null) {
        r.kase.awaitSuccess(r.api.start(cust + "/removeHold", null));
      }
      return r.api.start(cust + "/applyHold", null);
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      JsonObject cust = r.api.get(r.kase.path + "/custodians/" + r.custodians.get(0));
      if (!"applied".equals(Api.str(cust, "holdStatus"))) {
        problems.add("custodian holdStatus " + Api.str(cust, "holdStatus") + ", expected applied");
      }
      expectEqual(problems, "preservedItemCount", r.n(), r.kase.stat("preservedItemCount"));
      expectEqual(problems, "catalogued items", r.n(), r.kase.stat("indexedItemCount"));
      contentStore(r, problems);
    }
  }

  static final class HoldPolicySync extends Job {
    HoldPolicySync() {
      super("holdPolicySync");
    }

    @Override
    String submit(Run r, int trial) {
      String holds = r.kase.path + "/legalHolds";
      String hold =
          r.api.post(holds, "{\"displayName\":\"Crash hold " + trial + "\"}").getString("id");
      r.state.put("hold" + trial, hold);
      awaitAll(r.kase);
      r.api.post(
          holds + "/" + hold + "/userSources",
          "{\"email\":" + Api.q(r.corpus.mailboxes().get(0)) + "}");
      String id = r.api.get(holds + "/" + hold + "/lastSyncOperation").getString("id");
      return opUrl(r, r.kase, id);
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      JsonObject hold = r.api.get(r.kase.path + "/legalHolds/" + r.state.get("hold" + trial));
      if (!"success".equals(Api.str(hold, "status"))) {
        problems.add(
            "legal hold status "
                + Api.str(hold, "status")
                + ", expected success: "
                + hold.get("errors"));
      }
      expectEqual(problems, "preservedItemCount", r.n(), r.kase.stat("preservedItemCount"));
      contentStore(r, problems);
    }

    @Override
    void after(Run r, int trial, JsonObject op, List<String> problems) {
      r.api.send("DELETE", r.kase.path + "/legalHolds/" + r.state.get("hold" + trial), null);
      awaitAll(r.kase);
    }
  }

  /** Waits until no operation of the case is notStarted or running (at most 10 minutes). */
  static List<JsonObject> awaitAll(Case c) {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (true) {
      List<JsonObject> open =
          c.operations().stream()
              .filter(o -> !Progress.TERMINAL.contains(o.getString("status")))
              .toList();
      if (open.isEmpty() || System.nanoTime() > deadline) {
        return open;
      }
      Api.sleep(Duration.ofMillis(500));
    }
  }

  /**
   * purgeData: two mailboxes, the second under a custodian hold; each kill purges what the word
   * {@code purgeme} matches, then the purge is restored for the next.
   */
  static class PurgeData extends Job {
    PurgeData() {
      this("purgeData");
    }

    PurgeData(String name) {
      super(name);
    }

    @Override
    int mailboxes() {
      return 2;
    }

    @Override
    Set<String> expected() {
      return Set.of("partiallySucceeded");
    }

    @Override
    void setup(Run r) {
      super.setup(r);
      r.kase.awaitSuccess(
          r.api.start(r.kase.path + "/custodians/" + r.custodians.get(1) + "/applyHold", null));
      r.state.put("purgeSearch", r.kase.search("Purge", Corpus.PURGE_WORD));
      try {
        original = Corpus.hashes(r.server.dataDir().resolve("evidence"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The evidence root's files and their SHA-256 before any purge. */
    Map<Path, String> original;

    @Override
    String submit(Run r, int trial) {
      return r.api.start(
          r.kase.path + "/searches/" + r.state.get("purgeSearch") + "/purgeData",
          "{\"purgeType\":\"recoverable\"}");
    }

    @Override
    void check(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      Path evidence = r.server.dataDir().resolve("evidence");
      Map<Path, String> now = Corpus.hashes(evidence);
      String unheld = r.corpus.mailboxes().get(0);
      String held = r.corpus.mailboxes().get(1);
      int touchedHeld = 0;
      for (var e : original.entrySet()) {
        if (e.getKey().toString().contains("/" + held + "/")
            && !e.getValue().equals(now.get(e.getKey()))) {
          touchedHeld++;
        }
      }
      expectEqual(problems, "files of the held mailbox changed", 0, touchedHeld);
      // The unheld mailbox: purged .eml files gone, the others as they were; each mbox holds
      // exactly
      // the messages it held without the purged ones, byte for byte and in order.
      Map<Path, List<Corpus.Message>> byMbox = new LinkedHashMap<>();
      int emlWrong = 0;
      for (Corpus.Message m : r.corpus.messages()) {
        if (!m.mailbox().equals(unheld)) {
          continue;
        }
        if (m.inMbox()) {
          byMbox.computeIfAbsent(m.file(), k -> new ArrayList<>()).add(m);
        } else if (m.purge() == Files.exists(m.file())) {
          emlWrong++;
        } else if (!m.purge() && !original.get(m.file()).equals(now.get(m.file()))) {
          emlWrong++;
        }
      }
      expectEqual(problems, ".eml files purged wrongly or changed", 0, emlWrong);
      for (var e : byMbox.entrySet()) {
        List<String> kept =
            Corpus.mboxMessages(Files.readString(e.getKey(), StandardCharsets.UTF_8));
        List<String> expectedTokens =
            e.getValue().stream().filter(m -> !m.purge()).map(Corpus.Message::token).toList();
        List<String> keptTokens = kept.stream().map(PurgeData::token).toList();
        if (!keptTokens.equals(expectedTokens)) {
          problems.add(
              e.getKey().getFileName()
                  + " holds "
                  + keptTokens.size()
                  + " messages, expected "
                  + expectedTokens.size()
                  + " (torn or purged wrongly)");
        }
      }
      // The report and the recoverable store: each purged item once.
      Path into = r.work.resolve("downloads").resolve(op.getString("id"));
      Map<String, Path> report = Checks.downloadAll(r.api, op, "reportFileMetadata", into);
      long purged = 0;
      long skipped = 0;
      Set<String> ids = new HashSet<>();
      for (Path p : report.values()) {
        for (CSVRecord row : Checks.csv(Files.readAllBytes(p))) {
          if (!ids.add(row.get("ItemId") + "/" + row.get("Outcome"))) {
            problems.add("item " + row.get("ItemId") + " is reported twice");
          }
          if (row.get("Outcome").equals("purged")) {
            purged++;
          } else {
            skipped++;
          }
        }
      }
      expectEqual(problems, "items reported purged", r.corpus.purgeCount(unheld), purged);
      expectEqual(problems, "items reported skipped (held)", r.corpus.purgeCount(held), skipped);
      Path store =
          r.server
              .dataDir()
              .resolve("purges")
              .resolve(r.kase.id)
              .resolve(op.getString("id"))
              .resolve("items");
      long stored;
      try (var files = Files.list(store)) {
        stored =
            files
                .filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().contains("."))
                .count();
      }
      expectEqual(problems, "items in the recoverable store", r.corpus.purgeCount(unheld), stored);
    }

    private static String token(String message) {
      int i = message.indexOf("Message-ID: <");
      return i < 0 ? "?" : message.substring(i + 13, message.indexOf('@', i));
    }

    @Override
    void after(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      Api.Answer restored = restore(r, op);
      if (restored.status() != 200) {
        problems.add("the restore answered " + restored.status() + ": " + restored.body());
      }
      Map<Path, String> now = Corpus.hashes(r.server.dataDir().resolve("evidence"));
      if (!now.equals(original)) {
        problems.add("restore did not give back the evidence byte for byte");
      }
      awaitAll(r.kase);
    }

    /** The whole purge restored by {@code caseops.restore}, its answer logged with its time. */
    Api.Answer restore(Run r, JsonObject op) throws IOException {
      // The restore answers when it is done: 2 to 3 s on a quiet machine, over a minute at a load
      // average of 20, so it is given ten.
      long t0 = System.nanoTime();
      Api.Answer restored = r.api.sendOnce("POST", restoreUrl(r, op), "{}", Duration.ofMinutes(10));
      long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      CrashSuite.log("%s: the restore answered %d in %d ms", name, restored.status(), ms);
      lastRestoreMillis = ms;
      return restored;
    }

    /** The wall clock of the last {@link #restore}, in milliseconds. */
    long lastRestoreMillis = -1;

    static String restoreUrl(Run r, JsonObject op) {
      return r.kase.path + "/operations/" + op.getString("id") + "/caseops.restore";
    }
  }

  /**
   * purgeRestore (opt-in): purgeData's set-up, purge, kill and check; then its restore is killed
   * too. The set-up purges and restores once un-killed and times the restore (the wall clock of the
   * request). After each trial's check the restore is sent from a thread of its own; a seeded
   * fraction, 5 to 95 %, of that time later the server's JVM gets SIGKILL and is started again; the
   * evidence files already back are counted before any request; then the restore is sent again, and
   * the evidence, the catalog and the index must be as before the purge.
   */
  static final class PurgeRestore extends PurgeData {
    PurgeRestore() {
      super("purgeRestore");
    }

    /** The restore's un-killed duration, shortened by kills that came after its end (-1: none). */
    long restoreMillis = -1;

    private java.util.SplittableRandom random;

    @Override
    void setup(Run r) {
      super.setup(r);
      random = RestoreKill.random(r.seed, r.tag);
      // One purge and restore un-killed: the restore's duration, and the checks of a restored case
      // shown to hold without a kill.
      JsonObject op = r.kase.awaitSuccess(submit(r, 0));
      List<String> problems = new ArrayList<>();
      try {
        Api.Answer restored = restore(r, op);
        if (restored.status() != 200) {
          throw new IllegalStateException(
              "the un-killed restore answered " + restored.status() + ": " + restored.body());
        }
        restoreMillis = lastRestoreMillis;
        checkRestored(r, op, Api.num(restored.json(), "restoredCount"), 0, problems);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("after the un-killed restore: " + problems);
      }
      CrashSuite.log("%s: un-killed, the restore took %d ms", r.tag, restoreMillis);
    }

    @Override
    void after(Run r, int trial, JsonObject op, List<String> problems) throws IOException {
      if (trial <= 0) {
        // The un-killed timing runs of a time target: a plain restore, timed too.
        super.after(r, trial, op, problems);
        restoreMillis = RestoreKill.shortest(restoreMillis, lastRestoreMillis);
        return;
      }
      long delay = RestoreKill.delayMillis(random, restoreMillis);
      long duration = restoreMillis;
      String url = restoreUrl(r, op);
      java.util.concurrent.FutureTask<Api.Answer> first =
          new java.util.concurrent.FutureTask<>(
              () -> r.api.sendOnce("POST", url, "{}", Duration.ofMinutes(10)));
      Thread sender = new Thread(first, "restore-" + trial);
      sender.setDaemon(true);
      long sent = System.nanoTime();
      sender.start();
      long wait = delay - Duration.ofNanos(System.nanoTime() - sent).toMillis();
      if (wait > 0) {
        Api.sleep(Duration.ofMillis(wait));
      }
      long killedAfter = Duration.ofNanos(System.nanoTime() - sent).toMillis();
      try {
        r.server.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while killing the server", e);
      }
      // What the first request got: an answer (it had ended before the kill) or a broken
      // connection.
      String firstOutcome;
      boolean answered;
      try {
        Api.Answer a = first.get(2, java.util.concurrent.TimeUnit.MINUTES);
        answered = true;
        firstOutcome = "answered " + a.status() + " before the kill";
        if (a.status() != 200) {
          problems.add("the restore before the kill answered " + a.status() + ": " + a.body());
        }
      } catch (java.util.concurrent.ExecutionException e) {
        answered = false;
        firstOutcome = "had not answered (" + e.getCause().getClass().getSimpleName() + ")";
      } catch (java.util.concurrent.TimeoutException e) {
        answered = false;
        firstOutcome = "had not answered (no end of the request 2 minutes after the kill)";
        sender.interrupt();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      // How much was back, read from the disk before the server is started again.
      RestoreKill.Back back =
          RestoreKill.compare(original, Corpus.hashes(r.server.dataDir().resolve("evidence")));
      CrashSuite.log(
          "%s restore kill %d: killed %d ms after the restore was sent (target %d of %d ms); the"
              + " restore %s; at the kill %s",
          r.tag, trial, killedAfter, delay, duration, firstOutcome, back.describe(original.size()));
      restoreMillis = RestoreKill.nextDuration(restoreMillis, killedAfter, answered);
      if (restoreMillis != duration) {
        CrashSuite.log(
            "%s: the restore kill came after the restore's end; its duration is taken as %d ms"
                + " from now on",
            r.tag, restoreMillis);
      }
      try {
        r.server.start();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting the server", e);
      }
      r.api.token(r.server.token());
      problems.addAll(r.server.takeStartFailures());
      String redeployed = r.server.redeployed();
      if (redeployed != null) {
        problems.add(redeployed);
      }
      Api.Answer again = restore(r, op);
      if (again.status() != 200) {
        problems.add("the restore after the kill answered " + again.status() + ": " + again.body());
        awaitAll(r.kase);
        return;
      }
      JsonObject json = again.json();
      long now = Api.num(json, "restoredCount");
      long before = Api.num(json, "alreadyRestoredCount");
      CrashSuite.log(
          "%s restore kill %d: the restore after the kill restored %d items, %d were restored"
              + " before",
          r.tag, trial, now, before);
      if (answered) {
        expectEqual(problems, "items restored again after a restore that had answered", 0, now);
      }
      checkRestored(r, op, now, before, problems);
    }

    /**
     * A restored case: the evidence byte for byte as before the purge (every file; every mbox whole
     * and in order), each purged item restored once, the catalog and the index holding every
     * message once, no operation open.
     */
    void checkRestored(
        Run r, JsonObject op, long restoredNow, long restoredBefore, List<String> problems)
        throws IOException {
      String unheld = r.corpus.mailboxes().get(0);
      expectEqual(
          problems,
          "items restored (now and before)",
          r.corpus.purgeCount(unheld),
          restoredNow + restoredBefore);
      Map<Path, String> now = Corpus.hashes(r.server.dataDir().resolve("evidence"));
      RestoreKill.Back back = RestoreKill.compare(original, now);
      if (!back.whole()) {
        problems.add(
            "the restore did not give back the evidence byte for byte: "
                + back.describe(original.size())
                + "; e.g. "
                + java.util.stream.Stream.of(back.changed(), back.missing(), back.extra())
                    .flatMap(List::stream)
                    .limit(3)
                    .map(p -> p.getFileName().toString())
                    .toList());
        // Each changed mbox: its messages as found, against the original order.
        Map<Path, List<String>> expected = new LinkedHashMap<>();
        for (Corpus.Message m : r.corpus.messages()) {
          if (m.inMbox()) {
            expected.computeIfAbsent(m.file(), k -> new ArrayList<>()).add(m.token());
          }
        }
        for (Path p : back.changed()) {
          List<String> want = expected.get(p);
          if (want != null) {
            List<String> found =
                Corpus.mboxMessages(Files.readString(p, StandardCharsets.UTF_8)).stream()
                    .map(PurgeData::token)
                    .toList();
            if (!found.equals(want)) {
              problems.add(
                  p.getFileName()
                      + " holds "
                      + found.size()
                      + " messages, expected "
                      + want.size()
                      + (new HashSet<>(found).size() < found.size() ? ", some twice" : "")
                      + " (torn, duplicated or out of order)");
            }
          }
        }
      }
      long n = r.n();
      expectEqual(
          problems, "catalogued items (indexedItemCount)", n, r.kase.stat("indexedItemCount"));
      expectEqual(problems, "unindexed items", 0, r.kase.stat("unindexedItemCount"));
      Checks.LuceneCount lucene =
          Checks.lucene(r.server.dataDir().resolve("indexes").resolve(r.kase.id));
      expectEqual(problems, "Lucene documents", n, lucene.docs());
      expectEqual(problems, "distinct item ids in Lucene", n, lucene.distinctIds());
      JsonObject all =
          r.kase.awaitSuccess(
              r.kase.startEstimate(
                  r.kase.search("Restored " + op.getString("id"), Corpus.ALL_WORD)));
      expectEqual(problems, "estimate hits for every message", n, Api.num(all, "indexedItemCount"));
      JsonObject purgeable = r.kase.awaitSuccess(r.kase.startEstimate(r.state.get("purgeSearch")));
      expectEqual(
          problems,
          "estimate hits for " + Corpus.PURGE_WORD,
          r.mailboxes.stream().mapToLong(r.corpus::purgeCount).sum(),
          Api.num(purgeable, "indexedItemCount"));
      List<JsonObject> open = awaitAll(r.kase);
      if (!open.isEmpty()) {
        problems.add(open.size() + " operations still open after the restore: " + open.get(0));
      }
    }
  }
}
