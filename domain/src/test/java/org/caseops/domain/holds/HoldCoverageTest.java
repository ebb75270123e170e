package org.caseops.domain.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.Test;

class HoldCoverageTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  @Test
  void aSourceIsCoveredWholeByItsContainersHoldInForceAndByEveryLegalHoldWithoutAQuery() {
    CustodianSource megan =
        CustodianSource.mailbox("c1", "k1", "megan@contoso.example", null, ALICE, NOW);
    CustodianSource shared =
        CustodianSource.noncustodial(
            "c1", "n1", SourceKind.USER, "shared@contoso.example", null, ALICE, NOW);
    CustodianSource site =
        CustodianSource.noncustodial(
            "c1", "n2", SourceKind.SITE, "https://contoso.example/sites/x", null, ALICE, NOW);
    megan.holdStatus(DataSourceHoldStatus.applied);
    shared.holdStatus(DataSourceHoldStatus.removing);
    site.holdStatus(DataSourceHoldStatus.notApplied);
    LegalHold whole = LegalHold.create("c1", "all of megan", null, null, true, ALICE, NOW);
    whole.addSources(List.of(megan.getId()));
    LegalHold queried = LegalHold.create("c1", "walrus", null, "walrus", true, ALICE, NOW);
    queried.addSources(List.of(site.getId(), shared.getId()));
    LegalHold disabled = LegalHold.create("c1", "off", null, null, false, ALICE, NOW);
    disabled.addSources(List.of(site.getId()));
    LegalHold deleted = LegalHold.create("c1", "gone", null, null, true, ALICE, NOW);
    deleted.addSources(List.of(site.getId()));
    deleted.delete();

    HoldCoverage coverage =
        HoldCoverage.of(List.of(megan, shared, site), List.of(whole, queried, disabled, deleted));

    assertThat(coverage.wholeOf(megan.getId()))
        .containsExactly(HoldRef.custodian("k1"), HoldRef.legalHold(whole.getId()));
    // A hold being removed is in force until its removal has ended.
    assertThat(coverage.wholeOf(shared.getId())).containsExactly(HoldRef.noncustodial("n1"));
    // Neither a disabled nor a deleted legal hold covers anything; a query covers only matches.
    assertThat(coverage.coversWhole(site.getId())).isFalse();
    assertThat(coverage.queried())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.hold()).isEqualTo(HoldRef.legalHold(queried.getId()));
              assertThat(q.contentQuery()).isEqualTo("walrus");
              assertThat(q.sourceIds()).containsExactlyInAnyOrder(site.getId(), shared.getId());
            });
  }

  @Test
  void nothingIsCoveredWithoutAHoldInForce() {
    CustodianSource megan =
        CustodianSource.mailbox("c1", "k1", "megan@contoso.example", null, ALICE, NOW);
    LegalHold empty = LegalHold.create("c1", "no sources", null, "x", true, ALICE, NOW);
    assertThat(HoldCoverage.of(List.of(megan), List.of(empty)).isEmpty()).isTrue();
  }
}
