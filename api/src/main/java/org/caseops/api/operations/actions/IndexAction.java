package org.caseops.api.operations.actions;

import org.caseops.domain.operations.CaseAction;

/**
 * {@code index} ({@code ediscoveryIndexOperation}): indexes every source of the case's custodians.
 * No target, no parameters, no properties beyond the base type. Started through {@code POST
 * .../operations}.
 */
public final class IndexAction extends ActionDescriptor {
  IndexAction() {
    super(CaseAction.index);
  }
}
