package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit log repository and its migration, on H2 and on PostgreSQL. */
class AuditLogTest {
  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  private static TestDatabase open(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void entriesAreKeptWithTheirActorAndListedNewestFirst(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      AuditLog log = weld.select(AuditLog.class).get();
      Instant t0 = Instant.parse("2026-03-01T10:15:30.123Z");
      IdentitySet alice = IdentitySet.user("u-1", "Alice");
      IdentitySet intake = IdentitySet.application("app-1", "Nightly Intake");
      String longPath = "/v1.0/security/cases/ediscoveryCases/" + "x".repeat(3000);

      AuditEntry created =
          AuditEntry.of(
              t0, "POST", "/v1.0/security/cases/ediscoveryCases", 201, "r-1", "c-1", null, alice);
      AuditEntry refused =
          AuditEntry.of(t0.plusSeconds(1), "DELETE", longPath, 409, "r-2", "r-2", "case-9", intake);
      AuditEntry patched =
          AuditEntry.of(
              t0.plusSeconds(2),
              "PATCH",
              "/beta/security/cases/ediscoveryCases/case-9",
              204,
              "r-3",
              "r-3",
              "case-9",
              alice);
      log.record(refused);
      log.record(patched);
      log.record(created);

      assertThat(log.count()).isEqualTo(3);
      assertThat(log.list(0, 10))
          .extracting(AuditEntry::getRequestId)
          .containsExactly("r-3", "r-2", "r-1");
      assertThat(log.list(1, 1)).extracting(AuditEntry::getRequestId).containsExactly("r-2");
      assertThat(log.list(0, 0)).isEmpty();

      AuditEntry first = log.list(2, 5).get(0);
      assertThat(first.getId()).isEqualTo(created.getId()).hasSize(32);
      assertThat(first.getAt()).isEqualTo(t0.truncatedTo(ChronoUnit.MILLIS));
      assertThat(first.getMethod()).isEqualTo("POST");
      assertThat(first.getPath()).isEqualTo("/v1.0/security/cases/ediscoveryCases");
      assertThat(first.getStatus()).isEqualTo(201);
      assertThat(first.getClientRequestId()).isEqualTo("c-1");
      assertThat(first.getCaseId()).isNull();
      assertThat(first.getActor()).isEqualTo(alice);

      AuditEntry second = log.list(1, 1).get(0);
      assertThat(second.getPath()).hasSize(AuditEntry.MAX_PATH).startsWith("/v1.0/security/cases/");
      assertThat(second.getCaseId()).isEqualTo("case-9");
      assertThat(second.getStatus()).isEqualTo(409);
      assertThat(second.getActor()).isEqualTo(intake);
    }
  }
}
