package org.caseops.api.operations.actions;

import java.util.List;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code holdPolicySync} ({@code ediscoveryHoldPolicySyncOperation}, after {@code
 * unknownFutureValue}): carries out a change of a legal hold. Target: the legal hold ({@code
 * "legalHold": {"id": ...}} through {@code POST .../operations}, with the Prefer header that
 * after-sentinel members need). Every change of a legal hold (create, PATCH, DELETE, its sources)
 * starts one, and so does {@code POST .../legalHolds/{id}/retryPolicy}. The derived type's {@code
 * reportFileMetadata} is a result caseops leaves empty.
 */
public final class HoldPolicySyncAction extends ActionDescriptor {
  public static final ActionEndpoint RETRY =
      ActionEndpoint.of(
          CaseAction.holdPolicySync, "legalHolds/{legalHoldId}/retryPolicy", TargetRole.LEGAL_HOLD);

  HoldPolicySyncAction() {
    super(CaseAction.holdPolicySync);
  }

  @Override
  public List<String> resultProperties() {
    return List.of("reportFileMetadata");
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(RETRY);
  }
}
