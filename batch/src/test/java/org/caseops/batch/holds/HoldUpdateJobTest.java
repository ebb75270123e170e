package org.caseops.batch.holds;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedHoldFailures;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemState;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The holdUpdate job and the index under a hold, on JBeret SE. */
class HoldUpdateJobTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aHoldPreservesEveryItemOnceByHashAndKeepsWhatChangesOrVanishesAtTheSource(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      Path folder = h.folderOf(mailbox);
      String walrus = message("walrus", "The walrus report is due.");
      Evidence.write(folder.resolve("a.eml"), walrus);
      Evidence.write(folder.resolve("copy.eml"), walrus);
      String budget = message("budget", "The budget draft, first version: penguin.");
      Evidence.write(folder.resolve("b.eml"), budget);
      Evidence.write(
          folder.resolve("archive.mbox"),
          "From a@b Mon Jan  1 00:00:00 2024\n"
              + message("m1", "narwhal one")
              + "\nFrom a@b Mon Jan  1 00:00:00 2024\n"
              + message("m2", "narwhal two"));
      s.index(caseId);

      CaseOperation applied = hold(s, caseId, false, megan.getId());

      assertThat(applied.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(applied.getResultInfo().getMessage())
          .isEqualTo("The hold of 1 custodian is applied: 5 item versions preserved.");
      assertThat(holdStatus(h, megan)).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(sourceHoldStatus(h, mailbox)).isEqualTo(DataSourceHoldStatus.applied);
      List<PreservedItem> records = holds.listOfCustodian(caseId, megan.getId());
      assertThat(records).hasSize(5);
      // a.eml and copy.eml are two items with one content, stored once.
      assertThat(blobs(caseId)).isEqualTo(4);
      ContentStore store = h.weld.select(ContentStore.class).get();
      for (PreservedItem record : records) {
        try (InputStream in = store.open(caseId, record.getSha256()).orElseThrow()) {
          assertThat(Evidence.sha256(in.readAllBytes())).isEqualTo(record.getSha256());
        }
      }
      String walrusSha = Evidence.sha256(walrus.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String budgetSha = Evidence.sha256(budget.getBytes(java.nio.charset.StandardCharsets.UTF_8));

      // Applying again preserves nothing twice.
      assertThat(hold(s, caseId, false, megan.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(5);
      assertThat(blobs(caseId)).isEqualTo(4);

      // At the source: a.eml vanishes, b.eml changes, a new message arrives.
      Files.delete(folder.resolve("a.eml"));
      String budget2 = message("budget", "The budget draft, second version: puffin.");
      Evidence.write(folder.resolve("b.eml"), budget2);
      Evidence.write(folder.resolve("new.eml"), message("new", "A new message about orcas."));
      s.index(caseId);

      // The new message and the new version are preserved by the index; the earlier version stays.
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(7);
      assertThat(
              holds.listOfCustodian(caseId, megan.getId()).stream()
                  .filter(r -> r.getItemId().equals(Item.idFor(mailbox.getId(), "b.eml")))
                  .map(PreservedItem::getSha256)
                  .collect(Collectors.toSet()))
          .containsExactlyInAnyOrder(
              budgetSha,
              Evidence.sha256(budget2.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(store.contains(caseId, budgetSha)).isTrue();
      assertThat(blobs(caseId)).isEqualTo(6);
      // The vanished message and the earlier version of the changed one are kept from their
      // preserved copies, as items of the catalog that say so.
      assertThat(holds.preservedOnlyBySource(caseId)).containsEntry(mailbox.getId(), 2L);
      Item earlier =
          h.items.findAll(List.of(Item.versionIdFor(mailbox.getId(), "b.eml", budgetSha))).get(0);
      assertThat(earlier.getState()).isEqualTo(ItemState.preservedOnly);
      assertThat(earlier.getSha256()).isEqualTo(budgetSha);
      assertThat(earlier.getLocation()).isEqualTo("b.eml");
      assertThat(earlier.getSubject()).isEqualTo("budget");
      Item latest = h.items.findAll(List.of(Item.idFor(mailbox.getId(), "b.eml"))).get(0);
      assertThat(latest.getState()).isEqualTo(ItemState.current);
      // Both versions of the changed message are found.
      assertThat(hits(h, caseId, "penguin")).isEqualTo(1);
      assertThat(hits(h, caseId, "puffin")).isEqualTo(1);
      assertThat(hits(h, caseId, "subject:budget")).isEqualTo(2);

      // The vanished message is still found, with its original hash, and goes into a review set
      // from its preserved copy.
      assertThat(hits(h, caseId, "walrus")).isEqualTo(2);
      assertThat(hits(h, caseId, "orcas")).isEqualTo(1);
      Item vanished = h.items.findAll(List.of(Item.idFor(mailbox.getId(), "a.eml"))).get(0);
      assertThat(vanished.getSha256()).isEqualTo(walrusSha);
      assertThat(vanished.getState()).isEqualTo(ItemState.preservedOnly);
      Item copy = h.items.findAll(List.of(Item.idFor(mailbox.getId(), "copy.eml"))).get(0);
      assertThat(copy.getState()).isEqualTo(ItemState.current);
      EdiscoverySearch search = s.searchAll(caseId, "walrus");
      ReviewSet set = s.reviewSet(caseId, "Walrus");
      CaseOperation added =
          s.run(
              caseId,
              CaseAction.addToReviewSet,
              OperationTarget.reviewSet(set.getId(), search.getId(), List.of()));
      assertThat(added.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      List<ReviewSetItem> files = s.reviewSets.listItems(set.getId(), 0, 10);
      assertThat(files).extracting(ReviewSetItem::getLocation).contains("a.eml", "copy.eml");
      assertThat(files).extracting(ReviewSetItem::getSha256).containsOnly(walrusSha);

      // The earlier version goes into a review set from its preserved copy too.
      ReviewSet drafts = s.reviewSet(caseId, "Drafts");
      CaseOperation addedDraft =
          s.run(
              caseId,
              CaseAction.addToReviewSet,
              OperationTarget.reviewSet(
                  drafts.getId(), s.searchAll(caseId, "penguin").getId(), List.of()));
      assertThat(addedDraft.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(s.reviewSets.listItems(drafts.getId(), 0, 10))
          .extracting(ReviewSetItem::getSha256)
          .containsExactly(budgetSha);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyPreservedVersionStaysSearchableUntilTheHoldIsRemoved(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      ContentStore store = h.weld.select(ContentStore.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      Path folder = h.folderOf(mailbox);
      Evidence.write(folder.resolve("keep.eml"), message("keep", "Unchanged all along: gannet."));
      s.index(caseId);
      assertThat(hold(s, caseId, false, megan.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);

      // Arriving after the hold, then changing twice: every version is kept and found.
      String v1 = message("plan", "Plan, first: albatross.");
      String v2 = message("plan", "Plan, second: cormorant.");
      String v3 = message("plan", "Plan, third: dunlin.");
      Evidence.write(folder.resolve("plan.eml"), v1);
      s.index(caseId);
      Evidence.write(folder.resolve("plan.eml"), v2);
      s.index(caseId);
      Evidence.write(folder.resolve("plan.eml"), v3);
      s.index(caseId);
      assertThat(hits(h, caseId, "albatross")).isEqualTo(1);
      assertThat(hits(h, caseId, "cormorant")).isEqualTo(1);
      assertThat(hits(h, caseId, "dunlin")).isEqualTo(1);
      assertThat(hits(h, caseId, "subject:plan")).isEqualTo(3);
      assertThat(holds.preservedOnlyBySource(caseId)).containsEntry(mailbox.getId(), 2L);
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(4);
      for (String v : List.of(v1, v2, v3)) {
        assertThat(store.contains(caseId, sha(v))).isTrue();
      }
      // Applying the hold again finds nothing left to preserve, and the kept versions are not
      // items it would miss.
      CaseOperation again = hold(s, caseId, false, megan.getId());
      assertThat(again.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(4);

      // Back to the first version: it is the current item again, not a kept one beside it.
      Evidence.write(folder.resolve("plan.eml"), v1);
      s.index(caseId);
      assertThat(hits(h, caseId, "albatross")).isEqualTo(1);
      assertThat(hits(h, caseId, "subject:plan")).isEqualTo(3);
      assertThat(h.items.findAll(List.of(Item.versionIdFor(mailbox.getId(), "plan.eml", sha(v1)))))
          .isEmpty();
      assertThat(holds.preservedOnlyBySource(caseId)).containsEntry(mailbox.getId(), 2L);

      // Deleted at the source: still found, kept as preserved only; back at the source unchanged:
      // current again.
      Files.delete(folder.resolve("keep.eml"));
      s.index(caseId);
      assertThat(hits(h, caseId, "gannet")).isEqualTo(1);
      Item keep = h.items.findAll(List.of(Item.idFor(mailbox.getId(), "keep.eml"))).get(0);
      assertThat(keep.getState()).isEqualTo(ItemState.preservedOnly);
      assertThat(holds.preservedOnlyBySource(caseId)).containsEntry(mailbox.getId(), 3L);
      Evidence.write(folder.resolve("keep.eml"), message("keep", "Unchanged all along: gannet."));
      s.index(caseId);
      keep = h.items.findAll(List.of(Item.idFor(mailbox.getId(), "keep.eml"))).get(0);
      assertThat(keep.getState()).isEqualTo(ItemState.current);
      assertThat(holds.preservedOnlyBySource(caseId)).containsEntry(mailbox.getId(), 2L);

      // Deleted again, then the hold is removed: what the source no longer has leaves the catalog,
      // the index and the content store; what it has stays searchable.
      Files.delete(folder.resolve("keep.eml"));
      s.index(caseId);
      // An estimate counts the kept items among its hits, and says how many of them are kept
      // from preserved copies only: the two earlier versions of the plan and the deleted gannet.
      EstimateStatistics held = estimate(s, caseId, "subject:plan OR gannet");
      assertThat(held.getIndexedItemCount()).isEqualTo(4);
      assertThat(held.getPreservedOnlyItemCount()).isEqualTo(3);
      assertThat(estimate(s, caseId, "albatross").getPreservedOnlyItemCount()).isZero();
      assertThat(estimate(s, caseId, "cormorant OR albatross").getPreservedOnlyItemCount())
          .isEqualTo(1);
      CaseOperation removed = hold(s, caseId, true, megan.getId());
      assertThat(removed.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(hits(h, caseId, "gannet")).isZero();
      assertThat(hits(h, caseId, "cormorant")).isZero();
      assertThat(hits(h, caseId, "dunlin")).isZero();
      assertThat(hits(h, caseId, "albatross")).isEqualTo(1);
      assertThat(holds.preservedOnlyBySource(caseId)).doesNotContainKey(mailbox.getId());
      assertThat(h.items.countInSource(mailbox.getId())).isEqualTo(1);
      assertThat(blobs(caseId)).isZero();
      EstimateStatistics released = estimate(s, caseId, "subject:plan OR gannet");
      assertThat(released.getIndexedItemCount()).isEqualTo(1);
      assertThat(released.getPreservedOnlyItemCount()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void overlappingHoldsShareBytesAndRemovalFreesOnlyWhatNothingElseNeeds(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian ann = h.newCustodian(caseId, "ann@contoso.example");
      Custodian bob = h.newCustodian(caseId, "bob@contoso.example");
      Path annFolder = h.folderOf(h.mailbox(ann));
      Path bobFolder = h.folderOf(h.mailbox(bob));
      String shared = message("shared", "Minutes of the shared meeting.");
      Evidence.write(annFolder.resolve("x.eml"), message("x", "Only ann has this kestrel."));
      Evidence.write(annFolder.resolve("shared.eml"), shared);
      Evidence.write(bobFolder.resolve("shared.eml"), shared);
      Evidence.write(bobFolder.resolve("y.eml"), message("y", "Only bob has this heron."));
      s.index(caseId);

      CaseOperation both = hold(s, caseId, false, ann.getId(), bob.getId());
      assertThat(both.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(holds.countOfCustodian(caseId, ann.getId())).isEqualTo(2);
      assertThat(holds.countOfCustodian(caseId, bob.getId())).isEqualTo(2);
      assertThat(blobs(caseId)).isEqualTo(3);

      // Bob's heron message is also in a review set.
      ReviewSet set = s.reviewSet(caseId, "Heron");
      EdiscoverySearch heron = s.searchAll(caseId, "heron");
      assertThat(
              s.run(
                      caseId,
                      CaseAction.addToReviewSet,
                      OperationTarget.reviewSet(set.getId(), heron.getId(), List.of()))
                  .getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(blobs(caseId)).isEqualTo(3);

      CaseOperation annRemoved = hold(s, caseId, true, ann.getId());
      assertThat(annRemoved.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(annRemoved.getResultInfo().getMessage())
          .isEqualTo(
              "The hold of 1 custodian is removed: 1 preserved copy that nothing else needs"
                  + " freed.");
      assertThat(holdStatus(h, ann)).isEqualTo(DataSourceHoldStatus.notApplied);
      assertThat(holdStatus(h, bob)).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(holds.countOfCustodian(caseId, ann.getId())).isZero();
      // The kestrel copy is gone; the shared copy stays under bob's hold.
      assertThat(blobs(caseId)).isEqualTo(2);

      CaseOperation bobRemoved = hold(s, caseId, true, bob.getId());
      assertThat(bobRemoved.getResultInfo().getMessage())
          .isEqualTo(
              "The hold of 1 custodian is removed: 1 preserved copy that nothing else needs"
                  + " freed.");
      // The heron copy stays for the review set.
      assertThat(blobs(caseId)).isEqualTo(1);
      ReviewSetItem file = s.reviewSets.listItems(set.getId(), 0, 10).get(0);
      assertThat(h.weld.select(ContentStore.class).get().contains(caseId, file.getSha256()))
          .isTrue();
      assertThat(holdStatus(h, bob)).isEqualTo(DataSourceHoldStatus.notApplied);

      // Released and activated again, the custodian keeps no hold.
      Instant at = Instant.parse("2026-03-01T10:00:00Z");
      h.custodians.setStatus(caseId, ann.getId(), DataSourceContainerStatus.released, at);
      Custodian released = h.custodians.find(caseId, ann.getId()).orElseThrow();
      assertThat(released.getStatus()).isEqualTo(DataSourceContainerStatus.released);
      assertThat(released.getReleasedDateTime()).isEqualTo(at);
      assertThat(h.custodians.releasedCustodianIds(caseId)).containsExactly(ann.getId());
      h.custodians.setStatus(caseId, ann.getId(), DataSourceContainerStatus.active, at);
      Custodian active = h.custodians.find(caseId, ann.getId()).orElseThrow();
      assertThat(active.getStatus()).isEqualTo(DataSourceContainerStatus.active);
      assertThat(active.getReleasedDateTime()).isNull();

      // Without a hold, the index preserves nothing.
      Evidence.write(annFolder.resolve("z.eml"), message("z", "Unheld arrival."));
      s.index(caseId);
      assertThat(holds.countOfCustodian(caseId, ann.getId())).isZero();
      assertThat(blobs(caseId)).isEqualTo(1);
    }
  }

  @Test
  void aMessageDeletedFromAHeldMboxAtTheSourceIsKeptAndTheMessagesItMovedAreFoundOnce()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      Path folder = h.folderOf(mailbox);
      String from = "From a@b Mon Jan  1 00:00:00 2024\n";
      String one = from + message("m1", "narwhal beluga") + "\n";
      String two = from + message("m2", "narwhal orca") + "\n";
      String three = from + message("m3", "narwhal dugong") + "\n";
      Evidence.write(folder.resolve("archive.mbox"), one + two + three);
      s.index(caseId);
      assertThat(hold(s, caseId, false, megan.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(3);
      Map<String, String> idsBefore =
          h.items.listInSource(mailbox.getId(), 0, 10).stream()
              .collect(Collectors.toMap(Item::getSha256, Item::getId));

      // The custodian deletes the first message: the other two move up in the mbox.
      Evidence.write(folder.resolve("archive.mbox"), two + three);
      s.index(caseId);

      List<Item> items = h.items.listInSource(mailbox.getId(), 0, 10);
      assertThat(items).hasSize(3);
      Map<String, Item> bySha = items.stream().collect(Collectors.toMap(Item::getSha256, i -> i));
      Item deleted = bySha.get(sha(message("m1", "narwhal beluga")));
      assertThat(deleted.getState()).isEqualTo(ItemState.preservedOnly);
      assertThat(deleted.getId()).isEqualTo(idsBefore.get(deleted.getSha256()));
      Item orca = bySha.get(sha(message("m2", "narwhal orca")));
      Item dugong = bySha.get(sha(message("m3", "narwhal dugong")));
      assertThat(orca.getLocation()).isEqualTo("archive.mbox#0");
      assertThat(dugong.getLocation()).isEqualTo("archive.mbox#" + two.length());
      for (Item moved : List.of(orca, dugong)) {
        assertThat(moved.getState()).isEqualTo(ItemState.current);
        assertThat(moved.getId()).isEqualTo(idsBefore.get(moved.getSha256()));
      }
      // Nothing new to preserve: the moved messages' bytes are those the hold keeps.
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(3);
      assertThat(holds.preservedOnlyBySource(caseId)).containsEntry(mailbox.getId(), 1L);
      // Each message is found once; the deleted one from its preserved copy.
      assertThat(hits(h, caseId, "narwhal")).isEqualTo(3);
      assertThat(hits(h, caseId, "beluga")).isEqualTo(1);
      assertThat(hits(h, caseId, "orca")).isEqualTo(1);
      assertThat(hits(h, caseId, "dugong")).isEqualTo(1);
    }
  }

  @Test
  void aClosingCaseIsClosedWhenTheReleaseOfItsHoldsEnds() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      Path folder = h.folderOf(h.mailbox(megan));
      Evidence.write(folder.resolve("kept.eml"), message("kept", "kept"));
      s.index(caseId);
      assertThat(hold(s, caseId, false, megan.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      EdiscoveryCase c = h.cases.find(caseId).orElseThrow();
      IdentitySet bob = IdentitySet.user("u2", "Bob");
      c.beginClosing(bob, Instant.now());
      h.cases.update(c);

      CaseOperation released = hold(s, caseId, true, megan.getId());

      assertThat(released.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      EdiscoveryCase closed = h.cases.find(caseId).orElseThrow();
      assertThat(closed.getStatus()).isEqualTo(CaseStatus.closed);
      assertThat(closed.getClosedBy()).isEqualTo(bob);
      assertThat(closed.getClosedDateTime()).isNotNull();
      assertThat(holdStatus(h, megan)).isEqualTo(DataSourceHoldStatus.notApplied);
      // Still readable: the catalog and the index are as they were.
      assertThat(hits(h, caseId, "kept")).isEqualTo(1);
    }
  }

  @Test
  void aHoldChangeInAnActiveCaseLeavesItsStatusAlone() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      h.folderOf(h.mailbox(megan));
      hold(s, caseId, false, megan.getId());
      hold(s, caseId, true, megan.getId());
      EdiscoveryCase after = h.cases.find(caseId).orElseThrow();
      assertThat(after.getStatus()).isEqualTo(CaseStatus.active);
      assertThat(after.getClosedDateTime()).isNull();
    }
  }

  @Test
  void noCopyIsFreedWhileAnIndexOfTheCaseRuns() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      Path folder = h.folderOf(h.mailbox(megan));
      Evidence.write(folder.resolve("kept.eml"), message("kept", "kept"));
      s.index(caseId);
      assertThat(hold(s, caseId, false, megan.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      CaseOperation indexing =
          CaseOperation.submit(
              caseId, CaseAction.index, IdentitySet.user("u1", "Alice"), Instant.now());
      h.operations.add(indexing);

      CaseOperation removed = hold(s, caseId, true, megan.getId());

      assertThat(removed.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(removed.getResultInfo().getMessage())
          .isEqualTo(
              "The hold of 1 custodian is removed: 0 preserved copies that nothing else needs"
                  + " freed. No copy was freed, as the index operation '"
                  + indexing.getId()
                  + "' of the case was running: those copies stay.");
      assertThat(blobs(caseId)).isEqualTo(1);
      assertThat(holdStatus(h, megan)).isEqualTo(DataSourceHoldStatus.notApplied);
      h.operations.complete(indexing.getId(), CaseOperationStatus.failed, null, Instant.now());
    }
  }

  @Test
  void withLinksOnAWholeFileIsPreservedAsAHardLinkCheckedAgainstItsHash() throws Exception {
    System.setProperty("caseops.hold.links", "true");
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      Path folder = h.folderOf(h.mailbox(megan));
      String kept = message("kept", "kept as it was indexed");
      Evidence.write(folder.resolve("kept.eml"), kept);
      Evidence.write(folder.resolve("changed.eml"), message("changed", "first version"));
      String inside = message("inside", "a message inside an mbox");
      Evidence.write(
          folder.resolve("archive.mbox"), "From a@b Mon Jan  1 00:00:00 2024\n" + inside);
      s.index(caseId);
      // Changed after the index: its bytes no longer have the catalogued hash.
      Evidence.write(folder.resolve("changed.eml"), message("changed", "second version"));

      CaseOperation done = hold(s, caseId, false, megan.getId());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage())
          .startsWith("The hold of 1 custodian is partial: 2 item versions preserved; 1 item could")
          .endsWith("megan@contoso.example: changed.eml.");
      assertThat(holds.listOfCustodian(caseId, megan.getId()))
          .extracting(PreservedItem::getSha256)
          .containsExactlyInAnyOrder(sha(kept), sha(inside));
      Path stored = stored(caseId, sha(kept));
      // The whole file is linked, not copied; the message inside the mbox is copied.
      assertThat(Files.isSameFile(stored, folder.resolve("kept.eml"))).isTrue();
      assertThat(stored(caseId, sha(inside))).hasContent(inside);
      assertThat(blobs(caseId)).isEqualTo(2);
      // Deleted at its source, the linked file stays in the store with its bytes.
      Files.delete(folder.resolve("kept.eml"));
      assertThat(stored).hasContent(kept);
    } finally {
      System.clearProperty("caseops.hold.links");
    }
  }

  @Test
  void withLinksOffByDefaultAWholeFileIsCopied() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      Path folder = h.folderOf(h.mailbox(megan));
      String kept = message("kept", "kept as it was indexed");
      Evidence.write(folder.resolve("kept.eml"), kept);
      s.index(caseId);

      assertThat(hold(s, caseId, false, megan.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);

      assertThat(Files.isSameFile(stored(caseId, sha(kept)), folder.resolve("kept.eml"))).isFalse();
      // Bytes written into the file in place do not reach the preserved copy.
      Evidence.write(folder.resolve("kept.eml"), message("kept", "written over in place"));
      assertThat(stored(caseId, sha(kept))).hasContent(kept);
    }
  }

  private static Path stored(String caseId, String sha) {
    return CaseopsPaths.contentDir(caseId).resolve(sha.substring(0, 2)).resolve(sha);
  }

  @Test
  void anItemThatCannotBePreservedMakesTheHoldPartialAndIsNamed() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      Path folder = h.folderOf(h.mailbox(megan));
      Evidence.write(folder.resolve("kept.eml"), message("kept", "kept"));
      Evidence.write(folder.resolve("gone.eml"), message("gone", "gone"));
      s.index(caseId);
      Files.delete(folder.resolve("gone.eml"));

      CaseOperation done = hold(s, caseId, false, megan.getId());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage())
          .startsWith("The hold of 1 custodian is partial: 1 item version preserved; 1 item could")
          .endsWith("megan@contoso.example: gone.eml.");
      assertThat(holdStatus(h, megan)).isEqualTo(DataSourceHoldStatus.partial);
    }
  }

  @Test
  void aHoldRestartedAfterAFailureInTheMiddleOfAChunkPreservesEveryItemExactlyOnce()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      Path folder = h.folderOf(h.mailbox(megan));
      for (int i = 0; i < 7; i++) {
        Evidence.write(folder.resolve("m" + i + ".eml"), message("m" + i, "message " + i));
      }
      s.index(caseId);
      Properties small = new Properties();
      small.setProperty("itemCount", "2");
      small.setProperty("pageSize", "3");
      InducedHoldFailures.failPreserveOnce(2);
      try {
        CaseOperation operation =
            CaseOperation.submit(
                caseId,
                CaseAction.holdUpdate,
                OperationTarget.custodians(List.of(megan.getId()), OperationTarget.APPLY_HOLD),
                IdentitySet.user("u1", "Alice"),
                Instant.now());
        h.operations.add(operation);
        String operationId = operation.getId();
        h.jobs.start("holdUpdate", IndexJobHarness.parameters(operationId, caseId, small));
        long first = h.awaitExecutionId(operationId);
        assertThat(h.awaitEnd(first, operationId)).isEqualTo(BatchStatus.FAILED);
        assertThat(h.operations.find(operationId).orElseThrow().getStatus())
            .isEqualTo(CaseOperationStatus.failed);
        // The failed chunk's contents were copied, its records were not written.
        assertThat(holds.countOfCustodian(caseId, megan.getId())).isEqualTo(2);
        assertThat(holdStatus(h, megan)).isEqualTo(DataSourceHoldStatus.applying);

        long restart =
            h.jobs.restart(first, IndexJobHarness.parameters(operationId, caseId, small));
        assertThat(h.awaitEnd(restart, operationId)).isEqualTo(BatchStatus.COMPLETED);
        CaseOperation done = h.operations.find(operationId).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
        assertThat(done.getPercentProgress()).isEqualTo(100);
        List<PreservedItem> records = holds.listOfCustodian(caseId, megan.getId());
        assertThat(records).hasSize(7);
        assertThat(records.stream().map(PreservedItem::getItemId).distinct().count()).isEqualTo(7);
        assertThat(blobs(caseId)).isEqualTo(7);
        assertThat(holdStatus(h, megan)).isEqualTo(DataSourceHoldStatus.applied);
      } finally {
        InducedHoldFailures.reset();
      }
    }
  }

  private static CaseOperation hold(SearchJobs s, String caseId, boolean remove, String... ids)
      throws InterruptedException {
    return s.run(
        caseId,
        CaseAction.holdUpdate,
        OperationTarget.custodians(
            List.of(ids), remove ? OperationTarget.REMOVE_HOLD : OperationTarget.APPLY_HOLD));
  }

  private static EstimateStatistics estimate(SearchJobs s, String caseId, String query)
      throws InterruptedException {
    EdiscoverySearch search = s.searchAll(caseId, query);
    CaseOperation done =
        s.run(
            caseId,
            CaseAction.estimateStatistics,
            OperationTarget.search(search.getId(), List.of()));
    assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
    return done.getEstimate();
  }

  private static String sha(String message) {
    return Evidence.sha256(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String message(String subject, String body) {
    return Evidence.message(
        "ann@fabrikam.example",
        "megan@contoso.example",
        null,
        subject,
        "Mon, 1 Jan 2024 10:00:00 +0000",
        "<" + subject + "@fabrikam.example>",
        body);
  }

  private static DataSourceHoldStatus holdStatus(IndexJobHarness h, Custodian custodian) {
    return h.custodians
        .find(custodian.getCaseId(), custodian.getId())
        .orElseThrow()
        .getHoldStatus();
  }

  private static DataSourceHoldStatus sourceHoldStatus(IndexJobHarness h, CustodianSource source) {
    return h.custodians
        .findSource(source.getCaseId(), source.getCustodianId(), source.getKind(), source.getId())
        .orElseThrow()
        .getHoldStatus();
  }

  private static int hits(IndexJobHarness h, String caseId, String kql) throws IOException {
    try (DirectoryReader reader = h.openIndex(caseId)) {
      return new IndexSearcher(reader).count(KqlTranslator.toLucene(kql, null));
    }
  }

  /** The content copies of the case, with no temporary file left over. */
  private static long blobs(String caseId) throws IOException {
    Path dir = CaseopsPaths.contentDir(caseId);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      Set<Path> all = files.filter(Files::isRegularFile).collect(Collectors.toSet());
      assertThat(all).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
      return all.size();
    }
  }
}
