package org.caseops.batch.index;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.holds.HoldQueries;
import org.caseops.batch.holds.Preserver;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.holds.HoldCoverage;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;

/**
 * Ends a chunk: commits the case's Lucene index, then saves the chunk's catalog entries in one
 * batch within the chunk's transaction. Lucene commits first, so a crash between the two leaves the
 * index ahead of the catalog, never behind; the re-read items then replace their own documents.
 * Items of sources under a hold that covers them whole, whose bytes the reader preserved, are
 * recorded under each such hold in the same transaction, with the earlier versions kept as items of
 * their own; an item of an applied custodian or non-custodial hold that could not be preserved
 * makes that hold {@code partial}. Items a legal hold's contentQuery matches are preserved under it
 * as soon as they are indexed.
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
  @Inject Preserver preserver;
  @Inject CustodianRepository custodians;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    indexes.writer(run.caseId()).commit();
    if (items.isEmpty()) {
      return;
    }
    List<Item> entries = new ArrayList<>(items.size());
    List<Item> saved = new ArrayList<>(items.size());
    List<String> dropped = new ArrayList<>();
    for (Object item : items) {
      CatalogEntry entry = (CatalogEntry) item;
      entries.add(entry.item());
      saved.add(entry.item());
      if (entry.keptVersion() != null) {
        saved.add(entry.keptVersion());
      }
      if (entry.droppedVersionId() != null) {
        dropped.add(entry.droppedVersionId());
      }
    }
    catalog.deleteAll(dropped);
    catalog.saveAll(saved);
    if (stepContext.getTransientUserData() instanceof IndexStepState state
        && !state.coverage().isEmpty()) {
      preserve(run, state, entries);
    }
  }

  /**
   * Records the chunk's items of sources covered whole under each hold that covers them (the reader
   * copied their bytes), then preserves those of them each legal hold's contentQuery matches,
   * copying their bytes now that they are indexed.
   */
  private void preserve(OperationRun run, IndexStepState state, List<Item> entries)
      throws Exception {
    HoldCoverage coverage = state.coverage();
    List<PreservedItem> preserved = new ArrayList<>();
    Set<String> incomplete = new LinkedHashSet<>();
    Instant now = Instant.now();
    for (Item item : entries) {
      CustodianSource source = state.heldSources().get(item.getSourceId());
      if (source == null) {
        continue;
      }
      if (!store.contains(run.caseId(), item.getSha256())) {
        if (coverage.coversWhole(source.getId())
            && source.getHoldStatus() == DataSourceHoldStatus.applied) {
          incomplete.add(source.containerId());
        }
        continue;
      }
      for (HoldRef hold : coverage.wholeOf(item.getSourceId())) {
        preserved.add(
            PreservedItem.of(
                run.caseId(),
                hold,
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
    if (!incomplete.isEmpty()) {
      // An item of an applied hold that could not be preserved makes the hold partial; the hold's
      // next application names it.
      custodians.setHoldStatus(run.caseId(), incomplete, DataSourceHoldStatus.partial);
    }
    for (HoldCoverage.QueryHold queried : coverage.queried()) {
      List<Item> candidates =
          entries.stream().filter(i -> queried.sourceIds().contains(i.getSourceId())).toList();
      if (candidates.isEmpty()) {
        continue;
      }
      Set<String> matched;
      try {
        matched =
            HoldQueries.matching(
                run.caseId(),
                queried.contentQuery(),
                queried.sourceIds(),
                candidates.stream().map(Item::getId).toList());
      } catch (IllegalArgumentException e) {
        // A query that cannot be run is the hold's sync's to report; the index goes on.
        continue;
      }
      List<Item> matching = candidates.stream().filter(i -> matched.contains(i.getId())).toList();
      preserver.preserve(
          run.caseId(),
          matching,
          state.heldSources(),
          item -> List.of(queried.hold()),
          run.operationId(),
          2,
          52_428_800L);
    }
  }
}
