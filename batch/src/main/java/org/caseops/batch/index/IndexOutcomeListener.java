package org.caseops.batch.index;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.items.ItemRepository;

/**
 * Sums up a finished index step: counts from the catalog what the operation indexed and could not
 * index (so the counts hold across restarts), derives the unchanged items from the items read,
 * links each source read (and its custodian) to the operation, and hands the operation's conclusion
 * to the {@link OperationRun}; a step that read every source of the case marks the index as being
 * in the current format. Then it closes the case's index writer.
 */
@Dependent
@Named
public class IndexOutcomeListener extends AbstractStepListener {
  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject ItemRepository items;
  @Inject CustodianRepository custodians;
  @Inject CaseIndexes indexes;

  @Override
  public void afterStep() {
    OperationRun run = OperationRun.of(jobContext);
    try {
      conclude(run);
    } finally {
      // Every chunk committed its documents; an idle writer would only hold memory and file handles
      // until the next job.
      indexes.close(run.caseId());
    }
  }

  private void conclude(OperationRun run) {
    String caseId = run.caseId();
    if (stepContext.getException() != null || stepContext.getBatchStatus() == BatchStatus.FAILED) {
      return;
    }
    if (!(stepContext.getTransientUserData() instanceof IndexStepState state)) {
      // Every item was read to the end: the documents of an index in an older format have all been
      // written again.
      indexes.markCurrentFormat(caseId);
      return;
    }
    if (state.wholeCase()) {
      // Every item of every source was read to the end: the documents of an index in an older
      // format have all been written again.
      indexes.markCurrentFormat(caseId);
    }
    String operationId = run.operationId();
    if (operationId == null) {
      return;
    }
    long indexed = items.countIndexedByOperation(caseId, operationId);
    Map<String, Long> reasons = items.unindexedReasonsByOperation(caseId, operationId);
    long catalogued = indexed + reasons.values().stream().mapToLong(Long::longValue).sum();
    IndexTally tally = state.tally();
    IndexSummary summary =
        new IndexSummary(
            indexed,
            Math.max(0, tally.seenCount() - catalogued),
            reasons,
            tally.unreadableCount(),
            tally.unreadableSamples(),
            state.folderNotes(),
            state.skippedLinks());
    // Read to the end: an item of a held source this run did not find is gone from its source, and
    // kept from its preserved copy.
    if (state.readToEnd().get()) {
      items.markPreservedOnlyUnseen(state.readHeldSourceIds(), operationId);
    }
    custodians.markIndexed(state.sourceIds(), operationId);
    run.conclude(summary.status(), summary.resultInfo());
  }
}
