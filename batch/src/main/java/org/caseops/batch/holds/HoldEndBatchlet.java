package org.caseops.batch.holds;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.caseops.batch.Outcome;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldKind;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
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
  @Inject CaseRepository cases;

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
      HoldRef hold = change.holdOf(custodianId);
      preserved += holds.countOfHold(caseId, hold);
      long unpreserved = holds.countUnpreserved(hold, sources);
      missing += unpreserved;
      if (unpreserved > 0 && samples.size() < SAMPLES) {
        for (Item item : holds.unpreserved(hold, sources, SAMPLES - samples.size())) {
          CustodianSource source = change.sources().get(item.getSourceId());
          samples.add(source.getDisplayName() + ": " + item.getLocation());
        }
      }
      custodians.setHoldStatus(
          caseId, List.of(custodianId), HoldStatuses.after(false, unpreserved == 0));
    }
    String held = containers(change);
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
    Set<String> released = holds.removeOfHolds(caseId, change.holds());
    CopyRelease freed =
        CopyRelease.free(
            caseId,
            released,
            run(),
            operations,
            holds,
            store,
            closing(caseId),
            () -> dropUnpreserved(caseId, change));
    custodians.setHoldStatus(caseId, change.custodianIds(), HoldStatuses.after(true, true));
    return Outcome.succeeded(
        "The hold of " + containers(change) + " is removed: " + freed.summary());
  }

  private boolean closing(String caseId) {
    return cases.find(caseId).map(c -> c.getStatus() == CaseStatus.closing).orElse(false);
  }

  private OperationRun run() {
    return OperationRun.of(jobContext);
  }

  /** "2 custodians", "1 non-custodial data source", or both. */
  private static String containers(HoldChange change) {
    long noncustodial =
        change.holds().stream().filter(h -> h.kind() == HoldKind.noncustodialDataSource).count();
    long custodial = change.custodianIds().size() - noncustodial;
    List<String> parts = new ArrayList<>();
    if (custodial > 0 || noncustodial == 0) {
      parts.add(count(custodial, "custodian"));
    }
    if (noncustodial > 0) {
      parts.add(count(noncustodial, "non-custodial data source"));
    }
    return String.join(" and ", parts);
  }

  /**
   * Takes out of the catalog and the case's index the items of the holds' sources that were kept
   * only because a hold preserved them, once no hold preserves them any more: their source no
   * longer has them, and their copies may now go.
   */
  private void dropUnpreserved(String caseId, HoldChange change) throws IOException {
    KeptItems.dropUnpreserved(caseId, change.sources().keySet(), items, indexes);
  }

  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  static String count(long n, String one, String many) {
    return String.format("%,d", n) + " " + (n == 1 ? one : many);
  }
}
