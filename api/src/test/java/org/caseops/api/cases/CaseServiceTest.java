package org.caseops.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.testing.InMemoryCases;
import org.caseops.api.testing.InMemoryCustodians;
import org.caseops.api.testing.InMemoryOperations;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.junit.jupiter.api.Test;

class CaseServiceTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");
  private static final IdentitySet BOB = IdentitySet.user("u2", "Bob");
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00.000000999Z");

  private final InMemoryCases cases = new InMemoryCases();
  private final InMemoryOperations operations = new InMemoryOperations();
  private final List<CaseDeleted> deletions = new ArrayList<>();

  private CaseService at(Instant now) {
    return new CaseService(
        cases,
        operations,
        new Lookups(cases, new InMemoryCustodians(), operations),
        Clock.fixed(now, ZoneOffset.UTC),
        deletions::add,
        null);
  }

  @Test
  void deleteRemovesTheCaseAndAnnouncesIt() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", null, null), ALICE);

    at(T0).delete(c.getId());

    assertThat(cases.stored).doesNotContainKey(c.getId());
    assertThat(deletions).containsExactly(new CaseDeleted(c.getId()));
  }

  @Test
  void aCaseWithUnfinishedOperationsIsNotDeleted() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", null, null), ALICE);
    CaseOperation running = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, T0);
    operations.add(running);

    assertThatRefusedBy(() -> at(T0).delete(c.getId()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).contains(running.getId());
            });
    assertThat(cases.stored).containsKey(c.getId());
    assertThat(deletions).isEmpty();
  }

  @Test
  void createOpensAnActiveCaseOwnedByTheCaller() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", "d", "CV-1"), ALICE);

    assertThat(cases.stored).containsKey(c.getId());
    assertThat(c.getStatus()).isEqualTo(CaseStatus.active);
    assertThat(c.getCreatedBy()).isEqualTo(ALICE);
    assertThat(c.getCreatedDateTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
  }

  @Test
  void updateAppliesOnlyWhatWasGivenAndStampsTheChange() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", "d", "CV-1"), ALICE);
    Instant later = Instant.parse("2024-01-02T00:00:00Z");

    at(later).update(c.getId(), new CaseRequests.CaseChanges(null, true, null, false, null), BOB);

    EdiscoveryCase stored = cases.stored.get(c.getId());
    assertThat(stored.getDisplayName()).isEqualTo("Case");
    assertThat(stored.getDescription()).isNull();
    assertThat(stored.getExternalId()).isEqualTo("CV-1");
    assertThat(stored.getLastModifiedBy()).isEqualTo(BOB);
    assertThat(stored.getLastModifiedDateTime()).isEqualTo(later);
    assertThat(stored.getCreatedBy()).isEqualTo(ALICE);
  }

  @Test
  void aConcurrentChangeIsAConflict() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", null, null), ALICE);
    cases.updateFailure =
        () -> new TransactionalException("rolled back", new OptimisticLockException("stale"));

    assertThatRefusedBy(
            () ->
                at(T0)
                    .update(
                        c.getId(),
                        new CaseRequests.CaseChanges("New", false, null, false, null),
                        BOB))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void otherFailuresOfAnUpdateAreNotDisguised() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", null, null), ALICE);
    cases.updateFailure = () -> new IllegalStateException("database down");

    assertThatRefusedBy(
            () ->
                at(T0)
                    .update(
                        c.getId(),
                        new CaseRequests.CaseChanges("New", false, null, false, null),
                        BOB))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void deleteRemovesAnExistingCaseAndRefusesAnUnknownOne() {
    EdiscoveryCase c = at(T0).create(new CaseRequests.NewCase("Case", null, null), ALICE);
    String unknown = "00000000-0000-0000-0000-000000000009";

    at(T0).delete(c.getId());

    assertThat(cases.deleted).containsExactly(c.getId());
    assertThatRefusedBy(() -> at(T0).delete(unknown))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(cases.deleted).containsExactly(c.getId());
  }
}
