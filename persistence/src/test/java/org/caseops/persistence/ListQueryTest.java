package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ListQuery.And;
import org.caseops.domain.support.ListQuery.Comparison;
import org.caseops.domain.support.ListQuery.Condition;
import org.caseops.domain.support.ListQuery.In;
import org.caseops.domain.support.ListQuery.Not;
import org.caseops.domain.support.ListQuery.Operator;
import org.caseops.domain.support.ListQuery.Or;
import org.caseops.domain.support.ListQuery.OrderKey;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filtered, ordered and paged lists through the Criteria API translation, on H2 and on PostgreSQL.
 */
class ListQueryTest {
  private static final IdentitySet ALICE = IdentitySet.user("u-1", "Alice");
  private static final Instant DEC = Instant.parse("2025-12-15T10:00:00Z");
  private static final Instant JAN = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-05T10:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-05T10:00:00Z");

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  private static TestDatabase open(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
  }

  private static ListQuery query(Condition filter, List<OrderKey> order, int offset, int limit) {
    return new ListQuery(filter, order, offset, limit);
  }

  private static List<String> ids(List<CaseOperation> operations) {
    return operations.stream().map(CaseOperation::getId).toList();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void operationsAreFilteredOrderedPagedAndCountedWithinTheirCase(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository ops = weld.select(CaseOperationRepository.class).get();
      EdiscoveryCase c = EdiscoveryCase.open("Contoso", null, null, ALICE, DEC);
      EdiscoveryCase other = EdiscoveryCase.open("Other", null, null, ALICE, DEC);
      cases.add(c);
      cases.add(other);

      CaseOperation old = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, DEC);
      CaseOperation running = CaseOperation.submit(c.getId(), CaseAction.index, ALICE, JAN);
      CaseOperation done =
          CaseOperation.submit(c.getId(), CaseAction.estimateStatistics, ALICE, FEB);
      CaseOperation purge = CaseOperation.submit(c.getId(), CaseAction.purgeData, ALICE, MAR);
      CaseOperation elsewhere = CaseOperation.submit(other.getId(), CaseAction.index, ALICE, FEB);
      for (CaseOperation op : List.of(old, running, done, purge, elsewhere)) {
        ops.add(op);
      }
      ops.markRunning(old.getId(), 1L);
      ops.complete(old.getId(), CaseOperationStatus.failed, null, JAN);
      ops.markRunning(running.getId(), 2L);
      ops.raiseProgress(running.getId(), 60);
      ops.markRunning(elsewhere.getId(), 3L);
      ops.markRunning(done.getId(), 4L);
      ops.complete(done.getId(), CaseOperationStatus.succeeded, null, MAR);
      // purge stays notStarted.

      Condition runningSinceJanuary =
          new And(
              new In("status", Set.of(CaseOperationStatus.running)),
              new Comparison(
                  "createdDateTime", Operator.GE, Instant.parse("2026-01-01T00:00:00Z")));
      assertThat(ids(ops.list(c.getId(), query(runningSinceJanuary, List.of(), 0, 10))))
          .containsExactly(running.getId());
      assertThat(ops.count(c.getId(), runningSinceJanuary)).isEqualTo(1);

      // A comparison with a missing completedDateTime is false, so its negation holds.
      Condition notCompletedAfterFebruary =
          new Not(new Comparison("completedDateTime", Operator.GT, FEB));
      assertThat(ids(ops.list(c.getId(), query(notCompletedAfterFebruary, List.of(), 0, 10))))
          .containsExactly(purge.getId(), running.getId(), old.getId());
      Condition notCompletedInMarch = new Comparison("completedDateTime", Operator.NE, MAR);
      assertThat(ids(ops.list(c.getId(), query(notCompletedInMarch, List.of(), 0, 10))))
          .containsExactly(purge.getId(), running.getId(), old.getId());
      Condition notCompleted = new Comparison("completedDateTime", Operator.EQ, null);
      assertThat(ids(ops.list(c.getId(), query(notCompleted, List.of(), 0, 10))))
          .containsExactly(purge.getId(), running.getId());

      Condition progressedOrPurge =
          new Or(
              new Comparison("percentProgress", Operator.GE, 50L),
              new In("action", Set.of(CaseAction.purgeData)));
      assertThat(ids(ops.list(c.getId(), query(progressedOrPurge, List.of(), 0, 10))))
          .containsExactly(purge.getId(), done.getId(), running.getId());
      assertThat(ops.count(c.getId(), new In("status", Set.of()))).isZero();

      // Enumerations order by their numeric value: notStarted(0) running(2) succeeded(3) failed(5),
      // not by name.
      List<OrderKey> byStatus = List.of(new OrderKey("status", false));
      assertThat(ids(ops.list(c.getId(), query(null, byStatus, 0, 10))))
          .containsExactly(purge.getId(), running.getId(), done.getId(), old.getId());
      List<OrderKey> byActionNewestFirst =
          List.of(new OrderKey("action", true), new OrderKey("createdDateTime", true));
      assertThat(ids(ops.list(c.getId(), query(null, byActionNewestFirst, 0, 10))))
          .containsExactly(purge.getId(), done.getId(), running.getId(), old.getId());
      assertThat(
              ids(
                  ops.list(
                      c.getId(),
                      query(null, List.of(new OrderKey("createdDateTime", false)), 1, 2))))
          .containsExactly(running.getId(), done.getId());
      assertThat(ids(ops.list(c.getId(), query(null, List.of(), 3, 10))))
          .containsExactly(old.getId());
      assertThat(ops.count(c.getId(), null)).isEqualTo(4);
      assertThat(ops.count(other.getId(), null)).isEqualTo(1);

      assertThatThrownBy(
              () ->
                  ops.list(
                      c.getId(),
                      query(new Comparison("caseId", Operator.EQ, "x"), List.of(), 0, 1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> ops.count(c.getId(), new Comparison("percentProgress", Operator.EQ, "ten")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void casesAndCustodiansAreFilteredAndOrdered(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      EdiscoveryCase alpha = EdiscoveryCase.open("Alpha", null, "CV-1", ALICE, DEC);
      EdiscoveryCase beta = EdiscoveryCase.open("Beta", null, null, ALICE, JAN);
      EdiscoveryCase gamma = EdiscoveryCase.open("Gamma", null, "CV-3", ALICE, FEB);
      for (EdiscoveryCase c : List.of(alpha, beta, gamma)) {
        cases.add(c);
      }

      assertThat(
              cases.list(query(new Comparison("externalId", Operator.EQ, null), List.of(), 0, 10)))
          .extracting(EdiscoveryCase::getId)
          .containsExactly(beta.getId());
      Condition notBetaActive =
          new And(
              new Not(new Comparison("displayName", Operator.EQ, "Beta")),
              new In("status", Set.of(CaseStatus.active)));
      assertThat(
              cases.list(query(notBetaActive, List.of(new OrderKey("displayName", true)), 0, 10)))
          .extracting(EdiscoveryCase::getId)
          .containsExactly(gamma.getId(), alpha.getId());
      assertThat(cases.count(new Comparison("lastModifiedDateTime", Operator.LT, FEB)))
          .isEqualTo(2);
      assertThat(cases.list(query(null, List.of(), 1, 1)))
          .extracting(EdiscoveryCase::getId)
          .containsExactly(beta.getId());

      Custodian adele = Custodian.add(alpha.getId(), "adele@contoso.com", "Adele", DEC);
      Custodian bob = Custodian.add(alpha.getId(), "bob@contoso.com", "Bob", JAN);
      Custodian carol = Custodian.add(beta.getId(), "carol@contoso.com", "Carol", JAN);
      for (Custodian cu : List.of(adele, bob, carol)) {
        custodians.add(cu);
      }
      assertThat(
              custodians.list(
                  alpha.getId(),
                  query(
                      new Comparison("email", Operator.GT, "a"),
                      List.of(new OrderKey("displayName", true)),
                      0,
                      10)))
          .extracting(Custodian::getId)
          .containsExactly(bob.getId(), adele.getId());
      assertThat(
              custodians.count(
                  alpha.getId(), new Comparison("email", Operator.EQ, "bob@contoso.com")))
          .isEqualTo(1);
      assertThat(custodians.count(beta.getId(), null)).isEqualTo(1);
    }
  }
}
