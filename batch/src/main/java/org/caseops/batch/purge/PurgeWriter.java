package org.caseops.batch.purge;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgedItem;
import org.caseops.domain.searches.SearchRepository;

/**
 * Purges a chunk of files ({@link Purger}, which asks the hold rule again right before each
 * removal), commits the case index's changes, and records what was done with each item in the
 * chunk's transaction, with the checkpoint.
 */
@Dependent
@Named
public class PurgeWriter extends AbstractItemWriter {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject CustodianRepository custodians;
  @Inject PurgeRepository purges;
  @Inject CaseIndexes indexes;
  @Inject Purger purger;

  private PurgeTarget target;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    if (target == null) {
      target =
          PurgeTarget.of(operations.find(run.operationId()).orElseThrow(), searches, custodians);
    }
    List<PurgedItem> outcomes = new ArrayList<>();
    for (Object item : items) {
      PurgeUnit unit = (PurgeUnit) item;
      CustodianSource source = target.sources().get(unit.sourceId());
      if (source == null) {
        continue; // the source was deleted since; its items went with it
      }
      outcomes.addAll(
          purger.purge(run.caseId(), run.operationId(), source, unit, target.permanent()));
    }
    indexes.writer(run.caseId()).commit();
    purges.record(outcomes);
  }
}
