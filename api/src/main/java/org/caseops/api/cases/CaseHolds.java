package org.caseops.api.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.custodians.HoldService;
import org.caseops.api.holds.LegalHoldService;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseOperation;

/**
 * Every hold of a case, as closing the case sees them: {@link #releaseAll} releases them all. Each
 * kind of hold the case can have (custodian and non-custodial data source holds, legal holds) adds
 * its release here, so that closing a case needs to know of none of them.
 */
@Dependent
public class CaseHolds {
  private final HoldService custodianHolds;
  private final LegalHoldService legalHolds;

  @Inject
  public CaseHolds(HoldService custodianHolds, LegalHoldService legalHolds) {
    this.custodianHolds = custodianHolds;
    this.legalHolds = legalHolds;
  }

  /**
   * Starts releasing every hold in force in the case and returns the operations that do it (a
   * {@code holdUpdate} removing the hold of every held custodian and non-custodial data source, and
   * a {@code holdPolicySync} of every legal hold, disabled first); empty when nothing is held.
   *
   * @throws org.caseops.domain.support.ConflictException when a hold change of the case has not
   *     finished yet (nothing was started then)
   */
  public List<CaseOperation> releaseAll(String caseId, IdentitySet by) {
    legalHolds.requireNoHoldChangeRunningInCase(caseId);
    List<CaseOperation> started = new ArrayList<>();
    custodianHolds.removeAllOfCase(caseId, by).ifPresent(started::add);
    started.addAll(legalHolds.releaseAllOfCase(caseId, by));
    return started;
  }
}
