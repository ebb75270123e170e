package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A row removed by another transaction (a job) while a request's transaction has already read it:
 * reading it again in that transaction finds nothing, as it would in a new one, instead of failing
 * (a GET of a legal hold whose sync had just removed it answered 500 where the answer is 404).
 */
class RowRemovedMeanwhileTest {
  private static final IdentitySet ALICE = IdentitySet.user("u-1", "Alice");

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  /** Runs its work in one transaction, as a request does. */
  @ApplicationScoped
  public static class OneTransaction {
    @Transactional
    public <T> T call(Supplier<T> work) {
      return work.get();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aLegalHoldRemovedByAnotherTransactionIsNotFoundAnyMore(TestDatabase.Kind kind) {
    try (TestDatabase db =
            kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      LegalHoldRepository legalHolds = weld.select(LegalHoldRepository.class).get();
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, Instant.now());
      cases.add(c);
      LegalHold hold = LegalHold.create(c.getId(), "Held", null, null, true, ALICE, Instant.now());
      legalHolds.add(hold);

      Optional<LegalHold> again =
          weld.select(OneTransaction.class)
              .get()
              .call(
                  () -> {
                    assertThat(legalHolds.findAny(c.getId(), hold.getId())).isPresent();
                    delete(db.dataSource(), "legal_hold", hold.getId());
                    return legalHolds.findAny(c.getId(), hold.getId());
                  });

      assertThat(again).isEmpty();
      assertThat(legalHolds.find(c.getId(), hold.getId())).isEmpty();
    }
  }

  private static void delete(DataSource dataSource, String table, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
      connection.setAutoCommit(true);
      delete.setString(1, id);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
