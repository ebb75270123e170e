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
  static final class PurgeData extends Job {
    PurgeData() {
      super("purgeData");
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

    private Map<Path, String> original;

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
      // The restore answers when it is done: 2 to 3 s on a quiet machine, over a minute at a load
      // average of 20, so it is given ten.
      long t0 = System.nanoTime();
      Api.Answer restored =
          r.api.sendOnce(
              "POST",
              r.kase.path + "/operations/" + op.getString("id") + "/caseops.restore",
              "{}",
              Duration.ofMinutes(10));
      long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
      if (restored.status() != 200) {
        problems.add("the restore answered " + restored.status() + ": " + restored.body());
      }
      CrashSuite.log("purgeData: the restore answered %d in %d s", restored.status(), seconds);
      Map<Path, String> now = Corpus.hashes(r.server.dataDir().resolve("evidence"));
      if (!now.equals(original)) {
        problems.add("restore did not give back the evidence byte for byte");
      }
      awaitAll(r.kase);
    }
  }
}
