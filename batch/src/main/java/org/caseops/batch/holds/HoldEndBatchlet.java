package org.caseops.batch.holds;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.caseops.batch.Outcome;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Ends a hold change. An application sums up what the holds preserve, from the records (so the
 * result holds however often the work was started): each custodian whose every catalogued item is
 * preserved is {@code applied}, one with items that could not be preserved {@code partial}, and the
 * operation then partially succeeds, naming them. A removal drops the custodians' records, frees
 * the preserved copies nothing else needs (no other hold, no review-set file), takes out of the
 * catalog and the index the items their sources no longer have and no hold keeps, and moves the
 * custodians to {@code notApplied}. While an addToReviewSet or index operation of the case runs, no
 * copy is freed (either may be about to rely on one).
 */
@Dependent
@Named
public class HoldEndBatchlet extends AbstractBatchlet {
  private static final Logger LOG = Logger.getLogger(HoldEndBatchlet.class.getName());
  private static final int SAMPLES = 5;

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CustodianRepository custodians;
  @Inject HoldRepository holds;
  @Inject ContentStore store;
  @Inject ItemRepository items;
  @Inject CaseIndexes indexes;

  @Override
  public String process() throws IOException {
    OperationRun run = OperationRun.of(jobContext);
    CaseOperation operation = operations.find(run.operationId()).orElseThrow();
    HoldChange change = HoldChange.of(operation, custodians);
    Outcome outcome = change.remove() ? remove(run.caseId(), change) : apply(change);
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }

  private Outcome apply(HoldChange change) {
    long preserved = 0;
    long missing = 0;
    List<String> samples = new ArrayList<>();
    String caseId = OperationRun.of(jobContext).caseId();
    for (String custodianId : change.custodianIds()) {
      List<String> sources = change.sourcesOf(custodianId);
      preserved += holds.countOfCustodian(caseId, custodianId);
      long unpreserved = holds.countUnpreserved(custodianId, sources);
      missing += unpreserved;
      if (unpreserved > 0 && samples.size() < SAMPLES) {
        for (Item item : holds.unpreserved(custodianId, sources, SAMPLES - samples.size())) {
          CustodianSource source = change.sources().get(item.getSourceId());
          samples.add(source.getDisplayName() + ": " + item.getLocation());
        }
      }
      custodians.setHoldStatus(
          caseId, List.of(custodianId), HoldStatuses.after(false, unpreserved == 0));
    }
    String held = count(change.custodianIds().size(), "custodian");
    if (missing == 0) {
      return Outcome.succeeded(
          "The hold of "
              + held
              + " is applied: "
              + count(preserved, "item version")
              + " preserved.");
    }
    return Outcome.partiallySucceeded(
        "The hold of "
            + held
            + " is partial: "
            + count(preserved, "item version")
            + " preserved; "
            + count(missing, "item")
            + " could not be preserved, as the source no longer holds them as they were"
            + " catalogued (index the case again, then apply the hold again): "
            + String.join("; ", samples)
            + (missing > samples.size() ? "; ..." : "")
            + ".");
  }

  private Outcome remove(String caseId, HoldChange change) throws IOException {
    Set<String> released = holds.removeOfCustodians(caseId, change.custodianIds());
    int freed = 0;
    String kept = "";
    Optional<CaseOperation> copying =
        operations.listOpen(caseId).stream()
            .filter(
                op ->
                    op.getAction() == CaseAction.addToReviewSet
                        || op.getAction() == CaseAction.index)
            .findFirst();
    if (copying.isPresent()) {
      // A review set being filled, or an index preserving for another hold, may be about to use a
      // copy: none is freed while one runs.
      kept =
          " No copy was freed, as the "
              + copying.get().getAction().wireName()
              + " operation '"
              + copying.get().getId()
              + "' of the case was running: those copies stay.";
    } else {
      dropUnpreserved(caseId, change);
      for (String sha : holds.unneeded(caseId, released)) {
        try {
          store.delete(caseId, sha);
          freed++;
        } catch (IOException e) {
          LOG.log(Level.WARNING, "could not free the preserved copy " + sha, e);
        }
      }
    }
    custodians.setHoldStatus(caseId, change.custodianIds(), HoldStatuses.after(true, true));
    return Outcome.succeeded(
        "The hold of "
            + count(change.custodianIds().size(), "custodian")
            + " is removed: "
            + count(freed, "preserved copy", "preserved copies")
            + " that nothing else needs freed."
            + kept);
  }

  /**
   * Takes out of the catalog and the case's index the items of the custodians' sources that were
   * kept only because a hold preserved them, once no hold preserves them any more: their source no
   * longer has them, and their copies may now go.
   */
  private void dropUnpreserved(String caseId, HoldChange change) throws IOException {
    List<String> gone = items.unpreservedKeptIds(caseId, change.sources().keySet());
    if (gone.isEmpty()) {
      return;
    }
    IndexWriter writer = indexes.writer(caseId);
    for (String id : gone) {
      writer.deleteDocuments(new Term(IndexFields.ID, id));
    }
    writer.commit();
    indexes.close(caseId);
    items.deleteAll(gone);
  }

  private static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  private static String count(long n, String one, String many) {
    return String.format("%,d", n) + " " + (n == 1 ? one : many);
  }
}
