package org.caseops.api.custodians;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.testing.InMemoryCases;
import org.caseops.api.testing.InMemoryCustodians;
import org.caseops.api.testing.InMemoryOperations;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustodianServiceTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  private final InMemoryCases cases = new InMemoryCases();
  private final InMemoryCustodians custodians = new InMemoryCustodians();
  private final InMemoryOperations operations = new InMemoryOperations();
  private CustodianService service;
  private String caseId;

  @BeforeEach
  void setUp() {
    service =
        new CustodianService(
            new Lookups(cases, custodians, operations),
            custodians,
            operations,
            Clock.fixed(NOW, ZoneOffset.UTC));
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, NOW);
    cases.add(c);
    caseId = c.getId();
  }

  private static CustodianRequests.NewSource mailbox(String email) {
    return new CustodianRequests.NewSource(SourceKind.USER, email, null);
  }

  @Test
  void aCaseHoldsEachCustodianEmailOnce() {
    Custodian adele =
        service.add(caseId, new CustodianRequests.NewCustodian("AdeleV@contoso.com", null));

    assertThat(adele.getDisplayName()).isEqualTo("AdeleV@contoso.com");
    assertThatRefusedBy(
            () ->
                service.add(caseId, new CustodianRequests.NewCustodian("adelev@CONTOSO.com", null)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo(ErrorCode.conflict);
            });
    assertThat(custodians.custodians).hasSize(1);
  }

  @Test
  void aRaceLostAtTheInsertIsStillAConflict() {
    InMemoryCustodians racing =
        new InMemoryCustodians() {
          private int checks;

          @Override
          public boolean emailTaken(String caseId, String email) {
            // Free at the check; taken by the concurrent request when looked at after the failed
            // insert.
            return checks++ > 0;
          }

          @Override
          public void add(Custodian custodian) {
            throw new IllegalStateException("unique constraint violated");
          }
        };
    CustodianService racingService =
        new CustodianService(
            new Lookups(cases, racing, operations),
            racing,
            operations,
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatRefusedBy(
            () ->
                racingService.add(
                    caseId, new CustodianRequests.NewCustodian("adele@contoso.com", null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void otherInsertFailuresAreNotDisguised() {
    custodians.addFailure = new IllegalStateException("database down");

    assertThatRefusedBy(
            () ->
                service.add(caseId, new CustodianRequests.NewCustodian("adele@contoso.com", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("database down");
  }

  @Test
  void sourcesAreAddedUnderTheirCustodian() {
    Custodian adele =
        service.add(caseId, new CustodianRequests.NewCustodian("adele@contoso.com", null));

    CustodianSource source =
        service.addSource(caseId, adele.getId(), mailbox("adele@contoso.com"), ALICE);
    CustodianSource site =
        service.addSource(
            caseId,
            adele.getId(),
            new CustodianRequests.NewSource(
                SourceKind.SITE, "https://contoso.sharepoint.com/sites/Retail", "Retail"),
            ALICE);

    assertThat(source.getCreatedBy()).isEqualTo(ALICE);
    assertThat(service.listSources(caseId, adele.getId(), SourceKind.USER)).containsExactly(source);
    assertThat(service.listSources(caseId, adele.getId(), SourceKind.SITE)).containsExactly(site);
    assertThat(service.getSource(caseId, adele.getId(), SourceKind.SITE, site.getId()))
        .isSameAs(site);
  }

  @Test
  void twoSourcesOfACaseNeverReadTheSameFolder() {
    Custodian adele =
        service.add(caseId, new CustodianRequests.NewCustodian("adele@contoso.com", null));
    Custodian bob =
        service.add(caseId, new CustodianRequests.NewCustodian("bob@contoso.com", null));
    service.addSource(caseId, adele.getId(), mailbox("shared@contoso.com"), ALICE);
    service.addSource(
        caseId,
        adele.getId(),
        new CustodianRequests.NewSource(
            SourceKind.SITE, "https://contoso.sharepoint.com/sites/Retail", null),
        ALICE);

    assertThatRefusedBy(
            () -> service.addSource(caseId, bob.getId(), mailbox("Shared@Contoso.com"), ALICE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("already has a userSource");
    assertThatRefusedBy(
            () ->
                service.addSource(
                    caseId,
                    bob.getId(),
                    new CustodianRequests.NewSource(
                        SourceKind.SITE, "https://CONTOSO.sharepoint.com/sites/Retail/", null),
                    ALICE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(custodians.sources).hasSize(2);
  }

  @Test
  void sourcesOfAnUnknownCustodianAreNotFound() {
    String missing = "00000000-0000-0000-0000-000000000001";
    assertThatRefusedBy(() -> service.addSource(caseId, missing, mailbox("a@contoso.com"), ALICE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatRefusedBy(() -> service.listSources(caseId, missing, SourceKind.USER))
        .hasMessage("No ediscoveryCustodian with id '" + missing + "' in case '" + caseId + "'.");
  }

  @Test
  void lastIndexOperationIsFoundOnceAnIndexCoveredTheSource() {
    Custodian adele =
        service.add(caseId, new CustodianRequests.NewCustodian("adele@contoso.com", null));
    CustodianSource source =
        service.addSource(caseId, adele.getId(), mailbox("adele@contoso.com"), ALICE);

    assertThatRefusedBy(() -> service.lastIndexOperation(caseId, adele.getId()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage(
            "No index operation has covered custodian '"
                + adele.getId()
                + "', so it has no lastIndexOperation.");

    CaseOperation index = CaseOperation.submit(caseId, CaseAction.index, ALICE, NOW);
    operations.add(index);
    custodians.markIndexed(List.of(source.getId()), index.getId());

    assertThat(service.lastIndexOperation(caseId, adele.getId())).isSameAs(index);
    assertThat(service.lastIndexOperation(caseId, adele.getId(), SourceKind.USER, source.getId()))
        .isSameAs(index);
  }
}
