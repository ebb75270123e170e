package org.caseops.batch.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.custodians.PriorHoldStatuses;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the database puts back when a hold change's job cannot start: the hold statuses from before
 * it, and a legal hold's error, each only where nothing else has changed them since.
 */
class HoldStatusRestoreTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void theStatusesFromBeforeAHoldChangeArePutBackWhereTheyAreStillTheChangesOwn(
      TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      String caseId = h.newCase().getId();
      Custodian megan = h.newCustodian(caseId, "megan@contoso.example");
      CustodianSource mailbox = h.mailbox(megan);
      Custodian adele = h.newCustodian(caseId, "adele@contoso.example");
      CustodianSource adeleMailbox = h.mailbox(adele);
      NoncustodialSourceRepository noncustodial =
          h.weld.select(NoncustodialSourceRepository.class).get();
      NoncustodialDataSource shared =
          NoncustodialDataSource.add(caseId, "shared@contoso.example", Instant.now());
      CustodianSource sharedSource =
          CustodianSource.noncustodial(
              caseId,
              shared.getId(),
              SourceKind.USER,
              "shared@contoso.example",
              null,
              ALICE,
              Instant.now());
      noncustodial.add(shared, sharedSource);
      h.custodians.setHoldStatus(
          caseId, List.of(megan.getId(), shared.getId()), DataSourceHoldStatus.applied);
      h.custodians.setHoldStatus(caseId, List.of(adele.getId()), DataSourceHoldStatus.partial);
      // Megan's site is added after her hold was applied: its status is its own.
      CustodianSource site = h.site(megan, "https://contoso.example/sites/legal");
      assertThat(source(h, site)).isEqualTo(DataSourceHoldStatus.notApplied);

      PriorHoldStatuses prior =
          h.custodians.changeHoldStatus(
              caseId,
              List.of(megan.getId(), adele.getId(), shared.getId()),
              DataSourceHoldStatus.removing);

      assertThat(prior.containers())
          .containsEntry(megan.getId(), DataSourceHoldStatus.applied)
          .containsEntry(adele.getId(), DataSourceHoldStatus.partial)
          .containsEntry(shared.getId(), DataSourceHoldStatus.applied)
          .hasSize(3);
      assertThat(prior.sources())
          .containsEntry(mailbox.getId(), DataSourceHoldStatus.applied)
          .containsEntry(site.getId(), DataSourceHoldStatus.notApplied)
          .containsEntry(adeleMailbox.getId(), DataSourceHoldStatus.partial)
          .containsEntry(sharedSource.getId(), DataSourceHoldStatus.applied)
          .hasSize(4);
      assertThat(custodian(h, megan)).isEqualTo(DataSourceHoldStatus.removing);
      assertThat(source(h, site)).isEqualTo(DataSourceHoldStatus.removing);
      assertThat(noncustodial.find(caseId, shared.getId()).orElseThrow().getHoldStatus())
          .isEqualTo(DataSourceHoldStatus.removing);

      // Meanwhile Adele's hold is found partial again by something else: hers stays.
      h.custodians.setHoldStatus(caseId, List.of(adele.getId()), DataSourceHoldStatus.applied);
      h.custodians.restoreHoldStatus(caseId, prior, DataSourceHoldStatus.removing);

      assertThat(custodian(h, megan)).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(source(h, mailbox)).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(source(h, site)).isEqualTo(DataSourceHoldStatus.notApplied);
      assertThat(custodian(h, adele)).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(source(h, adeleMailbox)).isEqualTo(DataSourceHoldStatus.applied);
      assertThat(noncustodial.find(caseId, shared.getId()).orElseThrow().getHoldStatus())
          .isEqualTo(DataSourceHoldStatus.applied);
      assertThat(noncustodial.dataSourceOf(caseId, shared.getId()).orElseThrow().getHoldStatus())
          .isEqualTo(DataSourceHoldStatus.applied);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aLegalHoldIsInErrorOnlyWhileItIsPendingOnTheSyncThatDidNotStart(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      LegalHoldRepository legalHolds = h.weld.select(LegalHoldRepository.class).get();
      String caseId = h.newCase().getId();
      LegalHold hold = LegalHold.create(caseId, "everything", null, null, true, ALICE, now());
      legalHolds.add(hold);
      CaseOperation first = sync(h, caseId, hold);
      h.operations.complete(first.getId(), CaseOperationStatus.succeeded, null, now());
      CaseOperation second = sync(h, caseId, hold);

      // Not the hold's last sync: a later change's is left alone.
      assertThat(legalHolds.syncNotStarted(caseId, hold.getId(), first.getId(), "no start"))
          .isFalse();
      assertThat(status(legalHolds, caseId, hold)).isEqualTo(PolicyStatus.pending);

      assertThat(legalHolds.syncNotStarted(caseId, hold.getId(), second.getId(), "no start"))
          .isTrue();
      assertThat(status(legalHolds, caseId, hold)).isEqualTo(PolicyStatus.error);
      assertThat(legalHolds.find(caseId, hold.getId()).orElseThrow().getErrors())
          .containsExactly("no start");

      // A hold no longer pending keeps what it says.
      legalHolds.concluded(caseId, hold.getId(), PolicyStatus.success, List.of());
      assertThat(legalHolds.syncNotStarted(caseId, hold.getId(), second.getId(), "no start"))
          .isFalse();
      assertThat(status(legalHolds, caseId, hold)).isEqualTo(PolicyStatus.success);
    }
  }

  private static CaseOperation sync(IndexJobHarness h, String caseId, LegalHold hold) {
    CaseOperation operation =
        CaseOperation.submit(
            caseId,
            CaseAction.holdPolicySync,
            OperationTarget.legalHold(hold.getId()),
            ALICE,
            now());
    h.operations.submit(operation);
    return operation;
  }

  private static PolicyStatus status(
      LegalHoldRepository legalHolds, String caseId, LegalHold hold) {
    return legalHolds.find(caseId, hold.getId()).orElseThrow().getStatus();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private static DataSourceHoldStatus custodian(IndexJobHarness h, Custodian custodian) {
    return h.custodians
        .find(custodian.getCaseId(), custodian.getId())
        .orElseThrow()
        .getHoldStatus();
  }

  private static DataSourceHoldStatus source(IndexJobHarness h, CustodianSource source) {
    return h.custodians
        .findSource(source.getCaseId(), source.getCustodianId(), source.getKind(), source.getId())
        .orElseThrow()
        .getHoldStatus();
  }
}
