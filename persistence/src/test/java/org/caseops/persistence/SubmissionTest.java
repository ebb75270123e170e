package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.support.ConflictException;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Submitting an operation is atomic: the check for an unfinished operation that blocks it, its
 * insert and the links to it as its action's latest operation happen in one transaction that no
 * other submission on the case interleaves with.
 */
class SubmissionTest {
  private static final IdentitySet ALICE = IdentitySet.user("u-1", "Alice");
  private static final int ROUNDS = 25;
  private static final int SUBMITTERS = 6;

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  private static TestDatabase open(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void concurrentSubmissionsOfOneActionOnOneCaseStoreExactlyOne(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      ExecutorService pool = Executors.newFixedThreadPool(SUBMITTERS);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          EdiscoveryCase c = EdiscoveryCase.open("Case " + round, null, null, ALICE, Instant.now());
          cases.add(c);
          CyclicBarrier together = new CyclicBarrier(SUBMITTERS);
          List<Future<Boolean>> submitted = new ArrayList<>();
          for (int i = 0; i < SUBMITTERS; i++) {
            submitted.add(
                pool.submit(
                    () -> {
                      CaseOperation op =
                          CaseOperation.submit(c.getId(), CaseAction.index, ALICE, Instant.now());
                      together.await(10, TimeUnit.SECONDS);
                      try {
                        operations.submit(op);
                        return true;
                      } catch (ConflictException refused) {
                        return false;
                      }
                    }));
          }
          int accepted = 0;
          for (Future<Boolean> f : submitted) {
            accepted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
          }
          assertThat(accepted).as("submissions accepted in round " + round).isEqualTo(1);
          assertThat(operations.listOpen(c.getId()))
              .as("operations stored in round " + round)
              .hasSize(1);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aPurgeAndAHoldChangeSubmittedAtOnceOnOneCaseAreNeverBothStored(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          EdiscoveryCase c = EdiscoveryCase.open("Case " + round, null, null, ALICE, Instant.now());
          cases.add(c);
          List<CaseOperation> contenders =
              List.of(
                  CaseOperation.submit(
                      c.getId(),
                      CaseAction.purgeData,
                      OperationTarget.search("search-" + round, List.of("mailboxes")),
                      ALICE,
                      Instant.now()),
                  CaseOperation.submit(
                      c.getId(),
                      CaseAction.holdUpdate,
                      OperationTarget.custodians(List.of("k-" + round), OperationTarget.APPLY_HOLD),
                      ALICE,
                      Instant.now()),
                  CaseOperation.submit(
                      c.getId(),
                      CaseAction.holdPolicySync,
                      OperationTarget.legalHold("h-" + round),
                      ALICE,
                      Instant.now()));
          CyclicBarrier together = new CyclicBarrier(contenders.size());
          List<Future<Boolean>> submitted = new ArrayList<>();
          for (CaseOperation op : contenders) {
            submitted.add(
                pool.submit(
                    () -> {
                      together.await(10, TimeUnit.SECONDS);
                      try {
                        operations.submit(op);
                        return true;
                      } catch (ConflictException refused) {
                        assertThat(refused.getMessage()).contains("has not finished yet");
                        return false;
                      }
                    }));
          }
          for (Future<Boolean> f : submitted) {
            f.get(30, TimeUnit.SECONDS);
          }
          List<CaseAction> stored =
              operations.listOpen(c.getId()).stream().map(CaseOperation::getAction).toList();
          // Either the purge alone, or the two hold changes (they do not exclude each other).
          assertThat(stored).as("operations stored in round " + round).isNotEmpty();
          if (stored.contains(CaseAction.purgeData)) {
            assertThat(stored).as("round " + round).containsExactly(CaseAction.purgeData);
          } else {
            assertThat(stored)
                .as("round " + round)
                .containsExactlyInAnyOrder(CaseAction.holdUpdate, CaseAction.holdPolicySync);
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aLegalHoldChangeIsStoredWithItsSyncOrNotAtAllBesideAPurgeSubmittedAtOnce(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      LegalHoldRepository legalHolds = weld.select(LegalHoldRepository.class).get();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      int purges = 0;
      try {
        for (int round = 0; round < ROUNDS; round++) {
          EdiscoveryCase c = EdiscoveryCase.open("Case " + round, null, null, ALICE, Instant.now());
          cases.add(c);
          LegalHold stored =
              LegalHold.create(c.getId(), "Before", null, null, true, ALICE, Instant.now());
          legalHolds.add(stored);
          CaseOperation purge =
              CaseOperation.submit(
                  c.getId(),
                  CaseAction.purgeData,
                  OperationTarget.search("search-" + round, List.of("mailboxes")),
                  ALICE,
                  Instant.now());
          CaseOperation sync =
              CaseOperation.submit(
                  c.getId(),
                  CaseAction.holdPolicySync,
                  OperationTarget.legalHold(stored.getId()),
                  ALICE,
                  Instant.now());
          LegalHold changed = legalHolds.find(c.getId(), stored.getId()).orElseThrow();
          changed.rename("After");
          changed.enable(false);
          CyclicBarrier together = new CyclicBarrier(2);
          Future<Boolean> purged =
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    try {
                      operations.submit(purge);
                      return true;
                    } catch (ConflictException refused) {
                      return false;
                    }
                  });
          Future<Boolean> synced =
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    try {
                      operations.submit(sync, () -> legalHolds.update(changed));
                      return true;
                    } catch (ConflictException refused) {
                      return false;
                    }
                  });
          boolean purgeStored = purged.get(30, TimeUnit.SECONDS);
          boolean syncStored = synced.get(30, TimeUnit.SECONDS);
          LegalHold after = legalHolds.find(c.getId(), stored.getId()).orElseThrow();
          assertThat(purgeStored)
              .as("exactly one stored in round " + round)
              .isNotEqualTo(syncStored);
          if (purgeStored) {
            purges++;
            // The hold is as it was: its change was refused with its sync.
            assertThat(after.getDisplayName()).as("round " + round).isEqualTo("Before");
            assertThat(after.isEnabled()).as("round " + round).isTrue();
            assertThat(after.getLastSyncOperationId()).as("round " + round).isNull();
            assertThat(operations.find(sync.getId())).as("round " + round).isEmpty();
          } else {
            assertThat(after.getDisplayName()).as("round " + round).isEqualTo("After");
            assertThat(after.isEnabled()).as("round " + round).isFalse();
            assertThat(after.getLastSyncOperationId()).as("round " + round).isEqualTo(sync.getId());
            assertThat(operations.find(purge.getId())).as("round " + round).isEmpty();
          }
        }
      } finally {
        pool.shutdownNow();
      }
      // Both outcomes happen over the rounds (a race either side may win).
      System.out.println("legal hold change vs purge: purge won " + purges + " of " + ROUNDS);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theLinksToAnActionsLatestOperationAreWrittenWithIt(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      SearchRepository searches = weld.select(SearchRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      Instant now = Instant.now();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, now);
      cases.add(c);
      Custodian adele = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(adele);
      CustodianSource mailbox =
          CustodianSource.mailbox(c.getId(), adele.getId(), "adele@contoso.com", null, null, now);
      custodians.addSource(mailbox);
      EdiscoverySearch search =
          EdiscoverySearch.create(
              c.getId(), "S", null, "budget", Set.of(), List.of(), List.of(), ALICE, now);
      searches.add(search);

      CaseOperation index = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, now);
      operations.submit(index);
      assertThat(custodians.listSourcesOfCase(c.getId()))
          .singleElement()
          .extracting(CustodianSource::getLastIndexOperationId)
          .isEqualTo(index.getId());
      assertThat(custodians.find(c.getId(), adele.getId()).orElseThrow().getLastIndexOperationId())
          .isEqualTo(index.getId());

      CaseOperation estimate =
          CaseOperation.submit(
              c.getId(),
              CaseAction.estimateStatistics,
              OperationTarget.search(search.getId(), List.of()),
              ALICE,
              now);
      operations.submit(estimate);
      assertThat(
              searches.find(c.getId(), search.getId()).orElseThrow().getLastEstimateOperationId())
          .isEqualTo(estimate.getId());

      // A refused submission stores nothing and moves no link.
      CaseOperation again =
          CaseOperation.submit(
              c.getId(),
              CaseAction.estimateStatistics,
              OperationTarget.search(search.getId(), List.of()),
              ALICE,
              now);
      assertThatThrownBy(() -> operations.submit(again))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining(estimate.getId())
          .hasMessageContaining(search.getId());
      assertThat(operations.find(again.getId())).isEmpty();
      assertThat(
              searches.find(c.getId(), search.getId()).orElseThrow().getLastEstimateOperationId())
          .isEqualTo(estimate.getId());

      // Once the first has ended, the next is accepted and becomes the latest.
      operations.complete(estimate.getId(), CaseOperationStatus.succeeded, null, now);
      operations.submit(again);
      assertThat(
              searches.find(c.getId(), search.getId()).orElseThrow().getLastEstimateOperationId())
          .isEqualTo(again.getId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aWithdrawnOperationIsDeletedAndItsLinksNameTheOperationBeforeItAgain(
      TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      SearchRepository searches = weld.select(SearchRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      Instant now = Instant.now();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, now);
      cases.add(c);
      Custodian adele = Custodian.add(c.getId(), "adele@contoso.com", null, now);
      custodians.add(adele);
      custodians.addSource(
          CustodianSource.mailbox(c.getId(), adele.getId(), "adele@contoso.com", null, null, now));
      EdiscoverySearch search =
          EdiscoverySearch.create(
              c.getId(), "S", null, "budget", Set.of(), List.of(), List.of(), ALICE, now);
      searches.add(search);
      OperationTarget ofSearch = OperationTarget.search(search.getId(), List.of());

      CaseOperation index = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, now);
      operations.submit(index);
      operations.complete(index.getId(), CaseOperationStatus.succeeded, null, now);
      CaseOperation estimate =
          CaseOperation.submit(c.getId(), CaseAction.estimateStatistics, ofSearch, ALICE, now);
      operations.submit(estimate);
      operations.complete(estimate.getId(), CaseOperationStatus.succeeded, null, now);

      // The next of each, whose jobs could not start: withdrawn, they leave no row and no link.
      CaseOperation index2 = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, now);
      operations.submit(index2);
      CaseOperation estimate2 =
          CaseOperation.submit(c.getId(), CaseAction.estimateStatistics, ofSearch, ALICE, now);
      operations.submit(estimate2);
      assertThat(
              searches.find(c.getId(), search.getId()).orElseThrow().getLastEstimateOperationId())
          .isEqualTo(estimate2.getId());

      assertThat(operations.withdraw(index2)).isTrue();
      assertThat(operations.withdraw(estimate2)).isTrue();

      assertThat(operations.find(index2.getId())).isEmpty();
      assertThat(operations.find(estimate2.getId())).isEmpty();
      assertThat(operations.count(c.getId())).isEqualTo(2);
      assertThat(custodians.listSourcesOfCase(c.getId()))
          .singleElement()
          .extracting(CustodianSource::getLastIndexOperationId)
          .isEqualTo(index.getId());
      assertThat(custodians.find(c.getId(), adele.getId()).orElseThrow().getLastIndexOperationId())
          .isEqualTo(index.getId());
      assertThat(
              searches.find(c.getId(), search.getId()).orElseThrow().getLastEstimateOperationId())
          .isEqualTo(estimate.getId());

      // An operation whose job runs, or that has ended, is never withdrawn.
      CaseOperation running =
          CaseOperation.submit(c.getId(), CaseAction.estimateStatistics, ofSearch, ALICE, now);
      operations.submit(running);
      operations.markRunning(running.getId(), 7L);
      assertThat(operations.withdraw(running)).isFalse();
      assertThat(operations.withdraw(estimate)).isFalse();
      assertThat(operations.find(running.getId())).isPresent();
      assertThat(operations.find(estimate.getId())).isPresent();
      assertThat(
              searches.find(c.getId(), search.getId()).orElseThrow().getLastEstimateOperationId())
          .isEqualTo(running.getId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aCancelIsRecordedOnlyOnAnOpenOperationAndARetryReopensOnlyAFailedOneThatNothingBlocks(
      TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, now);
      cases.add(c);
      IdentitySet bob = IdentitySet.user("u-2", "Bob");

      CaseOperation op = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, now);
      operations.submit(op);
      operations.markRunning(op.getId(), 7);
      operations.raiseProgress(op.getId(), 30);
      assertThat(operations.requestCancel(op.getId(), bob, now)).isTrue();
      CaseOperation asked = operations.find(op.getId()).orElseThrow();
      assertThat(asked.getCancelRequestedBy()).isEqualTo(bob);
      assertThat(asked.getCancelRequestedAt()).isEqualTo(now);
      assertThat(operations.retry(asked)).as("a running operation is not retried").isFalse();

      operations.complete(op.getId(), CaseOperationStatus.failed, null, now);
      assertThat(operations.requestCancel(op.getId(), bob, now)).isFalse();
      CaseOperation other = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, now);
      operations.submit(other);
      CaseOperation failed = operations.find(op.getId()).orElseThrow();
      assertThatThrownBy(() -> operations.retry(failed))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining(other.getId());

      operations.complete(other.getId(), CaseOperationStatus.succeeded, null, now);
      assertThat(operations.retry(failed)).isTrue();
      CaseOperation reopened = operations.find(op.getId()).orElseThrow();
      assertThat(reopened.getStatus()).isEqualTo(CaseOperationStatus.notStarted);
      assertThat(reopened.getPercentProgress()).isEqualTo(30);
      assertThat(reopened.getCompletedDateTime()).isNull();
      assertThat(reopened.getCancelRequestedAt()).isNull();
      assertThat(reopened.getExecutionId()).isEqualTo(7L);
      assertThat(operations.retry(reopened)).as("only once").isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theHistoryCleanUpDeletesOnlyOperationsThatEndedBeforeTheInstant(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      Instant t = Instant.parse("2026-06-01T00:00:00Z");
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, t.minusSeconds(3600));
      cases.add(c);
      CaseOperation old =
          CaseOperation.submit(c.getId(), CaseAction.index, ALICE, t.minusSeconds(60));
      operations.add(old);
      operations.complete(old.getId(), CaseOperationStatus.failed, null, t.minusSeconds(30));
      CaseOperation recent =
          CaseOperation.submit(c.getId(), CaseAction.index, ALICE, t.minusSeconds(20));
      operations.add(recent);
      operations.complete(recent.getId(), CaseOperationStatus.succeeded, null, t.plusSeconds(30));
      CaseOperation open =
          CaseOperation.submit(c.getId(), CaseAction.index, ALICE, t.minusSeconds(90));
      operations.add(open);

      assertThat(operations.deleteEndedBefore(t)).isEqualTo(1);
      assertThat(operations.find(old.getId())).isEmpty();
      assertThat(operations.find(recent.getId())).isPresent();
      assertThat(operations.find(open.getId())).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void operationsSubmittedTogetherAreAllStoredWithTheirChangesOrNoneIs(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      LegalHoldRepository legalHolds = weld.select(LegalHoldRepository.class).get();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, Instant.now());
      cases.add(c);
      LegalHold stored =
          LegalHold.create(c.getId(), "Held", null, null, true, ALICE, Instant.now());
      legalHolds.add(stored);
      CaseOperation release =
          CaseOperation.submit(
              c.getId(),
              CaseAction.holdUpdate,
              OperationTarget.custodians(List.of("k-1"), OperationTarget.REMOVE_HOLD),
              ALICE,
              Instant.now());
      CaseOperation sync =
          CaseOperation.submit(
              c.getId(),
              CaseAction.holdPolicySync,
              OperationTarget.legalHold(stored.getId()),
              ALICE,
              Instant.now());
      // Another sync of the legal hold, still open, blocks the second of the two: neither is
      // stored, nor is the change that the first carries out.
      CaseOperation openSync =
          CaseOperation.submit(
              c.getId(),
              CaseAction.holdPolicySync,
              OperationTarget.legalHold(stored.getId()),
              ALICE,
              Instant.now());
      operations.submit(openSync);
      LegalHold disabled = legalHolds.find(c.getId(), stored.getId()).orElseThrow();
      Runnable disable =
          () -> {
            disabled.enable(false);
            legalHolds.update(disabled);
          };

      assertThatThrownBy(
              () -> operations.submitAll(List.of(release, sync), List.of(disable, () -> {})))
          .isInstanceOf(ConflictException.class);

      assertThat(operations.listOpen(c.getId()))
          .extracting(CaseOperation::getId)
          .containsExactly(openSync.getId());
      assertThat(legalHolds.find(c.getId(), stored.getId()).orElseThrow().isEnabled()).isTrue();

      // Once nothing blocks them, both are stored with the change.
      operations.complete(openSync.getId(), CaseOperationStatus.succeeded, null, Instant.now());
      operations.submitAll(List.of(sync, release), List.of(disable, () -> {}));

      assertThat(operations.listOpen(c.getId()))
          .extracting(CaseOperation::getId)
          .containsExactlyInAnyOrder(sync.getId(), release.getId());
      assertThat(legalHolds.find(c.getId(), stored.getId()).orElseThrow().isEnabled()).isFalse();
    }
  }
}
