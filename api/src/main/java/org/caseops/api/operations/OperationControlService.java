package org.caseops.api.operations;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationControl;
import org.caseops.domain.operations.OperationJobs;

/**
 * Cancels and retries a case's operations (caseops additions): finds the operation in its case,
 * then applies the rules of {@link OperationControl}.
 */
@Dependent
public class OperationControlService {
  private final Lookups lookups;
  private final OperationControl control;

  @Inject
  public OperationControlService(
      Lookups lookups, CaseOperationRepository operations, OperationJobs jobs, Clock clock) {
    this.lookups = lookups;
    this.control = new OperationControl(operations, jobs, clock);
  }

  /**
   * Cancels an open operation of the case; 404 when it is not the case's, 409 when it has ended.
   */
  public CaseOperation cancel(String caseId, String operationId, IdentitySet by) {
    return control.cancel(lookups.findOperation(caseId, operationId), by);
  }

  /** Retries a failed or cancelled operation of the case from its checkpoint. */
  public CaseOperation retry(String caseId, String operationId) {
    return control.retry(lookups.findOperation(caseId, operationId));
  }
}
