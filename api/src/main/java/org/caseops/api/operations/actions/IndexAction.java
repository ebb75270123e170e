package org.caseops.api.operations.actions;

import java.util.List;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.TargetRole;

/**
 * {@code index} ({@code ediscoveryIndexOperation}): indexes every source of the case's custodians.
 * No parameters, no properties beyond the base type. Started through {@code POST .../operations}; a
 * custodian's {@code updateIndex} starts it on that custodian's sources only (its one target part,
 * optional: the custodians, {@code ids} in a body).
 */
public final class IndexAction extends ActionDescriptor {
  public static final ActionEndpoint UPDATE_INDEX =
      ActionEndpoint.of(
          CaseAction.index, "custodians/{custodianId}/updateIndex", TargetRole.CUSTODIANS);

  public static final ActionEndpoint UPDATE_NONCUSTODIAL_INDEX =
      ActionEndpoint.of(
          CaseAction.index,
          "noncustodialDataSources/{noncustodialDataSourceId}/updateIndex",
          TargetRole.CUSTODIANS);

  IndexAction() {
    super(CaseAction.index);
  }

  @Override
  public List<ActionEndpoint> endpoints() {
    return List.of(UPDATE_INDEX, UPDATE_NONCUSTODIAL_INDEX);
  }
}
