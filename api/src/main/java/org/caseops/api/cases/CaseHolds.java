package org.caseops.api.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.custodians.HoldService;
import org.caseops.api.holds.LegalHoldService;
import org.caseops.api.operations.OperationService;
import org.caseops.domain.identity.IdentitySet;

/**
 * Every hold of a case, as closing the case sees them: {@link #releaseAll} releases them all. Each
 * kind of hold the case can have (custodian and non-custodial data source holds, legal holds) adds
 * its release here, so that closing a case needs to know of none of them.
 */
@Dependent
public class CaseHolds {
  private final HoldService custodianHolds;
  private final LegalHoldService legalHolds;
  private final OperationService operations;

  @Inject
  public CaseHolds(
      HoldService custodianHolds, LegalHoldService legalHolds, OperationService operations) {
    this.custodianHolds = custodianHolds;
    this.legalHolds = legalHolds;
    this.operations = operations;
  }

  /**
   * Starts releasing every hold in force in the case (a {@code holdUpdate} removing the hold of
   * every held custodian and non-custodial data source, and a {@code holdPolicySync} of every legal
   * hold, disabled first): all of them are stored before any starts, and none is when one cannot be
   * ({@link OperationService#submitAll}). Nothing is submitted when nothing is held.
   *
   * @throws org.caseops.domain.support.ConflictException when a hold change of the case has not
   *     finished yet, or another operation blocks one of the releases (nothing was stored or
   *     started then)
   */
  public OperationService.Submitted releaseAll(String caseId, IdentitySet by) {
    legalHolds.requireNoHoldChangeRunningInCase(caseId);
    List<OperationService.Submission> releases = new ArrayList<>();
    custodianHolds.releaseOfCase(caseId).ifPresent(releases::add);
    releases.addAll(legalHolds.releasesOfCase(caseId, by));
    if (releases.isEmpty()) {
      return new OperationService.Submitted(List.of(), List.of(), null);
    }
    return operations.submitAll(caseId, releases, by);
  }
}
