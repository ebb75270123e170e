package org.caseops.api.operations.actions;

import org.caseops.domain.operations.CaseAction;

/**
 * {@code convertToPdf} (a plain {@code caseOperation}: Graph has no derived type for it): renders
 * the files of a review set as PDF renditions. Targets: the {@code reviewSet}, and optionally a
 * {@code query} (or {@code reviewSetQuery}) to convert only the files it matches; no parameters or
 * properties beyond the base type. Started through {@code POST .../operations}.
 */
public final class ConvertToPdfAction extends ActionDescriptor {
  ConvertToPdfAction() {
    super(CaseAction.convertToPdf);
  }
}
