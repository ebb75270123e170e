package org.caseops.batch.purge;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgedItem;
import org.caseops.domain.searches.SearchRepository;

/**
 * Purges a chunk of files ({@link Purger}): asks the hold rule of the chunk's whole files right
 * before removing them (an mbox asks it again right before its rewrite), takes what was purged out
 * of the catalog and the index, commits the case index's changes, and records what was done with
 * each item in the chunk's transaction, with the checkpoint.
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
    List<PurgeUnit> units = new ArrayList<>(items.size());
    for (Object item : items) {
      units.add((PurgeUnit) item);
    }
    List<PurgedItem> outcomes = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    // The hold rule, asked right before the removals (again by each mbox, right before its
    // rewrite).
    Set<String> held = purger.heldFiles(run.caseId(), units);
    for (PurgeUnit unit : units) {
      CustodianSource source = target.sources().get(unit.sourceId());
      if (source == null) {
        continue; // the source was deleted since; its items went with it
      }
      outcomes.addAll(
          purger.purge(
              run.caseId(), run.operationId(), source, unit, target.permanent(), held, gone));
    }
    purger.forget(run.caseId(), gone);
    indexes.writer(run.caseId()).commit();
    purges.record(outcomes);
  }
}
