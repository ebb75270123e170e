package org.caseops.batch.holds;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Preserves a chunk of held items ({@link Preserver}): their contents go to the case's content
 * store, several at once, and their records are written within the chunk's transaction.
 */
@Dependent
@Named
public class PreservingWriter extends AbstractItemWriter {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CustodianRepository custodians;
  @Inject Preserver preserver;

  @Inject @BatchProperty String copyThreads;
  @Inject @BatchProperty String maxItemBytes;

  private HoldChange change;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    if (change == null) {
      change = HoldChange.of(operations.find(run.operationId()).orElseThrow(), custodians);
    }
    List<Item> held = new ArrayList<>(items.size());
    for (Object item : items) {
      held.add((Item) item);
    }
    preserver.preserve(
        run.caseId(),
        held,
        change.sources(),
        run.operationId(),
        copyThreads == null || copyThreads.isBlank()
            ? 4
            : Math.max(1, Integer.parseInt(copyThreads.trim())),
        Long.parseLong(maxItemBytes.trim()));
  }
}
