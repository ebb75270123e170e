package org.caseops.batch.holdpolicysync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedHoldFailures;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.holds.HoldKind;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemState;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The holdPolicySync job, the index under legal holds, and non-custodial data sources under
 * holdUpdate, on JBeret SE.
 */
class HoldPolicySyncJobTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void legalHoldsPreserveWholeSourcesOrQueryMatchesAndFreeOnlyWhatNoOtherHoldNeeds(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      ContentStore store = h.weld.select(ContentStore.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      CustodianSource shared = noncustodial(h, caseId, "shared@contoso.example");
      Path meganFolder = h.folderOf(mailbox);
      Path sharedFolder = h.folderOf(shared);
      Evidence.write(meganFolder.resolve("a.eml"), message("a", "The walrus report is due."));
      Evidence.write(meganFolder.resolve("b.eml"), message("b", "Lunch with the penguin team."));
      Evidence.write(sharedFolder.resolve("s1.eml"), message("s1", "Shared walrus notes."));
      Evidence.write(sharedFolder.resolve("s2.eml"), message("s2", "Orca sightings."));
      s.index(caseId);

      // A query-scoped hold over both sources, and a whole-source hold over megan's mailbox.
      LegalHold walrus = legalHold(legalHolds, caseId, "walrus", mailbox, shared);
      CaseOperation synced = sync(s, caseId, walrus);
      assertThat(synced.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(synced.getResultInfo().getMessage())
          .startsWith("The legal hold 'walrus' preserves 2 item versions of 2 sources");
      assertThat(legalHolds.find(caseId, walrus.getId()).orElseThrow().getStatus())
          .isEqualTo(PolicyStatus.success);
      assertThat(itemsOf(holds, caseId, walrus))
          .containsExactlyInAnyOrder(id(mailbox, "a.eml"), id(shared, "s1.eml"));
      LegalHold all = legalHold(legalHolds, caseId, null, mailbox);
      assertThat(sync(s, caseId, all).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(itemsOf(holds, caseId, all))
          .containsExactlyInAnyOrder(id(mailbox, "a.eml"), id(mailbox, "b.eml"));
      assertThat(holds.listOfHold(caseId, HoldRef.legalHold(all.getId())))
          .allSatisfy(
              r -> {
                assertThat(r.getHold().kind()).isEqualTo(HoldKind.legalHold);
                assertThat(r.getCustodianId()).isEqualTo(megan.getId());
              });
      assertThat(blobs(caseId)).isEqualTo(3);
      assertThat(
              holds.heldItemIds(
                  caseId,
                  List.of(
                      id(mailbox, "a.eml"),
                      id(mailbox, "b.eml"),
                      id(shared, "s1.eml"),
                      id(shared, "s2.eml"))))
          .containsExactlyInAnyOrder(
              id(mailbox, "a.eml"), id(mailbox, "b.eml"), id(shared, "s1.eml"));

      // Items arriving after the holds are preserved by the next index: the whole-source hold
      // takes every new item of megan's mailbox, the query-scoped one those its query matches.
      Evidence.write(meganFolder.resolve("c.eml"), message("c", "Another walrus memo."));
      Evidence.write(meganFolder.resolve("d.eml"), message("d", "Puffin budget."));
      Evidence.write(sharedFolder.resolve("s3.eml"), message("s3", "A third walrus."));
      Evidence.write(sharedFolder.resolve("s4.eml"), message("s4", "Nothing held here."));
      s.index(caseId);
      assertThat(itemsOf(holds, caseId, all))
          .containsExactlyInAnyOrder(
              id(mailbox, "a.eml"),
              id(mailbox, "b.eml"),
              id(mailbox, "c.eml"),
              id(mailbox, "d.eml"));
      assertThat(itemsOf(holds, caseId, walrus))
          .containsExactlyInAnyOrder(
              id(mailbox, "a.eml"),
              id(shared, "s1.eml"),
              id(mailbox, "c.eml"),
              id(shared, "s3.eml"));
      assertThat(blobs(caseId)).isEqualTo(6);
      assertThat(holds.isHeld(caseId, id(shared, "s4.eml"))).isFalse();

      // Deleting the whole-source hold frees what only it preserved (b, d); the copies the query
      // hold still needs (a, c) stay.
      LegalHold deleting = legalHolds.find(caseId, all.getId()).orElseThrow();
      deleting.delete();
      deleting.modified(ALICE, Instant.now());
      legalHolds.update(deleting);
      assertThat(legalHolds.find(caseId, all.getId())).isEmpty();
      // As when the deletion's own sync could not start: the hold is in error, and the sync run
      // again (retryPolicy) completes the deletion all the same.
      legalHolds.concluded(
          caseId, all.getId(), PolicyStatus.error, List.of("its sync could not start"));
      assertThat(legalHolds.findAny(caseId, all.getId()).orElseThrow().getStatus())
          .isEqualTo(PolicyStatus.error);
      CaseOperation deleted = sync(s, caseId, all);
      assertThat(deleted.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(deleted.getResultInfo().getMessage())
          .contains("is deleted", "2 preserved copies that nothing else needs freed");
      assertThat(legalHolds.findAny(caseId, all.getId())).isEmpty();
      assertThat(holds.countOfHold(caseId, HoldRef.legalHold(all.getId()))).isZero();
      assertThat(store.contains(caseId, sha(message("b", "Lunch with the penguin team."))))
          .isFalse();
      assertThat(store.contains(caseId, sha(message("a", "The walrus report is due.")))).isTrue();
      assertThat(blobs(caseId)).isEqualTo(4);
      assertThat(holds.isHeld(caseId, id(mailbox, "b.eml"))).isFalse();
      assertThat(holds.isHeld(caseId, id(mailbox, "a.eml"))).isTrue();

      // Narrowing the query drops what it no longer matches.
      LegalHold narrowed = legalHolds.find(caseId, walrus.getId()).orElseThrow();
      narrowed.query("third");
      narrowed.modified(ALICE, Instant.now());
      legalHolds.update(narrowed);
      assertThat(sync(s, caseId, walrus).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(itemsOf(holds, caseId, walrus)).containsExactly(id(shared, "s3.eml"));
      assertThat(blobs(caseId)).isEqualTo(1);

      // Disabling the last hold frees everything.
      LegalHold disabled = legalHolds.find(caseId, walrus.getId()).orElseThrow();
      disabled.enable(false);
      disabled.modified(ALICE, Instant.now());
      legalHolds.update(disabled);
      assertThat(sync(s, caseId, walrus).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(holds.countOfHold(caseId, HoldRef.legalHold(walrus.getId()))).isZero();
      assertThat(blobs(caseId)).isZero();
      assertThat(legalHolds.find(caseId, walrus.getId()).orElseThrow().getStatus())
          .isEqualTo(PolicyStatus.success);
    }
  }

  @Test
  void aNoncustodialSourceIsHeldAndReleasedByHoldUpdateAsACustodianIs() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      NoncustodialSourceRepository noncustodial =
          h.weld.select(NoncustodialSourceRepository.class).get();
      String caseId = h.newCase().getId();
      CustodianSource shared = noncustodial(h, caseId, "shared@contoso.example");
      Evidence.write(h.folderOf(shared).resolve("s1.eml"), message("s1", "Shared notes."));
      s.index(caseId);

      CaseOperation applied =
          s.run(
              caseId,
              CaseAction.holdUpdate,
              OperationTarget.custodians(
                  List.of(shared.getNoncustodialId()), OperationTarget.APPLY_HOLD));
      assertThat(applied.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(applied.getResultInfo().getMessage())
          .isEqualTo(
              "The hold of 1 non-custodial data source is applied: 1 item version preserved.");
      NoncustodialDataSource held =
          noncustodial.find(caseId, shared.getNoncustodialId()).orElseThrow();
      assertThat(held.getHoldStatus()).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(noncustodial.dataSourceOf(caseId, held.getId()).orElseThrow().getHoldStatus())
          .isEqualTo(DataSourceHoldStatus.applied);
      List<PreservedItem> records =
          holds.listOfHold(caseId, HoldRef.noncustodial(shared.getNoncustodialId()));
      assertThat(records).singleElement().satisfies(r -> assertThat(r.getCustodianId()).isNull());

      // A new item of a held non-custodial source is preserved by the index, as a custodian's is.
      Evidence.write(h.folderOf(shared).resolve("s2.eml"), message("s2", "More shared notes."));
      s.index(caseId);
      assertThat(holds.countOfHold(caseId, HoldRef.noncustodial(shared.getNoncustodialId())))
          .isEqualTo(2);
      assertThat(noncustodial.find(caseId, held.getId()).orElseThrow().getLastIndexOperationId())
          .isNotNull();

      CaseOperation removed =
          s.run(
              caseId,
              CaseAction.holdUpdate,
              OperationTarget.custodians(
                  List.of(shared.getNoncustodialId()), OperationTarget.REMOVE_HOLD));
      assertThat(removed.getResultInfo().getMessage())
          .isEqualTo(
              "The hold of 1 non-custodial data source is removed: 2 preserved copies that"
                  + " nothing else needs freed.");
      assertThat(noncustodial.find(caseId, held.getId()).orElseThrow().getHoldStatus())
          .isEqualTo(DataSourceHoldStatus.notApplied);
      assertThat(blobs(caseId)).isZero();
    }
  }

  @Test
  void aSyncRestartedAfterAFailureInTheMiddleOfAChunkPreservesEveryItemExactlyOnce()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      Path folder = h.folderOf(mailbox);
      for (int i = 0; i < 7; i++) {
        Evidence.write(folder.resolve("m" + i + ".eml"), message("m" + i, "message " + i));
      }
      s.index(caseId);
      LegalHold hold = legalHold(legalHolds, caseId, null, mailbox);
      Properties small = new Properties();
      small.setProperty("itemCount", "2");
      small.setProperty("pageSize", "3");
      InducedHoldFailures.failPreserveOnce(2);
      try {
        CaseOperation operation =
            CaseOperation.submit(
                caseId,
                CaseAction.holdPolicySync,
                OperationTarget.legalHold(hold.getId()),
                ALICE,
                Instant.now());
        h.operations.add(operation);
        String operationId = operation.getId();
        h.jobs.start("holdPolicySync", IndexJobHarness.parameters(operationId, caseId, small));
        long first = h.awaitExecutionId(operationId);
        assertThat(h.awaitEnd(first, operationId)).isEqualTo(BatchStatus.FAILED);
        assertThat(holds.countOfHold(caseId, HoldRef.legalHold(hold.getId()))).isEqualTo(2);
        assertThat(legalHolds.find(caseId, hold.getId()).orElseThrow().getStatus())
            .isEqualTo(PolicyStatus.pending);

        long restart =
            h.jobs.restart(first, IndexJobHarness.parameters(operationId, caseId, small));
        assertThat(h.awaitEnd(restart, operationId)).isEqualTo(BatchStatus.COMPLETED);
        CaseOperation done = h.operations.find(operationId).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
        List<PreservedItem> records = holds.listOfHold(caseId, HoldRef.legalHold(hold.getId()));
        assertThat(records).hasSize(7);
        assertThat(records.stream().map(PreservedItem::getItemId).distinct().count()).isEqualTo(7);
        assertThat(blobs(caseId)).isEqualTo(7);
      } finally {
        InducedHoldFailures.reset();
      }
    }
  }

  @Test
  void aHoldWhoseItemsVanishedBeforeItsSyncEndsInErrorNamingThem() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      Path folder = h.folderOf(mailbox);
      Evidence.write(folder.resolve("kept.eml"), message("kept", "A walrus."));
      Evidence.write(folder.resolve("gone.eml"), message("gone", "Another walrus."));
      s.index(caseId);
      Files.delete(folder.resolve("gone.eml"));
      LegalHold hold = legalHold(legalHolds, caseId, "walrus", mailbox);

      CaseOperation synced = sync(s, caseId, hold);

      assertThat(synced.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(synced.getResultInfo().getMessage())
          .contains("1 could not be preserved", "gone.eml");
      LegalHold after = legalHolds.find(caseId, hold.getId()).orElseThrow();
      assertThat(after.getStatus()).isEqualTo(PolicyStatus.error);
      assertThat(after.getErrors()).singleElement().asString().contains("gone.eml");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void closingReleasesCustodianAndLegalHoldsTogetherAndFreesEveryCopyNothingElseNeeds(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      HoldRepository holds = h.weld.select(HoldRepository.class).get();
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      CustodianSource shared = noncustodial(h, caseId, "shared@contoso.example");
      Path meganFolder = h.folderOf(mailbox);
      Path sharedFolder = h.folderOf(shared);
      Evidence.write(meganFolder.resolve("a.eml"), message("a", "The walrus report is due."));
      Evidence.write(meganFolder.resolve("b.eml"), message("b", "Lunch with the penguin team."));
      Evidence.write(sharedFolder.resolve("s1.eml"), message("s1", "Shared walrus notes."));
      Evidence.write(sharedFolder.resolve("s2.eml"), message("s2", "Orca sightings."));
      s.index(caseId);

      // Megan is on hold as a custodian, her mailbox under a whole-source legal hold too, and a
      // query-scoped legal hold holds the walrus notes of the shared mailbox.
      assertThat(
              s.run(
                      caseId,
                      CaseAction.holdUpdate,
                      OperationTarget.custodians(
                          List.of(megan.getId()), OperationTarget.APPLY_HOLD))
                  .getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      LegalHold all = legalHold(legalHolds, caseId, null, mailbox);
      LegalHold walrus = legalHold(legalHolds, caseId, "walrus", shared);
      assertThat(sync(s, caseId, all).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(sync(s, caseId, walrus).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(blobs(caseId)).isEqualTo(3);
      // a.eml is deleted at the source: the catalog keeps it from its preserved copy.
      Files.delete(meganFolder.resolve("a.eml"));
      s.index(caseId);
      assertThat(h.items.findAll(List.of(id(mailbox, "a.eml"))))
          .singleElement()
          .extracting(Item::getState)
          .isEqualTo(ItemState.preservedOnly);

      // Closing, as the case's close does it: the case is closing, every legal hold disabled, and
      // the custodian's release and each legal hold's sync start together.
      EdiscoveryCase c = h.cases.find(caseId).orElseThrow();
      c.beginClosing(ALICE, Instant.now());
      h.cases.update(c);
      for (LegalHold hold : List.of(all, walrus)) {
        LegalHold off = legalHolds.find(caseId, hold.getId()).orElseThrow();
        off.enable(false);
        off.modified(ALICE, Instant.now());
        legalHolds.update(off);
      }
      List<CaseOperation> releases =
          List.of(
              CaseOperation.submit(
                  caseId,
                  CaseAction.holdUpdate,
                  OperationTarget.custodians(List.of(megan.getId()), OperationTarget.REMOVE_HOLD),
                  ALICE,
                  Instant.now()),
              CaseOperation.submit(
                  caseId,
                  CaseAction.holdPolicySync,
                  OperationTarget.legalHold(all.getId()),
                  ALICE,
                  Instant.now()),
              CaseOperation.submit(
                  caseId,
                  CaseAction.holdPolicySync,
                  OperationTarget.legalHold(walrus.getId()),
                  ALICE,
                  Instant.now()));
      releases.forEach(h.operations::add);
      for (CaseOperation op : releases) {
        h.jobs.start(
            op.getAction().jobName(), IndexJobHarness.parameters(op.getId(), caseId, null));
      }
      for (CaseOperation op : releases) {
        CaseOperation done = h.awaitOperation(op.getId());
        assertThat(done.getStatus())
            .as(done.getResultInfo().getMessage())
            .isEqualTo(CaseOperationStatus.succeeded);
      }

      // Closed once the last release ended; nothing is held and no copy is left.
      EdiscoveryCase closed = awaitNotClosing(h, caseId);
      assertThat(closed.getStatus()).isEqualTo(CaseStatus.closed);
      assertThat(closed.getClosedDateTime()).isNotNull();
      assertThat(holds.countOfCustodian(caseId, megan.getId())).isZero();
      assertThat(holds.countOfHold(caseId, HoldRef.legalHold(all.getId()))).isZero();
      assertThat(holds.countOfHold(caseId, HoldRef.legalHold(walrus.getId()))).isZero();
      assertThat(blobs(caseId)).isZero();
      assertThat(legalHolds.inForce(caseId)).isEmpty();
      assertThat(
              holds.heldItemIds(
                  caseId,
                  List.of(id(mailbox, "b.eml"), id(shared, "s1.eml"), id(shared, "s2.eml"))))
          .isEmpty();
      // The item kept only from its freed copy has left the catalog; the others stay readable.
      assertThat(h.items.findAll(List.of(id(mailbox, "a.eml")))).isEmpty();
      assertThat(h.items.findAll(List.of(id(mailbox, "b.eml")))).hasSize(1);
    }
  }

  private static EdiscoveryCase awaitNotClosing(IndexJobHarness h, String caseId)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      EdiscoveryCase c = h.cases.find(caseId).orElseThrow();
      if (c.getStatus() != CaseStatus.closing) {
        return c;
      }
      Thread.sleep(50);
    }
    return h.cases.find(caseId).orElseThrow();
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

  private static LegalHold legalHold(
      LegalHoldRepository legalHolds, String caseId, String query, CustodianSource... sources) {
    LegalHold hold =
        LegalHold.create(
            caseId, query == null ? "everything" : query, null, query, true, ALICE, Instant.now());
    hold.addSources(Stream.of(sources).map(CustodianSource::getId).toList());
    legalHolds.add(hold);
    return hold;
  }

  private static CaseOperation sync(SearchJobs s, String caseId, LegalHold hold)
      throws InterruptedException {
    return s.run(caseId, CaseAction.holdPolicySync, OperationTarget.legalHold(hold.getId()));
  }

  private static Set<String> itemsOf(HoldRepository holds, String caseId, LegalHold hold) {
    return holds.listOfHold(caseId, HoldRef.legalHold(hold.getId())).stream()
        .map(PreservedItem::getItemId)
        .collect(Collectors.toSet());
  }

  private static String id(CustodianSource source, String location) {
    return Item.idFor(source.getId(), location);
  }

  private static String sha(String text) {
    return Evidence.sha256(text.getBytes(StandardCharsets.UTF_8));
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
