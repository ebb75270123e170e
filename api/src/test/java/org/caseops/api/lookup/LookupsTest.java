package org.caseops.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import java.time.Instant;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.testing.InMemoryCases;
import org.caseops.api.testing.InMemoryCustodians;
import org.caseops.api.testing.InMemoryOperations;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.junit.jupiter.api.Test;

class LookupsTest {
  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  private static final String MISSING = "00000000-0000-0000-0000-00000000000f";

  @Test
  void idsAreValidatedAndLowerCased() {
    assertThat(Lookups.caseId("22AA2ACD-7554-4330-9BA9-CE20014AAAE4"))
        .isEqualTo("22aa2acd-7554-4330-9ba9-ce20014aaae4");
    assertThat(Lookups.operationId("850C2F64B1EE44A4A69729327AAC2B04"))
        .isEqualTo("850c2f64b1ee44a4a69729327aac2b04");
    assertThatRefusedBy(() -> Lookups.caseId("not-a-guid"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo(ErrorCode.itemNotFound);
              assertThat(e.getMessage()).isEqualTo("No ediscoveryCase with id 'not-a-guid'.");
            });
    // An id of another kind's shape names nothing either: a client cannot know caseops' formats.
    assertThatRefusedBy(() -> Lookups.operationId("22aa2acd-7554-4330-9ba9-ce20014aaae4"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("No caseOperation with id '22aa2acd-7554-4330-9ba9-ce20014aaae4'.");
    assertThatRefusedBy(() -> Lookups.sourceId("x", SourceKind.SITE))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("No siteSource with id 'x'.");
    assertThatRefusedBy(() -> ResourceLookups.fileId("22aa2acd"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("No ediscoveryFile with id '22aa2acd'.");
    assertThatRefusedBy(() -> ResourceLookups.tagId(null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessageStartingWith("No ediscoveryReviewTag with id");
  }

  @Test
  void idsInRequestBodiesKeepTheirShapeCheck() {
    assertThatRefusedBy(() -> Lookups.guid("not-a-guid", "ediscoverySearch"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.invalidRequest);
              assertThat(e.getMessage())
                  .isEqualTo("'not-a-guid' is not a valid ediscoverySearch id: ids are GUIDs.");
            });
  }

  @Test
  void aMissingResourceNamesTheFirstMissingLevel() {
    InMemoryCases cases = new InMemoryCases();
    InMemoryCustodians custodians = new InMemoryCustodians();
    Lookups lookups = new Lookups(cases, custodians, new InMemoryOperations());
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, NOW);
    cases.add(c);
    Custodian alice = Custodian.add(c.getId(), "alice@contoso.com", null, NOW);
    custodians.add(alice);
    CustodianSource mailbox =
        CustodianSource.mailbox(c.getId(), alice.getId(), "alice@contoso.com", null, null, NOW);
    custodians.addSource(mailbox);

    assertThat(lookups.findSource(c.getId(), alice.getId(), SourceKind.USER, mailbox.getId()))
        .isSameAs(mailbox);
    assertThatRefusedBy(
            () -> lookups.findSource(c.getId(), alice.getId(), SourceKind.SITE, mailbox.getId()))
        .hasMessage(
            "No siteSource with id '"
                + mailbox.getId()
                + "' for custodian '"
                + alice.getId()
                + "'.");
    assertThatRefusedBy(
            () -> lookups.findSource(c.getId(), MISSING, SourceKind.USER, mailbox.getId()))
        .hasMessage(
            "No ediscoveryCustodian with id '" + MISSING + "' in case '" + c.getId() + "'.");
    assertThatRefusedBy(
            () -> lookups.findSource(MISSING, alice.getId(), SourceKind.USER, mailbox.getId()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("No ediscoveryCase with id '" + MISSING + "'.");
  }
}
