package org.caseops.api.operations.actions;

import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.JsonBody;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code holdUpdate} ({@code ediscoveryHoldOperation}): applies or removes the hold of custodians
 * or non-custodial data sources (the same endpoints under {@code noncustodialDataSources}). Target:
 * their ids ({@code ids}); started by {@code POST .../custodians/{id}/applyHold} and {@code
 * .../removeHold} (the custodian in the URL, no body) and in bulk by {@code POST
 * .../custodians/applyHold} and {@code .../removeHold} with {@code {"ids": [...]}}. Through {@code
 * POST .../operations} the body names the custodians as {@code ids} and may say {@code
 * "holdChange": "removeHold"} (the default is {@code applyHold}). The derived type adds no
 * properties.
 */
public final class HoldUpdateAction extends ActionDescriptor {
  public static final ActionEndpoint APPLY_ON_CUSTODIAN =
      ActionEndpoint.of(
          CaseAction.holdUpdate, "custodians/{custodianId}/applyHold", TargetRole.CUSTODIANS);
  public static final ActionEndpoint REMOVE_ON_CUSTODIAN =
      ActionEndpoint.of(
          CaseAction.holdUpdate, "custodians/{custodianId}/removeHold", TargetRole.CUSTODIANS);
  public static final ActionEndpoint APPLY_ON_CUSTODIANS =
      ActionEndpoint.of(CaseAction.holdUpdate, "custodians/applyHold");
  public static final ActionEndpoint REMOVE_ON_CUSTODIANS =
      ActionEndpoint.of(CaseAction.holdUpdate, "custodians/removeHold");

  public static final ActionEndpoint APPLY_ON_NONCUSTODIAL =
      ActionEndpoint.of(
          CaseAction.holdUpdate,
          "noncustodialDataSources/{noncustodialDataSourceId}/applyHold",
          TargetRole.CUSTODIANS);
  public static final ActionEndpoint REMOVE_ON_NONCUSTODIAL =
      ActionEndpoint.of(
          CaseAction.holdUpdate,
          "noncustodialDataSources/{noncustodialDataSourceId}/removeHold",
          TargetRole.CUSTODIANS);
  public static final ActionEndpoint APPLY_ON_NONCUSTODIALS =
      ActionEndpoint.of(CaseAction.holdUpdate, "noncustodialDataSources/applyHold");
  public static final ActionEndpoint REMOVE_ON_NONCUSTODIALS =
      ActionEndpoint.of(CaseAction.holdUpdate, "noncustodialDataSources/removeHold");

  /** The caseops parameter of {@code POST .../operations} that says what the change does. */
  public static final String HOLD_CHANGE = "holdChange";

  HoldUpdateAction() {
    super(CaseAction.holdUpdate);
  }

  @Override
  public void readParameters(JsonBody body, boolean include, List<String> options) {
    String change = body.optionalString(HOLD_CHANGE, 64);
    if (change == null) {
      return;
    }
    if (!change.equals(OperationTarget.APPLY_HOLD) && !change.equals(OperationTarget.REMOVE_HOLD)) {
      throw ApiException.invalidRequest(
          "The property '"
              + HOLD_CHANGE
              + "' must be 'applyHold' or 'removeHold', not '"
              + (change.length() > 64 ? change.substring(0, 64) : change)
              + "'.");
    }
    options.add(change);
  }

  @Override
  public List<String> parameters() {
    return List.of(HOLD_CHANGE);
  }

  /** Whether an endpoint removes the hold (rather than applying it). */
  public static boolean removes(ActionEndpoint endpoint) {
    return endpoint.path().endsWith("/removeHold");
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(
        APPLY_ON_CUSTODIAN,
        REMOVE_ON_CUSTODIAN,
        APPLY_ON_CUSTODIANS,
        REMOVE_ON_CUSTODIANS,
        APPLY_ON_NONCUSTODIAL,
        REMOVE_ON_NONCUSTODIAL,
        APPLY_ON_NONCUSTODIALS,
        REMOVE_ON_NONCUSTODIALS);
  }
}
