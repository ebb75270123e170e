package org.caseops.batch.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.caseops.batch.evidence.MboxCatalog;
import org.caseops.batch.evidence.MboxSplitter;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedFailures;
import org.caseops.batch.testing.InducedPurgeFailures;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemState;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgeRestorer;
import org.caseops.domain.purge.PurgedItem;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The purgeData job on JBeret SE: what it removes, what it leaves, and a restart. */
class PurgeDataJobTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");
  private static final String FROM_LINE = "From ann@fabrikam.example Mon Jan  1 10:00:00 2024\n";

  /** A case with held and unheld mail (eml and mbox) and a site document, all matching walrus. */
  private static final class Corpus {
    final String caseId;
    final Custodian ann;
    final Custodian bob;
    final CustodianSource annMail;
    final CustodianSource annSite;
    final CustodianSource bobMail;
    final Path annFolder;
    final Path siteFolder;
    final Path bobFolder;
    final List<String> mbox = new ArrayList<>();

    Corpus(IndexJobHarness h, SearchJobs s) throws Exception {
      caseId = h.newCase().getId();
      ann = h.newCustodian(caseId, "ann@contoso.example");
      bob = h.newCustodian(caseId, "bob@contoso.example");
      annMail = h.mailbox(ann);
      annSite = h.site(ann, "https://sites.contoso.example/legal");
      bobMail = h.mailbox(bob);
      annFolder = h.folderOf(annMail);
      siteFolder = h.folderOf(annSite);
      bobFolder = h.folderOf(bobMail);
      Evidence.write(annFolder.resolve("a.eml"), message("a", "The walrus memo."));
      Evidence.write(annFolder.resolve("keep.eml"), message("keep", "Nothing to see: puffin."));
      mbox.add(message("m1", "First walrus note."));
      mbox.add(message("m2", "Second, about the narwhal.\n>From the quoted line."));
      mbox.add(message("m3", "Third walrus note."));
      mbox.add(message("m4", "Fourth, about the orca."));
      Evidence.write(
          annFolder.resolve("archive.mbox"),
          mbox.stream()
              .map(m -> FROM_LINE + m.replace("\n>From", "\n>>From"))
              .collect(Collectors.joining("\n")));
      Evidence.write(siteFolder.resolve("doc.txt"), "A site document about the walrus.");
      Evidence.write(bobFolder.resolve("b.eml"), message("b", "Bob's walrus reply."));
      Evidence.write(
          bobFolder.resolve("bob.mbox"),
          FROM_LINE
              + message("b1", "Bob's walrus archive.")
              + "\n"
              + FROM_LINE
              + message("b2", "Bob's other note."));
      s.index(caseId);
      // Bob is on hold.
      CaseOperation held =
          s.run(
              caseId,
              CaseAction.holdUpdate,
              OperationTarget.custodians(List.of(bob.getId()), OperationTarget.APPLY_HOLD));
      assertThat(held.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRecoverablePurgeRemovesWhatMatchesExceptHeldItemsAndKeepsMailboxesWhole(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      byte[] bobMbox = Files.readAllBytes(c.bobFolder.resolve("bob.mbox"));
      byte[] aEml = Files.readAllBytes(c.annFolder.resolve("a.eml"));

      CaseOperation done = purge(h, s, c.caseId, "walrus", false, null);

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo(
              "Purged 4 items, kept in the case's recoverable store (restore with"
                  + " caseops.restore); skipped 2 items: 2 under a hold.");
      // Ann's eml and site document are gone, into the recoverable store byte for byte.
      assertThat(c.annFolder.resolve("a.eml")).doesNotExist();
      assertThat(c.siteFolder.resolve("doc.txt")).doesNotExist();
      assertThat(c.annFolder.resolve("keep.eml")).exists();
      Path store = CaseopsPaths.purgeDir(c.caseId, done.getId()).resolve("items");
      assertThat(store.resolve(Item.idFor(c.annMail.getId(), "a.eml"))).hasBinaryContent(aEml);
      // The mbox holds exactly the two messages that did not match, whole, and nothing else.
      assertThat(messages(c.annFolder.resolve("archive.mbox")))
          .containsExactly(c.mbox.get(1), c.mbox.get(3));
      assertThat(folderNames(c.annFolder)).containsExactlyInAnyOrder("keep.eml", "archive.mbox");
      // Bob's held items are untouched.
      assertThat(c.bobFolder.resolve("b.eml")).exists();
      assertThat(c.bobFolder.resolve("bob.mbox")).hasBinaryContent(bobMbox);
      // The catalog and the index follow: only held items still match; the moved messages are
      // found at their new place.
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(2);
      assertThat(hits(h, c.caseId, "narwhal OR orca")).isEqualTo(2);
      List<Item> annItems = h.items.listInSourcesAfter(List.of(c.annMail.getId()), null, 100);
      assertThat(annItems).extracting(Item::getLocation).hasSize(3).contains("keep.eml");
      Path mbox = c.annFolder.resolve("archive.mbox");
      List<MboxSplitter.Message> now = MboxCatalog.split(mbox);
      assertThat(annItems)
          .extracting(Item::getLocation)
          .contains("archive.mbox#" + now.get(0).offset(), "archive.mbox#" + now.get(1).offset());
      // The report lists every purged and skipped item.
      List<CSVRecord> rows = report(c.caseId, done.getId());
      assertThat(rows).hasSize(6);
      assertThat(rows.stream().filter(r -> r.get("Outcome").equals("skipped")))
          .extracting(r -> r.get("Reason"))
          .containsOnly(Purger.HELD);
      assertThat(rows.stream().filter(r -> r.get("Outcome").equals("skipped")))
          .extracting(r -> r.get("SourceId"))
          .containsOnly(c.bobMail.getId());
      assertThat(rows).extracting(r -> r.get("SHA256")).allMatch(sha -> sha.length() == 64);
      // No temporary file is left beside the mailbox.
      assertThat(folderNames(c.annFolder)).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRestoreGivesBackEveryPurgedItemByteForByteAndTheIndexFindsThemAgain(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      Path mbox = c.annFolder.resolve("archive.mbox");
      byte[] mboxBefore = Files.readAllBytes(mbox);
      byte[] aEml = Files.readAllBytes(c.annFolder.resolve("a.eml"));
      byte[] doc = Files.readAllBytes(c.siteFolder.resolve("doc.txt"));
      long itemsBefore = h.items.listInSourcesAfter(List.of(c.annMail.getId()), null, 100).size();
      CaseOperation done = purge(h, s, c.caseId, "walrus", false, null);
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(2);
      PurgeRestorer restorer = h.weld.select(PurgeRestorer.class).get();

      // The first message alone first, then the rest: the mbox comes back as it was.
      String m1 = Item.idFor(c.annMail.getId(), "archive.mbox#0");
      assertThat(restorer.restore(c.caseId, done.getId(), List.of(m1)).restoredIds())
          .containsExactly(m1);
      assertThat(messages(mbox)).containsExactly(c.mbox.get(0), c.mbox.get(1), c.mbox.get(3));
      PurgeRestorer.Restored all = restorer.restore(c.caseId, done.getId(), List.of());

      assertThat(all.restoredIds()).hasSize(3);
      assertThat(all.alreadyRestoredIds()).containsExactly(m1);
      assertThat(mbox).hasBinaryContent(mboxBefore);
      assertThat(c.annFolder.resolve("a.eml")).hasBinaryContent(aEml);
      assertThat(c.siteFolder.resolve("doc.txt")).hasBinaryContent(doc);
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(6);
      assertThat(hits(h, c.caseId, "narwhal OR orca")).isEqualTo(2);
      List<Item> annItems = h.items.listInSourcesAfter(List.of(c.annMail.getId()), null, 100);
      assertThat(annItems).hasSize((int) itemsBefore);
      assertThat(annItems.stream().map(Item::getLocation).filter(l -> l.startsWith("archive")))
          .containsExactlyInAnyOrderElementsOf(
              MboxCatalog.split(mbox).stream().map(m -> "archive.mbox#" + m.offset()).toList());
      // Restoring again restores nothing twice.
      PurgeRestorer.Restored again = restorer.restore(c.caseId, done.getId(), List.of());
      assertThat(again.restoredIds()).isEmpty();
      assertThat(again.alreadyRestoredIds()).hasSize(4);
      assertThat(mbox).hasBinaryContent(mboxBefore);
      assertThat(CaseopsPaths.purgeDir(c.caseId, done.getId()).resolve("items")).isEmptyDirectory();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRestoreRewritesAnMboxOnceForAllItsMessagesAndARestoreStoppedHalfWayFinishesTheRest(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      // Seven messages, five about the walrus: the first, two side by side, and the last.
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        boolean walrus = i == 0 || i == 1 || i == 3 || i == 5 || i == 6;
        texts.add(message("n" + i, walrus ? "Note " + i + " on the walrus." : "A seal " + i + "."));
      }
      Path many = c.annFolder.resolve("many.mbox");
      Evidence.write(
          many, texts.stream().map(m -> FROM_LINE + m).collect(Collectors.joining("\n")));
      s.index(c.caseId);
      byte[] manyBefore = Files.readAllBytes(many);
      Map<String, String> idsBefore = idsByLocation(h, c.annMail);
      Set<String> manyIds =
          idsBefore.entrySet().stream()
              .filter(e -> e.getKey().startsWith("many.mbox#"))
              .map(Map.Entry::getValue)
              .collect(Collectors.toSet());
      assertThat(manyIds).hasSize(7);
      CaseOperation done = purge(h, s, c.caseId, "walrus", false, null);
      assertThat(messages(many)).containsExactly(texts.get(2), texts.get(4));
      Object purgedFile = fileKey(many);
      PurgeRestorer restorer = h.weld.select(PurgeRestorer.class).get();

      // Each time a message of the mbox is recorded as restored, the mbox is already whole again,
      // written once: the third record fails, as a database would.
      List<Object> keys = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      restoreFailingAt(
          restorer,
          c.caseId,
          done.getId(),
          id -> {
            if (manyIds.contains(id)) {
              try {
                keys.add(fileKey(many));
                contents.add(Files.readAllBytes(many));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return keys.size() == 3;
            }
            return false;
          });
      assertThat(keys).hasSize(3).doesNotContain(purgedFile);
      assertThat(Set.copyOf(keys)).hasSize(1);
      assertThat(contents).allSatisfy(bytes -> assertThat(bytes).isEqualTo(manyBefore));

      // Run again, the restore finishes the rest without writing the mbox again.
      PurgeRestorer.Restored rest = restorer.restore(c.caseId, done.getId(), List.of());
      assertThat(rest.alreadyRestoredIds()).filteredOn(manyIds::contains).hasSize(2);
      assertThat(rest.restoredIds()).filteredOn(manyIds::contains).hasSize(3);
      assertThat(rest.restoredIds().size() + rest.alreadyRestoredIds().size()).isEqualTo(9);
      assertThat(fileKey(many)).isEqualTo(keys.get(0));
      assertThat(many).hasBinaryContent(manyBefore);
      assertThat(idsByLocation(h, c.annMail)).isEqualTo(idsBefore);
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(11);
      assertThat(hits(h, c.caseId, "seal")).isEqualTo(2);
      assertThat(CaseopsPaths.purgeDir(c.caseId, done.getId()).resolve("items")).isEmptyDirectory();
      assertThat(folderNames(c.annFolder)).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRestoreStoppedBetweenTheMboxRenameAndTheCatalogUpdateIsFinishedExactlyByARerun(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      // Seven messages, five about the walrus: putting those back moves the two seal messages.
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        boolean walrus = i == 0 || i == 1 || i == 3 || i == 5 || i == 6;
        texts.add(message("n" + i, walrus ? "Note " + i + " on the walrus." : "A seal " + i + "."));
      }
      Path many = c.annFolder.resolve("many.mbox");
      Evidence.write(
          many, texts.stream().map(m -> FROM_LINE + m).collect(Collectors.joining("\n")));
      s.index(c.caseId);
      byte[] manyBefore = Files.readAllBytes(many);
      Map<String, String> idsBefore = idsByLocation(h, c.annMail);
      CaseOperation done = purge(h, s, c.caseId, "walrus", false, null);
      assertThat(messages(many)).containsExactly(texts.get(2), texts.get(4));
      PurgeRestorer restorer = h.weld.select(PurgeRestorer.class).get();

      // The mbox is rewritten and renamed into place; moving the seal messages' catalog entries
      // fails, as a database would (or the process would stop there).
      InducedFailures.failMoveAllOnceFor("many.mbox#");
      try {
        assertThatThrownBy(() -> restorer.restore(c.caseId, done.getId(), List.of()))
            .hasMessageContaining(InducedFailures.MESSAGE);
      } finally {
        InducedFailures.reset();
      }
      assertThat(many).hasBinaryContent(manyBefore);

      PurgeRestorer.Restored rest = restorer.restore(c.caseId, done.getId(), List.of());
      Set<String> manyIds =
          idsBefore.entrySet().stream()
              .filter(e -> e.getKey().startsWith("many.mbox#"))
              .map(Map.Entry::getValue)
              .collect(Collectors.toSet());
      assertThat(rest.restoredIds()).filteredOn(manyIds::contains).hasSize(5);
      // The mbox is as it was, each message once, and every entry of it, restored or untouched,
      // reads at its location the bytes of its SHA-256.
      assertThat(many).hasBinaryContent(manyBefore);
      assertThat(messages(many)).containsExactlyElementsOf(texts);
      Map<Long, String> shaAt = new java.util.TreeMap<>();
      for (MboxSplitter.Message m : MboxCatalog.split(many)) {
        shaAt.put(m.offset(), m.sha256());
      }
      List<Item> entries =
          h.items.listInSourcesAfter(List.of(c.annMail.getId()), null, 100).stream()
              .filter(i -> i.getLocation().startsWith("many.mbox#"))
              .toList();
      assertThat(entries).hasSize(7);
      assertThat(entries)
          .allSatisfy(
              i -> {
                assertThat(i.getState()).isEqualTo(ItemState.current);
                assertThat(shaAt.get(MboxCatalog.offsetOf(i.getLocation())))
                    .as(i.getLocation())
                    .isEqualTo(i.getSha256());
              });
      assertThat(entries.stream().map(Item::getLocation).distinct()).hasSize(7);
      assertThat(idsByLocation(h, c.annMail)).isEqualTo(idsBefore);
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(11);
      assertThat(hits(h, c.caseId, "seal")).isEqualTo(2);
      assertThat(folderNames(c.annFolder)).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aRestoreKilledAfterRecordingAnItemRestoredLeavesThatItemInTheIndex(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      CaseOperation done = purge(h, s, c.caseId, "walrus", false, null);
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(2);
      PurgeRestorer restorer = h.weld.select(PurgeRestorer.class).get();

      // The process dies at the second record: the first item is recorded restored, and what the
      // index writer held uncommitted dies with the process.
      java.util.concurrent.atomic.AtomicInteger marks =
          new java.util.concurrent.atomic.AtomicInteger();
      restoreFailingAt(restorer, c.caseId, done.getId(), id -> marks.incrementAndGet() == 2);
      h.weld.select(CaseIndexes.class).get().writer(c.caseId).rollback();

      // Run again, the restore skips the item recorded restored; it must be found all the same.
      PurgeRestorer.Restored rest = restorer.restore(c.caseId, done.getId(), List.of());
      assertThat(rest.alreadyRestoredIds()).hasSize(1);
      assertThat(rest.restoredIds()).hasSize(3);
      assertThat(hits(h, c.caseId, "walrus")).isEqualTo(6);
      assertThat(hits(h, c.caseId, "narwhal OR orca")).isEqualTo(2);
    }
  }

  /**
   * Runs a whole restore of the purge that must fail where {@code failAt} says, when an item is
   * recorded restored (as a database would, or a process killed there), and asserts it did.
   */
  private static void restoreFailingAt(
      PurgeRestorer restorer,
      String caseId,
      String operationId,
      java.util.function.Predicate<String> failAt) {
    InducedPurgeFailures.onMarkRestored(
        id -> {
          if (failAt.test(id)) {
            throw new IllegalStateException(InducedPurgeFailures.MESSAGE);
          }
        });
    try {
      assertThatThrownBy(() -> restorer.restore(caseId, operationId, List.of()))
          .hasMessage(InducedPurgeFailures.MESSAGE);
    } finally {
      InducedPurgeFailures.reset();
    }
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPermanentPurgeDeletesAndKeepsNothing(TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);

      CaseOperation done = purge(h, s, c.caseId, "walrus", true, null);

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage())
          .startsWith("Purged 4 items, permanently deleted; skipped 2 items");
      assertThat(c.annFolder.resolve("a.eml")).doesNotExist();
      assertThat(c.siteFolder.resolve("doc.txt")).doesNotExist();
      assertThat(messages(c.annFolder.resolve("archive.mbox")))
          .containsExactly(c.mbox.get(1), c.mbox.get(3));
      Path store = CaseopsPaths.purgeDir(c.caseId, done.getId()).resolve("items");
      assertThat(store).doesNotExist();
      assertThat(c.bobFolder.resolve("b.eml")).exists();
      assertThat(messages(c.bobFolder.resolve("bob.mbox"))).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPurgeThatFailsAfterRewritingAMailboxIsRestartedAndRemovesNothingTwice(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      // A second mbox, so that the failed chunk is not the first one.
      List<String> second = List.of(message("s1", "A walrus again."), message("s2", "A seal."));
      Evidence.write(
          c.annFolder.resolve("second.mbox"),
          second.stream().map(m -> FROM_LINE + m).collect(Collectors.joining("\n")));
      s.index(c.caseId);
      Properties oneFilePerChunk = new Properties();
      oneFilePerChunk.setProperty("itemCount", "1");
      // The chunk of archive.mbox is rewritten, then its records fail.
      InducedPurgeFailures.failRecordOnceFor("archive.mbox#0");
      try {
        EdiscoverySearch search = s.searchAll(c.caseId, "walrus");
        CaseOperation operation =
            CaseOperation.submit(
                c.caseId,
                CaseAction.purgeData,
                OperationTarget.search(search.getId(), List.of("mailboxes")),
                Map.of("purgeType", "recoverable"),
                IdentitySet.user("u1", "Alice"),
                Instant.now());
        h.operations.add(operation);
        String operationId = operation.getId();
        h.jobs.start(
            "purgeData", IndexJobHarness.parameters(operationId, c.caseId, oneFilePerChunk));
        long first = h.awaitExecutionId(operationId);
        assertThat(h.awaitEnd(first, operationId)).isEqualTo(BatchStatus.FAILED);
        // The mailbox was rewritten whole before the failure; it parses with the messages kept.
        List<String> afterFailure = messages(c.annFolder.resolve("archive.mbox"));
        assertThat(afterFailure).containsExactly(c.mbox.get(1), c.mbox.get(3));

        long restart =
            h.jobs.restart(
                first, IndexJobHarness.parameters(operationId, c.caseId, oneFilePerChunk));
        assertThat(h.awaitEnd(restart, operationId)).isEqualTo(BatchStatus.COMPLETED);
        CaseOperation done = h.operations.find(operationId).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
        assertThat(done.getResultInfo().getMessage())
            .startsWith("Purged 5 items, kept in the case's recoverable store");
        assertThat(done.getPercentProgress()).isEqualTo(100);
        // Every mbox parses with exactly the expected messages; nothing was removed twice.
        assertThat(messages(c.annFolder.resolve("archive.mbox")))
            .containsExactly(c.mbox.get(1), c.mbox.get(3));
        assertThat(messages(c.annFolder.resolve("second.mbox"))).containsExactly(second.get(1));
        assertThat(messages(c.bobFolder.resolve("bob.mbox"))).hasSize(2);
        PurgeRepository purges = h.weld.select(PurgeRepository.class).get();
        List<PurgedItem> records = purges.listOfOperation(operationId, null, 100);
        assertThat(records).hasSize(7);
        assertThat(records.stream().filter(PurgedItem::isPurged)).hasSize(5);
        assertThat(records.stream().filter(PurgedItem::isPurged))
            .extracting(PurgedItem::getReason)
            .containsOnlyNulls();
        assertThat(hits(h, c.caseId, "walrus")).isEqualTo(2);
        assertThat(hits(h, c.caseId, "narwhal OR orca OR seal")).isEqualTo(3);
      } finally {
        InducedPurgeFailures.reset();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theHoldRuleCoversItemsWithHoldRecordsAndItemsOfCustodiansInAnyHoldStatusButNotApplied(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String annEml = Item.idFor(c.annMail.getId(), "a.eml");
      String bobEml = Item.idFor(c.bobMail.getId(), "b.eml");
      assertThat(holds.heldItemIds(c.caseId, List.of(annEml, bobEml))).containsExactly(bobEml);
      for (var status : org.caseops.domain.custodians.DataSourceHoldStatus.values()) {
        h.custodians.setHoldStatus(c.caseId, List.of(c.ann.getId()), status);
        assertThat(holds.heldItemIds(c.caseId, List.of(annEml)).contains(annEml))
            .as("held while ann is " + status)
            .isEqualTo(status != org.caseops.domain.custodians.DataSourceHoldStatus.notApplied);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPurgeSkipsWhatALegalHoldOrANoncustodialSourcesHoldCovers(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      String caseId = h.newCase().getId();
      // Carl's mailbox is under a whole-source legal hold (synced), Dana's under a query-scoped
      // legal hold whose sync has not run yet, the shared mailbox (no custodian) under its own
      // hold; Erin's mailbox is under no hold.
      CustodianSource carl = h.mailbox(h.newCustodian(caseId, "carl@contoso.example"));
      CustodianSource dana = h.mailbox(h.newCustodian(caseId, "dana@contoso.example"));
      CustodianSource erin = h.mailbox(h.newCustodian(caseId, "erin@contoso.example"));
      CustodianSource shared = noncustodial(h, caseId, "shared@contoso.example");
      for (CustodianSource source : List.of(carl, dana, erin, shared)) {
        Evidence.write(
            h.folderOf(source).resolve("w.eml"), message("w", "A walrus in " + source.getId()));
      }
      s.index(caseId);
      LegalHold whole = LegalHold.create(caseId, "whole", null, null, true, ALICE, Instant.now());
      whole.addSources(List.of(carl.getId()));
      legalHolds.add(whole);
      assertThat(
              s.run(caseId, CaseAction.holdPolicySync, OperationTarget.legalHold(whole.getId()))
                  .getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      LegalHold pending =
          LegalHold.create(caseId, "pending", null, "walrus", true, ALICE, Instant.now());
      pending.addSources(List.of(dana.getId()));
      legalHolds.add(pending);
      assertThat(
              s.run(
                      caseId,
                      CaseAction.holdUpdate,
                      OperationTarget.custodians(
                          List.of(shared.getNoncustodialId()), OperationTarget.APPLY_HOLD))
                  .getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      EdiscoverySearch search =
          s.search(
              caseId,
              "walrus",
              Set.of(
                  DataSourceScopes.allCaseCustodians,
                  DataSourceScopes.allCaseNoncustodialDataSources),
              List.of());

      CaseOperation done = purge(h, caseId, search, false);

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage()).contains("skipped 3 items: 3 under a hold");
      assertThat(h.folderOf(erin).resolve("w.eml")).doesNotExist();
      for (CustodianSource held : List.of(carl, dana, shared)) {
        assertThat(h.folderOf(held).resolve("w.eml")).exists();
      }
      List<CSVRecord> rows = report(caseId, done.getId());
      assertThat(rows.stream().filter(r -> r.get("Outcome").equals("skipped")))
          .extracting(r -> r.get("SourceId") + " " + r.get("Reason"))
          .containsExactlyInAnyOrder(
              carl.getId() + " " + Purger.HELD,
              dana.getId() + " " + Purger.HELD,
              shared.getId() + " " + Purger.HELD);
      assertThat(rows.stream().filter(r -> r.get("Outcome").equals("purged")))
          .extracting(r -> r.get("SourceId"))
          .containsExactly(erin.getId());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPurgeLeavesAnEarlierVersionKeptFromItsPreservedCopyAndRemovesTheCurrentOneOnceReleased(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian fay = h.newCustodian(caseId, "fay@contoso.example");
      CustodianSource mail = h.mailbox(fay);
      Path file = h.folderOf(mail).resolve("v.eml");
      Evidence.write(file, message("v", "The first walrus draft."));
      s.index(caseId);
      assertThat(
              s.run(
                      caseId,
                      CaseAction.holdUpdate,
                      OperationTarget.custodians(List.of(fay.getId()), OperationTarget.APPLY_HOLD))
                  .getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      // The item changes at its source: its first version is kept as an item of its own.
      Evidence.write(file, message("v", "The second walrus draft."));
      s.index(caseId);
      List<Item> versions = h.items.listInSourcesAfter(List.of(mail.getId()), null, 10);
      assertThat(versions).hasSize(2);
      Item earlier = versions.stream().filter(Item::isEarlierVersion).findFirst().orElseThrow();
      assertThat(earlier.getState()).isEqualTo(ItemState.preservedOnly);
      assertThat(holds.isHeld(caseId, earlier.getId())).isTrue();
      // The hold is removed: the current version is no longer held, the earlier one stays held
      // as long as the catalog keeps it from its preserved copy.
      h.custodians.setHoldStatus(caseId, List.of(fay.getId()), DataSourceHoldStatus.notApplied);
      holds.removeOfCustodians(caseId, List.of(fay.getId()));
      byte[] current = Files.readAllBytes(file);

      CaseOperation done = purge(h, s, caseId, "walrus", false, null);

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(file).doesNotExist();
      Path store = CaseopsPaths.purgeDir(caseId, done.getId()).resolve("items");
      assertThat(store.resolve(Item.idFor(mail.getId(), "v.eml"))).hasBinaryContent(current);
      List<CSVRecord> rows = report(caseId, done.getId());
      assertThat(rows)
          .extracting(r -> r.get("ItemId") + " " + r.get("Outcome"))
          .containsExactlyInAnyOrder(
              Item.idFor(mail.getId(), "v.eml") + " purged", earlier.getId() + " skipped");
      assertThat(h.items.findAll(List.of(earlier.getId()))).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void messagesThatMoveInTheirMboxKeepTheirIdsSoAnAddToReviewSetAfterAPurgeAddsNothingTwice(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      Path mbox = c.annFolder.resolve("archive.mbox");
      Map<String, String> idsBefore = idsByLocation(h, c.annMail);
      List<MboxSplitter.Message> before = MboxCatalog.split(mbox);
      String narwhalId = idsBefore.get("archive.mbox#" + before.get(1).offset());
      String orcaId = idsBefore.get("archive.mbox#" + before.get(3).offset());
      // The review set has the walrus messages and the orca one (m4), not the narwhal one (m2).
      ReviewSet set = s.reviewSet(c.caseId, "Kept");
      assertThat(add(s, c.caseId, set, "walrus OR orca").getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      int filesBefore = s.reviewSets.listItems(set.getId(), 0, 100).size();

      assertThat(purge(h, s, c.caseId, "walrus", false, null).getStatus())
          .isEqualTo(CaseOperationStatus.partiallySucceeded);

      // m2 and m4 moved towards the start of the mbox, and kept their ids.
      List<MboxSplitter.Message> after = MboxCatalog.split(mbox);
      Map<String, String> idsAfter = idsByLocation(h, c.annMail);
      assertThat(idsAfter.get("archive.mbox#" + after.get(0).offset())).isEqualTo(narwhalId);
      assertThat(idsAfter.get("archive.mbox#" + after.get(1).offset())).isEqualTo(orcaId);
      assertThat(hits(h, c.caseId, "narwhal OR orca")).isEqualTo(2);
      // The narwhal message is added once; the orca one, in the set already, not again.
      CaseOperation added = add(s, c.caseId, set, "narwhal OR orca");
      assertThat(added.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      List<ReviewSetItem> files = s.reviewSets.listItems(set.getId(), 0, 100);
      assertThat(files).hasSize(filesBefore + 1);
      assertThat(files.stream().map(ReviewSetItem::getSha256).distinct()).hasSize(files.size());
      assertThat(files).extracting(ReviewSetItem::getItemId).contains(narwhalId, orcaId);
      // An index of the rewritten mbox finds every message where the catalog has it, unchanged.
      s.index(c.caseId);
      assertThat(idByLocationAfterIndex(h, c.annMail)).isEqualTo(idsAfter);
      assertThat(add(s, c.caseId, set, "narwhal OR orca").getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(s.reviewSets.listItems(set.getId(), 0, 100)).hasSize(filesBefore + 1);
      // A restore puts the purged messages back under their own ids, the others keep theirs.
      PurgeRestorer restorer = h.weld.select(PurgeRestorer.class).get();
      String purgeId =
          h.operations.list(c.caseId, 0, 100).stream()
              .filter(op -> op.getAction() == CaseAction.purgeData)
              .findFirst()
              .orElseThrow()
              .getId();
      restorer.restore(c.caseId, purgeId, List.of());
      assertThat(idsByLocation(h, c.annMail)).isEqualTo(idsBefore);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aPurgeOfAnMboxEditedAtItsSourceSinceItsIndexMovesAMessageOntoAStaleEntryCleanly(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      String caseId = h.newCase().getId();
      CustodianSource mail = h.mailbox(h.newCustodian(caseId, "ann@contoso.example"));
      Path mbox = h.folderOf(mail).resolve("archive.mbox");
      String p = message("p", "Plan one.");
      String q = message("q", "Plan two.");
      String r = message("r", "The last one.");
      // The message that later replaces p and q takes exactly their place, and the walrus message
      // is as long as it.
      int pqLength = p.length() + q.length() + FROM_LINE.length() + 1;
      String pq =
          message("pq", "Merged." + "y".repeat(pqLength - message("pq", "Merged.").length()));
      String a =
          message(
              "a", "Walrus memo." + "x".repeat(pqLength - message("a", "Walrus memo.").length()));
      assertThat(a.length()).isEqualTo(pq.length());
      Evidence.write(
          mbox, FROM_LINE + a + "\n" + FROM_LINE + p + "\n" + FROM_LINE + q + "\n" + FROM_LINE + r);
      s.index(caseId);
      Map<String, String> ids = idsByLocation(h, mail);
      List<MboxSplitter.Message> indexed = MboxCatalog.split(mbox);
      String pAt = "archive.mbox#" + indexed.get(1).offset();
      String pId = ids.get(pAt);
      String rId = ids.get("archive.mbox#" + indexed.get(3).offset());
      // At the source, p and q become one message; no index runs before the purge. The catalog
      // still has p where the merged message now starts, q where no message starts, r right.
      Evidence.write(mbox, FROM_LINE + a + "\n" + FROM_LINE + pq + "\n" + FROM_LINE + r);

      // Purging the walrus message moves r exactly where p's stale entry is.
      assertThat(purge(h, s, caseId, "walrus", false, null).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      List<MboxSplitter.Message> after = MboxCatalog.split(mbox);
      assertThat(after).hasSize(2);
      assertThat("archive.mbox#" + after.get(1).offset()).isEqualTo(pAt);
      Item movedR = h.items.findAll(List.of(rId)).get(0);
      assertThat(movedR.getLocation()).isEqualTo(pAt);
      assertThat(movedR.isEarlierVersion()).isFalse();
      Item staleP = h.items.findAll(List.of(pId)).get(0);
      assertThat(staleP.getLocation()).isEqualTo(pAt);
      assertThat(staleP.isEarlierVersion()).isTrue();

      // The next index catalogues the merged message, and each message is catalogued once.
      s.index(caseId);
      List<Item> current =
          h.items.listInSourcesAfter(List.of(mail.getId()), null, 100).stream()
              .filter(i -> !i.isEarlierVersion() && i.getState() == ItemState.current)
              .toList();
      assertThat(current.stream().map(Item::getSha256)).doesNotHaveDuplicates();
      assertThat(current.stream().map(Item::getSha256))
          .contains(Evidence.sha256(pq.getBytes(StandardCharsets.UTF_8)));
      assertThat(h.items.findAll(List.of(rId)).get(0).getLocation()).isEqualTo(pAt);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aMessageMovedOntoTheLocationOfAnItemKeptOnlyFromItsPreservedCopyLeavesThatItemAsItWas(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      CustodianSource mail = h.mailbox(h.newCustodian(caseId, "ann@contoso.example"));
      Path mbox = h.folderOf(mail).resolve("archive.mbox");
      // Kraken mail is under a query-scoped legal hold.
      String a = message("a", "Walrus memo one.");
      String p = message("p", "The kraken plan.");
      Evidence.write(mbox, FROM_LINE + a + "\n" + FROM_LINE + p);
      s.index(caseId);
      LegalHold kraken =
          LegalHold.create(caseId, "kraken", null, "kraken", true, ALICE, Instant.now());
      kraken.addSources(List.of(mail.getId()));
      legalHolds.add(kraken);
      assertThat(
              s.run(caseId, CaseAction.holdPolicySync, OperationTarget.legalHold(kraken.getId()))
                  .getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      long krakenAt = MboxCatalog.split(mbox).get(1).offset();
      String krakenId = idsByLocation(h, mail).get("archive.mbox#" + krakenAt);
      // The kraken message leaves the mbox; the walrus one grows; an orca message as long as the
      // walrus one was, and a seal message, follow: no message starts where the kraken one did.
      String a2 = message("a", "Walrus memo one, now a good deal longer.");
      String x = message("x", "Orca sighting 1.");
      String b = message("b", "A seal on the rocks.");
      Evidence.write(mbox, FROM_LINE + a2 + "\n" + FROM_LINE + x + "\n" + FROM_LINE + b);
      s.index(caseId);
      Item kept = h.items.findAll(List.of(krakenId)).get(0);
      assertThat(kept.getState()).isEqualTo(ItemState.preservedOnly);
      assertThat(kept.getLocation()).isEqualTo("archive.mbox#" + krakenAt);
      String sealId =
          idsByLocation(h, mail).get("archive.mbox#" + MboxCatalog.split(mbox).get(2).offset());

      // Purging the walrus message moves the seal one exactly where the kraken one was.
      assertThat(purge(h, s, caseId, "walrus", false, null).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(MboxCatalog.split(mbox).get(1).offset()).isEqualTo(krakenAt);

      // Both stay as they were: the kept kraken message, its hold record and document, and the
      // seal message, current at its new place under its own id.
      Item stillKept = h.items.findAll(List.of(krakenId)).get(0);
      assertThat(stillKept.getState()).isEqualTo(ItemState.preservedOnly);
      assertThat(stillKept.getSha256()).isEqualTo(kept.getSha256());
      assertThat(stillKept.getSubject()).isEqualTo("p");
      Item seal = h.items.findAll(List.of(sealId)).get(0);
      assertThat(seal.getState()).isEqualTo(ItemState.current);
      assertThat(seal.getLocation()).isEqualTo("archive.mbox#" + krakenAt);
      assertThat(seal.getSubject()).isEqualTo("b");
      assertThat(holds.heldItemIds(caseId, List.of(krakenId, sealId))).containsExactly(krakenId);
      assertThat(hits(h, caseId, "kraken")).isEqualTo(1);
      assertThat(hits(h, caseId, "seal")).isEqualTo(1);
      assertThat(hits(h, caseId, "orca")).isEqualTo(1);
      // The next index finds the seal message where the catalog has it, and keeps the kraken one.
      s.index(caseId);
      assertThat(h.items.findAll(List.of(krakenId, sealId)))
          .extracting(Item::getState)
          .containsExactlyInAnyOrder(ItemState.preservedOnly, ItemState.current);
      assertThat(h.items.countInSource(mail.getId())).isEqualTo(3);
      assertThat(hits(h, caseId, "kraken OR seal OR orca")).isEqualTo(3);
    }
  }

  private static CaseOperation add(SearchJobs s, String caseId, ReviewSet set, String query)
      throws InterruptedException {
    EdiscoverySearch search = s.searchAll(caseId, query);
    return s.run(
        caseId,
        CaseAction.addToReviewSet,
        OperationTarget.reviewSet(set.getId(), search.getId(), List.of()));
  }

  /** The current items of the source, by location. */
  private static Map<String, String> idsByLocation(IndexJobHarness h, CustodianSource source) {
    Map<String, String> ids = new java.util.TreeMap<>();
    for (Item item : h.items.listInSourcesAfter(List.of(source.getId()), null, 100)) {
      if (item.getState() == ItemState.current) {
        ids.put(item.getLocation(), item.getId());
      }
    }
    return ids;
  }

  private static Map<String, String> idByLocationAfterIndex(
      IndexJobHarness h, CustodianSource source) {
    return idsByLocation(h, source);
  }

  static CaseOperation purge(
      IndexJobHarness h, String caseId, EdiscoverySearch search, boolean permanent)
      throws InterruptedException {
    CaseOperation operation =
        CaseOperation.submit(
            caseId,
            CaseAction.purgeData,
            OperationTarget.search(search.getId(), List.of("mailboxes")),
            Map.of("purgeType", permanent ? "permanentlyDelete" : "recoverable"),
            IdentitySet.user("u1", "Alice"),
            Instant.now());
    h.operations.add(operation);
    h.jobs.start("purgeData", IndexJobHarness.parameters(operation.getId(), caseId, null));
    return h.awaitOperation(operation.getId());
  }

  private static CustodianSource noncustodial(IndexJobHarness h, String caseId, String email) {
    NoncustodialSourceRepository repository =
        h.weld.select(NoncustodialSourceRepository.class).get();
    NoncustodialDataSource container = NoncustodialDataSource.add(caseId, email, Instant.now());
    CustodianSource source =
        CustodianSource.noncustodial(
            caseId, container.getId(), SourceKind.USER, email, null, ALICE, Instant.now());
    repository.add(container, source);
    return source;
  }

  static CaseOperation purge(
      IndexJobHarness h, SearchJobs s, String caseId, String query, boolean permanent, Properties p)
      throws InterruptedException {
    EdiscoverySearch search = s.searchAll(caseId, query);
    CaseOperation operation =
        CaseOperation.submit(
            caseId,
            CaseAction.purgeData,
            OperationTarget.search(search.getId(), List.of("mailboxes")),
            Map.of("purgeType", permanent ? "permanentlyDelete" : "recoverable"),
            IdentitySet.user("u1", "Alice"),
            Instant.now());
    h.operations.add(operation);
    h.jobs.start("purgeData", IndexJobHarness.parameters(operation.getId(), caseId, p));
    return h.awaitOperation(operation.getId());
  }

  /** The messages of an mbox, as the index splits them, as text. */
  static List<String> messages(Path mbox) throws IOException {
    List<String> texts = new ArrayList<>();
    try (MboxSplitter splitter = new MboxSplitter(Files.newInputStream(mbox), 0, Long.MAX_VALUE)) {
      for (MboxSplitter.Message m = splitter.next(); m != null; m = splitter.next()) {
        texts.add(new String(m.content(), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  private static List<String> folderNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static List<CSVRecord> report(String caseId, String operationId) throws IOException {
    Path file = CaseopsPaths.exportDir(caseId, operationId).resolve(PurgeEndBatchlet.REPORT);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  private static int hits(IndexJobHarness h, String caseId, String kql) throws IOException {
    try (DirectoryReader reader = h.openIndex(caseId)) {
      return new IndexSearcher(reader).count(KqlTranslator.toLucene(kql, null));
    }
  }

  private static String message(String subject, String body) {
    return Evidence.message(
        "ann@fabrikam.example",
        "ann@contoso.example",
        null,
        subject,
        "Mon, 1 Jan 2024 10:00:00 +0000",
        "<" + subject + "@fabrikam.example>",
        body);
  }
}
