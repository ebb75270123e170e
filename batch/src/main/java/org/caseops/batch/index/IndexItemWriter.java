package org.caseops.batch.index;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;

/**
 * Ends a chunk: commits the case's Lucene index, then saves the chunk's catalog entries in one
 * batch within the chunk's transaction. Lucene commits first, so a crash between the two leaves the
 * index ahead of the catalog, never behind; the re-read items then replace their own documents.
 * Items of sources under a hold, whose bytes the reader preserved, are recorded under the hold in
 * the same transaction, and so are the items that could not be indexed, among the operation's
 * failed items.
 */
@Dependent
@Named
public class IndexItemWriter extends AbstractItemWriter {
  @Inject JobContext jobContext;
  @Inject CaseIndexes indexes;
  @Inject ItemRepository catalog;
  @Inject StepContext stepContext;
  @Inject HoldRepository holds;
  @Inject ContentStore store;
  @Inject ItemFailureRepository failures;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    indexes.writer(run.caseId()).commit();
    if (items.isEmpty()) {
      return;
    }
    List<Item> entries = new ArrayList<>(items.size());
    for (Object item : items) {
      entries.add((Item) item);
    }
    catalog.saveAll(entries);
    recordUnindexed(run, entries);
    if (stepContext.getTransientUserData() instanceof IndexStepState state
        && !state.heldSources().isEmpty()) {
      List<PreservedItem> preserved = new ArrayList<>();
      Instant now = Instant.now();
      for (Item item : entries) {
        CustodianSource source = state.heldSources().get(item.getSourceId());
        if (source != null && store.contains(run.caseId(), item.getSha256())) {
          preserved.add(
              PreservedItem.of(
                  run.caseId(),
                  source.getCustodianId(),
                  source.getId(),
                  item.getId(),
                  item.getSha256(),
                  item.getSize(),
                  run.operationId(),
                  now));
        }
      }
      holds.preserve(preserved);
    }
  }

  /** Records the chunk's items that could not be indexed among the operation's failed items. */
  private void recordUnindexed(OperationRun run, List<Item> entries) {
    if (run.operationId() == null
        || !(stepContext.getTransientUserData() instanceof IndexStepState state)) {
      return;
    }
    List<ItemFailure> failed = new ArrayList<>();
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    for (Item item : entries) {
      if (!item.isIndexed() && item.getUnindexedReason() != null) {
        failed.add(
            ItemFailure.of(
                run.operationId(),
                run.caseId(),
                stepContext.getStepName(),
                state.itemName(item.getSourceId(), item.getLocation()),
                "not indexed: " + item.getUnindexedReason(),
                now));
      }
    }
    failures.record(failed);
  }
}
