package org.caseops.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.api.requests.RequestIds;
import org.caseops.api.security.AuthenticatedCaller;
import org.caseops.api.testing.InMemoryAuditLog;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;
import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.Test;

class AuditFilterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-04T03:02:01Z"), ZoneOffset.UTC);
  private static final RequestIds.Pair IDS = new RequestIds.Pair("req-1", "client-1");
  private static final AuthenticatedCaller USER =
      AuthenticatedCaller.fromClaims(
          Map.of("oid", "u-42", "name", "Dana Reviewer", "scp", "eDiscovery.ReadWrite.All"));
  private static final AuthenticatedCaller APP =
      AuthenticatedCaller.fromClaims(
          Map.of(
              "appid",
              "app-7",
              "app_displayname",
              "Nightly Intake",
              "roles",
              List.of("eDiscovery.Read.All")));

  @Test
  void stateChangingMethodsOfAKnownCallerAreAudited() {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "post")) {
      assertThat(
              AuditFilter.entryFor(
                  method, "v1.0/security/cases/ediscoveryCases", 201, IDS, USER, CLOCK))
          .as(method)
          .isPresent();
    }
  }

  @Test
  void readsAndUnknownCallersAreNotAudited() {
    for (String method : List.of("GET", "HEAD", "OPTIONS")) {
      assertThat(
              AuditFilter.entryFor(
                  method, "v1.0/security/cases/ediscoveryCases", 200, IDS, USER, CLOCK))
          .as(method)
          .isEmpty();
    }
    assertThat(
            AuditFilter.entryFor(
                "POST", "v1.0/security/cases/ediscoveryCases", 401, IDS, null, CLOCK))
        .isEmpty();
  }

  @Test
  void anEntryCarriesTheRequestTheAnswerAndTheUser() {
    AuditEntry entry =
        AuditFilter.entryFor(
                "patch",
                "v1.0/security/cases/ediscoveryCases/c-9/custodians",
                409,
                IDS,
                USER,
                CLOCK)
            .orElseThrow();
    assertThat(entry.getMethod()).isEqualTo("PATCH");
    assertThat(entry.getPath()).isEqualTo("/v1.0/security/cases/ediscoveryCases/c-9/custodians");
    assertThat(entry.getStatus()).isEqualTo(409);
    assertThat(entry.getRequestId()).isEqualTo("req-1");
    assertThat(entry.getClientRequestId()).isEqualTo("client-1");
    assertThat(entry.getCaseId()).isEqualTo("c-9");
    assertThat(entry.getAt()).isEqualTo(CLOCK.instant());
    assertThat(entry.getActor()).isEqualTo(IdentitySet.user("u-42", "Dana Reviewer"));
    assertThat(entry.getId()).matches("[0-9a-f]{32}");
  }

  @Test
  void anApplicationIsRecordedAsTheApplicationAndAPathWithoutACaseHasNoCaseId() {
    AuditEntry entry =
        AuditFilter.entryFor("POST", "/beta/security/cases/ediscoveryCases", 403, IDS, APP, CLOCK)
            .orElseThrow();
    assertThat(entry.getActor()).isEqualTo(IdentitySet.application("app-7", "Nightly Intake"));
    assertThat(entry.getCaseId()).isNull();
    assertThat(entry.getPath()).isEqualTo("/beta/security/cases/ediscoveryCases");
  }

  @Test
  void recordingStoresTheEntryAndAFailingLogNeverBreaksTheAnswer() {
    List<AuditEntry> kept = new ArrayList<>();
    AuditFilter filter = filterWith(new InMemoryAuditLog(kept));
    filter.record("DELETE", "v1.0/security/cases/ediscoveryCases/c-1", 204, IDS, USER);
    filter.record("GET", "v1.0/security/cases/ediscoveryCases/c-1", 200, IDS, USER);
    assertThat(kept).extracting(AuditEntry::getMethod).containsExactly("DELETE");

    AuditFilter failing =
        filterWith(
            new InMemoryAuditLog(kept) {
              @Override
              public void record(AuditEntry entry) {
                throw new IllegalStateException("database down");
              }
            });
    assertThatCode(
            () -> failing.record("POST", "v1.0/security/cases/ediscoveryCases", 201, IDS, USER))
        .doesNotThrowAnyException();
  }

  private static AuditFilter filterWith(AuditLog log) {
    AuditFilter filter = new AuditFilter();
    filter.log = log;
    filter.clock = CLOCK;
    return filter;
  }

  @Test
  void onlyTheAuditPermissionOpensTheLog() {
    AuthenticatedCaller admin =
        AuthenticatedCaller.fromClaims(
            Map.of("oid", "u-1", "scp", "eDiscovery.Read.All CASEOPS.audit.read.all"));
    AuthenticatedCaller adminApp =
        AuthenticatedCaller.fromClaims(
            Map.of(
                "appid", "a-1", "roles", List.of("eDiscovery.Read.All", "caseops.Audit.Read.All")));
    assertThatCode(() -> AuditLogResource.requireAuditRead(admin)).doesNotThrowAnyException();
    assertThatCode(() -> AuditLogResource.requireAuditRead(adminApp)).doesNotThrowAnyException();
    for (Object refused : new Object[] {USER, APP, null, Optional.empty()}) {
      assertThatCode(() -> AuditLogResource.requireAuditRead(refused))
          .as(String.valueOf(refused))
          .isInstanceOfSatisfying(
              org.caseops.api.errors.ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.code()).isEqualTo(org.caseops.api.errors.ErrorCode.accessDenied);
                assertThat(e.getMessage()).contains("caseops.Audit.Read.All");
              });
    }
  }
}
