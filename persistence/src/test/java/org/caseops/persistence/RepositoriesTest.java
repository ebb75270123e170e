package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemKey;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.SourceItemStats;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JPA repositories and the migrations, on H2 and on PostgreSQL. */
class RepositoriesTest {
  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  private static TestDatabase open(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void operationLifecycleIsGuardedAndProgressNeverGoesBack(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository ops = weld.select(CaseOperationRepository.class).get();
      IdentitySet alice = IdentitySet.user("u-1", "Alice");
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

      EdiscoveryCase c = EdiscoveryCase.open("Contoso v. Fabrikam", null, "CV-1", alice, now);
      cases.add(c);
      assertThat(cases.find(c.getId()))
          .get()
          .extracting(EdiscoveryCase::getCreatedDateTime)
          .isEqualTo(now);

      CaseOperation op = CaseOperation.submit(c.getId(), CaseAction.index, alice, now);
      ops.add(op);
      ops.markRunning(op.getId(), 42L);
      ops.raiseProgress(op.getId(), 40);
      ops.raiseProgress(op.getId(), 10);
      CaseOperation running = ops.find(c.getId(), op.getId()).orElseThrow();
      assertThat(running.getStatus()).isEqualTo(CaseOperationStatus.running);
      assertThat(running.getPercentProgress()).isEqualTo(40);
      assertThat(running.getExecutionId()).isEqualTo(42L);
      assertThat(running.getCreatedBy()).isEqualTo(alice);

      ops.complete(
          op.getId(),
          CaseOperationStatus.partiallySucceeded,
          new ResultInfo(207, 0, "1 unindexed"),
          now);
      ops.complete(op.getId(), CaseOperationStatus.failed, new ResultInfo(500, 0, "late"), now);
      ops.raiseProgress(op.getId(), 90);
      CaseOperation done = ops.find(op.getId()).orElseThrow();
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getPercentProgress()).isEqualTo(40);
      assertThat(done.getResultInfo().getMessage()).isEqualTo("1 unindexed");
      assertThat(done.getCompletedDateTime()).isEqualTo(now);
      assertThat(ops.list(c.getId(), 0, 10)).hasSize(1);
      assertThat(ops.find("other-case", op.getId())).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void itemsAreSavedOncePerLocationAndCounted(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      ItemRepository items = weld.select(ItemRepository.class).get();
      Instant now = Instant.now();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, now);
      cases.add(c);
      Custodian cu = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(cu);
      CustodianSource mailbox =
          CustodianSource.mailbox(c.getId(), cu.getId(), "adele@contoso.com", null, null, now);
      custodians.addSource(mailbox);

      Item a =
          Item.catalogued(c.getId(), mailbox.getId(), "inbox/a.eml", 100, "aa", "op1", now)
              .indexed();
      Item b =
          Item.catalogued(c.getId(), mailbox.getId(), "all.mbox#0", 50, "bb", "op1", now)
              .unindexed("corrupt");
      items.saveAll(List.of(a, b));
      Item a2 =
          Item.catalogued(c.getId(), mailbox.getId(), "inbox/a.eml", 120, "cc", "op2", now)
              .indexed();
      items.saveAll(List.of(a2));

      assertThat(items.countInSource(mailbox.getId())).isEqualTo(2);
      Map<String, String> known = items.knownHashes(List.of(a.getId(), b.getId(), "nope"));
      assertThat(known).containsEntry(a.getId(), "cc").containsEntry(b.getId(), "bb").hasSize(2);
      assertThat(items.statsOfCase(c.getId()))
          .containsExactly(new SourceItemStats(mailbox.getId(), 1, 120, 1, 50));

      custodians.markIndexed(List.of(mailbox.getId()), "op2");
      assertThat(custodians.listSourcesOfCase(c.getId()))
          .singleElement()
          .extracting(CustodianSource::getLastIndexOperationId)
          .isEqualTo("op2");
      assertThat(custodians.find(c.getId(), cu.getId()).orElseThrow().getLastIndexOperationId())
          .isEqualTo("op2");

      cases.delete(c.getId());
      assertThat(cases.exists(c.getId())).isFalse();
      assertThat(items.countInSource(mailbox.getId())).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void itemsMoveInChainsAndRingsKeepingTheirIdsWhateverTheOrderTheMovesAreGivenIn(
      TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      ItemRepository items = weld.select(ItemRepository.class).get();
      Instant now = Instant.now();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, now);
      cases.add(c);
      Custodian cu = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(cu);
      CustodianSource mailbox =
          CustodianSource.mailbox(c.getId(), cu.getId(), "adele@contoso.com", null, null, now);
      custodians.addSource(mailbox);
      List<Item> saved = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        saved.add(
            Item.catalogued(c.getId(), mailbox.getId(), "a.mbox#" + i * 10, 10, "s" + i, "op", now)
                .indexed());
      }
      items.saveAll(saved);
      String a = saved.get(0).getId();
      String b = saved.get(1).getId();
      String d = saved.get(3).getId();
      String e = saved.get(4).getId();
      String f = saved.get(5).getId();

      // A purge's moves: #10 removed, the rest towards the start, each onto the place of the one
      // before it; given from the last (the order a naive writer would trip over).
      items.deleteAll(List.of(b));
      Map<String, String> towardsStart = new java.util.LinkedHashMap<>();
      towardsStart.put(f, "a.mbox#40");
      towardsStart.put(e, "a.mbox#30");
      towardsStart.put(d, "a.mbox#20");
      towardsStart.put(saved.get(2).getId(), "a.mbox#10");
      items.moveAll(towardsStart);
      assertThat(locations(items, saved))
          .containsEntry(a, "a.mbox#0")
          .containsEntry(saved.get(2).getId(), "a.mbox#10")
          .containsEntry(d, "a.mbox#20")
          .containsEntry(e, "a.mbox#30")
          .containsEntry(f, "a.mbox#40");

      // A restore's moves, towards the end, given from the first; with a no-move among them.
      Map<String, String> towardsEnd = new java.util.LinkedHashMap<>();
      towardsEnd.put(a, "a.mbox#0");
      towardsEnd.put(saved.get(2).getId(), "a.mbox#20");
      towardsEnd.put(d, "a.mbox#30");
      towardsEnd.put(e, "a.mbox#40");
      towardsEnd.put(f, "a.mbox#50");
      items.moveAll(towardsEnd);
      assertThat(locations(items, saved))
          .containsEntry(a, "a.mbox#0")
          .containsEntry(saved.get(2).getId(), "a.mbox#20")
          .containsEntry(d, "a.mbox#30")
          .containsEntry(e, "a.mbox#40")
          .containsEntry(f, "a.mbox#50");

      // A ring (three items taking each other's places) beside a chain of two.
      Map<String, String> ring = new java.util.LinkedHashMap<>();
      ring.put(a, "a.mbox#60");
      ring.put(d, "a.mbox#40");
      ring.put(e, "a.mbox#50");
      ring.put(f, "a.mbox#30");
      ring.put(saved.get(2).getId(), "a.mbox#0");
      items.moveAll(ring);
      assertThat(locations(items, saved))
          .containsEntry(a, "a.mbox#60")
          .containsEntry(saved.get(2).getId(), "a.mbox#0")
          .containsEntry(d, "a.mbox#40")
          .containsEntry(e, "a.mbox#50")
          .containsEntry(f, "a.mbox#30")
          .hasSize(5);
      assertThat(items.listInFile(mailbox.getId(), "a.mbox")).hasSize(5);
    }
  }

  private static Map<String, String> locations(ItemRepository items, List<Item> saved) {
    Map<String, String> at = new java.util.HashMap<>();
    for (Item item : items.findAll(saved.stream().map(Item::getId).toList())) {
      at.put(item.getId(), item.getLocation());
    }
    return at;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theKeysOfACasesItemsInSomeSourcesComeAPageAtATimeInIdOrder(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      ItemRepository items = weld.select(ItemRepository.class).get();
      Instant now = Instant.now();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, now);
      cases.add(c);
      Custodian cu = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(cu);
      CustodianSource mailbox =
          CustodianSource.mailbox(c.getId(), cu.getId(), "adele@contoso.com", null, null, now);
      CustodianSource other =
          CustodianSource.mailbox(c.getId(), cu.getId(), "adele2@contoso.com", null, null, now);
      custodians.addSource(mailbox);
      custodians.addSource(other);
      List<Item> saved = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        Item item =
            Item.catalogued(c.getId(), mailbox.getId(), "inbox/" + i + ".eml", 10, "a", "op", now);
        saved.add(i % 3 == 0 ? item.unindexed("corrupt") : item.indexed());
      }
      items.saveAll(saved);
      items.saveAll(
          List.of(
              Item.catalogued(c.getId(), other.getId(), "inbox/x.eml", 10, "a", "op", now)
                  .indexed()));
      List<ItemKey> expected =
          saved.stream()
              .map(item -> new ItemKey(item.getId(), item.isIndexed()))
              .sorted(Comparator.comparing(ItemKey::id))
              .toList();

      List<ItemKey> read = new ArrayList<>();
      String after = null;
      for (; ; ) {
        List<ItemKey> page =
            items.keysInSourcesAfter(c.getId(), List.of(mailbox.getId()), after, 3);
        assertThat(page.size()).isLessThanOrEqualTo(3);
        if (page.isEmpty()) {
          break;
        }
        read.addAll(page);
        after = page.get(page.size() - 1).id();
      }
      assertThat(read).isEqualTo(expected);
      assertThat(
              items.keysInSourcesAfter(
                  c.getId(), List.of(mailbox.getId(), other.getId()), null, 100))
          .hasSize(8);
      assertThat(items.keysInSourcesAfter("other-case", List.of(mailbox.getId()), null, 100))
          .isEmpty();
      assertThat(items.keysInSourcesAfter(c.getId(), List.of(), null, 100)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aProductionReadsAReviewSetsFilesInOrderAPageAtATimeWithTheirCc(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      ItemRepository items = weld.select(ItemRepository.class).get();
      ReviewSetRepository sets = weld.select(ReviewSetRepository.class).get();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, now);
      cases.add(c);
      Custodian cu = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(cu);
      CustodianSource mailbox =
          CustodianSource.mailbox(c.getId(), cu.getId(), "adele@contoso.com", null, null, now);
      custodians.addSource(mailbox);
      ReviewSet set = ReviewSet.create(c.getId(), "Set", IdentitySet.user("u-1", "Alice"), now);
      sets.add(set);
      // Five files added at once, two a second later, one after the export was asked for; the
      // catalog no longer has the entry of one of them (which keeps the Cc copied when it was
      // added).
      List<ReviewSetItem> files = new ArrayList<>();
      List<Item> catalogued = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Item item =
            Item.catalogued(c.getId(), mailbox.getId(), "inbox/" + i + ".eml", 10, "a", "op", now)
                .withMessage(
                    "s" + i, "f", "t", i % 2 == 0 ? "cc" + i + "@contoso.com" : null, now, null, 0)
                .indexed();
        if (i != 2) {
          catalogued.add(item);
        }
        Instant added = i < 5 ? now : i < 7 ? now.plusSeconds(1) : now.plusSeconds(3);
        files.add(ReviewSetItem.copyOf(set.getId(), item, "email", "s" + i, "op", added));
      }
      items.saveAll(catalogued);
      sets.addItems(files);
      Instant until = now.plusSeconds(2);
      List<ReviewSetItem> expected =
          files.stream()
              .filter(f -> !f.getAddedDateTime().isAfter(until))
              .sorted(
                  Comparator.comparing(ReviewSetItem::getAddedDateTime)
                      .thenComparing(ReviewSetItem::getId))
              .toList();

      List<ReviewSetRepository.FileWithCc> read = new ArrayList<>();
      ReviewSetItem last = null;
      for (; ; ) {
        List<ReviewSetRepository.FileWithCc> page =
            sets.filesToExport(
                set.getId(),
                until,
                last == null ? null : last.getAddedDateTime(),
                last == null ? null : last.getId(),
                false,
                3);
        assertThat(page.size()).isLessThanOrEqualTo(3);
        if (page.isEmpty()) {
          break;
        }
        read.addAll(page);
        last = page.get(page.size() - 1).file();
      }
      assertThat(read)
          .extracting(f -> f.file().getId())
          .containsExactlyElementsOf(expected.stream().map(ReviewSetItem::getId).toList());
      for (ReviewSetRepository.FileWithCc f : read) {
        int i = Integer.parseInt(f.file().getName().substring(1));
        assertThat(f.cc())
            .as(f.file().getName())
            .isEqualTo(i % 2 == 0 ? "cc" + i + "@contoso.com" : "");
      }
      // Files added before the review-set files kept their Cc get their catalog entry's from the
      // migration that added the column (V17): its backfill, run again on files without one.
      try (Connection connection = db.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("UPDATE review_set_item SET recipients_cc = NULL");
        statement.executeUpdate(backfillOfV17());
      }
      for (ReviewSetRepository.FileWithCc f :
          sets.filesToExport(set.getId(), until, null, null, false, 100)) {
        int i = Integer.parseInt(f.file().getName().substring(1));
        assertThat(f.cc())
            .as(f.file().getName())
            .isEqualTo(i % 2 == 0 && i != 2 ? "cc" + i + "@contoso.com" : "");
      }
      // From a given file, inclusive: it comes first again.
      ReviewSetItem third = expected.get(2);
      assertThat(
              sets.filesToExport(
                  set.getId(), until, third.getAddedDateTime(), third.getId(), true, 2))
          .extracting(f -> f.file().getId())
          .containsExactly(third.getId(), expected.get(3).getId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aReviewSetsFilesAreListedInTheOrderTheyWereAddedAPageAtATime(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      ReviewSetRepository sets = weld.select(ReviewSetRepository.class).get();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, now);
      cases.add(c);
      Custodian cu = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(cu);
      CustodianSource mailbox =
          CustodianSource.mailbox(c.getId(), cu.getId(), "adele@contoso.com", null, null, now);
      custodians.addSource(mailbox);
      IdentitySet alice = IdentitySet.user("u-1", "Alice");
      ReviewSet set = ReviewSet.create(c.getId(), "Set", alice, now);
      ReviewSet other = ReviewSet.create(c.getId(), "Other", alice, now);
      sets.add(set);
      sets.add(other);
      // Eleven files added in three batches, the last added first in time, and files of another
      // review set in between, which the list never shows.
      List<ReviewSetItem> files = new ArrayList<>();
      List<ReviewSetItem> others = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        Item item =
            Item.catalogued(c.getId(), mailbox.getId(), "inbox/" + i + ".eml", 10, "a", "op", now)
                .withMessage("s" + i, "f", "t", null, now, null, 0)
                .indexed();
        Instant added = now.minusSeconds(i < 4 ? 0 : i < 9 ? 5 : 10);
        files.add(ReviewSetItem.copyOf(set.getId(), item, "email", "s" + i, "op", added));
        if (i % 2 == 0) {
          others.add(
              ReviewSetItem.copyOf(
                  other.getId(), item, "email", "s" + i, "op", added.plusMillis(1)));
        }
      }
      sets.addItems(files);
      sets.addItems(others);
      List<String> expected =
          files.stream()
              .sorted(
                  Comparator.comparing(ReviewSetItem::getAddedDateTime)
                      .thenComparing(ReviewSetItem::getId))
              .map(ReviewSetItem::getId)
              .toList();

      List<String> read = new ArrayList<>();
      for (int offset = 0; ; offset += 3) {
        List<ReviewSetItem> page = sets.listItems(set.getId(), offset, 3);
        assertThat(page.size()).isLessThanOrEqualTo(3);
        if (page.isEmpty()) {
          break;
        }
        page.forEach(f -> assertThat(f.getReviewSetId()).isEqualTo(set.getId()));
        page.forEach(f -> read.add(f.getId()));
      }
      assertThat(read).containsExactlyElementsOf(expected);
      assertThat(sets.listItems(set.getId(), 9, 5))
          .extracting(ReviewSetItem::getId)
          .containsExactlyElementsOf(expected.subList(9, 11));
      // A client's own order still decides, the id breaking ties.
      List<ListQuery.OrderKey> bySizeThenName =
          List.of(new ListQuery.OrderKey("size", false), new ListQuery.OrderKey("name", true));
      assertThat(sets.listItems(set.getId(), new ListQuery(null, bySizeThenName, 0, 20)))
          .extracting(ReviewSetItem::getName)
          .containsExactlyElementsOf(
              files.stream()
                  .map(ReviewSetItem::getName)
                  .sorted(Comparator.reverseOrder())
                  .toList());
      assertThat(sets.countItems(set.getId())).isEqualTo(11);
    }
  }

  /** The statement of migration V17 that copies the catalog's Cc onto the review set's files. */
  private static String backfillOfV17() throws IOException {
    try (InputStream in =
        RepositoriesTest.class.getResourceAsStream("/db/migration/V17__review_set_item_cc.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> line.startsWith("UPDATE "))
          .findFirst()
          .map(line -> line.substring(0, line.lastIndexOf(';')))
          .orElseThrow();
    }
  }
}
