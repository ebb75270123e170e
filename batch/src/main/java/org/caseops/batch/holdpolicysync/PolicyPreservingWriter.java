package org.caseops.batch.holdpolicysync;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.caseops.batch.holds.Preserver;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Preserves a chunk of the items a legal hold covers ({@link Preserver}): their contents go to the
 * case's content store, shared with every other hold and review set, and their records, under the
 * legal hold, are written within the chunk's transaction.
 */
@Dependent
@Named
public class PolicyPreservingWriter extends AbstractItemWriter {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CustodianRepository custodians;
  @Inject LegalHoldRepository legalHolds;
  @Inject Preserver preserver;

  @Inject @BatchProperty String copyThreads;
  @Inject @BatchProperty String maxItemBytes;

  private PolicyScope scope;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    if (scope == null) {
      scope =
          PolicyScope.of(operations.find(run.operationId()).orElseThrow(), legalHolds, custodians);
    }
    List<Item> held = new ArrayList<>(items.size());
    for (Object item : items) {
      held.add((Item) item);
    }
    preserver.preserve(
        run.caseId(),
        held,
        scope.sources(),
        item -> List.of(scope.ref()),
        run.operationId(),
        copyThreads == null || copyThreads.isBlank()
            ? 4
            : Math.max(1, Integer.parseInt(copyThreads.trim())),
        Long.parseLong(maxItemBytes.trim()));
  }
}
