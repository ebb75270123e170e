package org.caseops.batch.holds;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Starts a hold change: the custodians and their sources move to {@code applying} (from then on the
 * index preserves their new and changed items) or {@code removing}.
 */
@Dependent
@Named
public class HoldBeginBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CustodianRepository custodians;

  @Override
  public String process() {
    OperationRun run = OperationRun.of(jobContext);
    HoldChange change = HoldChange.of(operations.find(run.operationId()).orElseThrow(), custodians);
    custodians.setHoldStatus(
        run.caseId(), change.custodianIds(), HoldStatuses.during(change.remove()));
    return "COMPLETED";
  }
}
