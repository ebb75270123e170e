package org.caseops.batch.holdpolicysync;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caseops.batch.Outcome;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.holds.CopyRelease;
import org.caseops.batch.holds.KeptItems;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Ends a legal hold's sync. It drops the hold's records of what it no longer covers (a source taken
 * out of it, an item its changed query no longer matches; everything once it is disabled or
 * deleted), frees the preserved copies that nothing else needs (no other hold, no review-set file;
 * none while another operation of the case may be about to rely on one), and sums up from the
 * records what it covers: {@code success} when every item it covers is preserved, {@code error}
 * with the hold's {@code errors} naming what could not be (the operation then partially succeeds).
 * A deleted hold is removed for good.
 */
@Dependent
@Named
public class PolicySyncEndBatchlet extends AbstractBatchlet {
  private static final int SAMPLES = 5;

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CustodianRepository custodians;
  @Inject LegalHoldRepository legalHolds;
  @Inject HoldRepository holds;
  @Inject ItemRepository catalog;
  @Inject ContentStore store;
  @Inject CaseRepository cases;
  @Inject CaseIndexes indexes;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    String caseId = run.caseId();
    PolicyScope scope =
        PolicyScope.of(operations.find(run.operationId()).orElseThrow(), legalHolds, custodians);
    Set<String> dropped =
        scope.inForce()
            ? holds.retainOfHold(caseId, scope.ref(), scope.sources().keySet(), scope.matches())
            : holds.removeOfHolds(caseId, List.of(scope.ref()));
    boolean closing =
        cases.find(caseId).map(c -> c.getStatus() == CaseStatus.closing).orElse(false);
    CopyRelease freed =
        CopyRelease.free(
            caseId,
            dropped,
            run,
            operations,
            holds,
            store,
            closing,
            () -> KeptItems.dropUnpreserved(caseId, scope.sources().keySet(), catalog, indexes));
    String name = scope.name();
    if (!scope.inForce()) {
      if (scope.deleted()) {
        legalHolds.purgeDeleted(caseId, scope.id());
      } else {
        legalHolds.concluded(caseId, scope.id(), PolicyStatus.success, List.of());
      }
      return end(
          run,
          Outcome.succeeded(
              name
                  + (scope.deleted() ? " is deleted" : " is disabled")
                  + ": it preserves nothing any more; "
                  + freed.summary()));
    }
    List<String> covered = scope.coveredSourceIds();
    long preserved = holds.countOfHold(caseId, scope.ref());
    List<String> errors = new ArrayList<>();
    long missing;
    if (scope.matches() == null) {
      missing = holds.countUnpreserved(scope.ref(), covered);
      for (Item item : holds.unpreserved(scope.ref(), covered, SAMPLES)) {
        errors.add(describe(scope, item));
      }
    } else {
      Set<String> unpreserved = new TreeSet<>(holds.unpreservedAmong(scope.ref(), scope.matches()));
      missing = unpreserved.size();
      List<String> sample = unpreserved.stream().limit(SAMPLES).toList();
      for (Item item : catalog.findAll(sample)) {
        errors.add(describe(scope, item));
      }
    }
    if (missing > errors.size()) {
      errors.add(
          "... and " + (missing - errors.size()) + " more items that could not be preserved");
    }
    String summary =
        name
            + " preserves "
            + String.format("%,d", preserved)
            + " item version"
            + (preserved == 1 ? "" : "s")
            + " of "
            + covered.size()
            + " source"
            + (covered.size() == 1 ? "" : "s")
            + (scope.matches() == null
                ? ""
                : " (" + String.format("%,d", scope.matches().size()) + " items match its query)");
    if (missing == 0) {
      legalHolds.concluded(caseId, scope.id(), PolicyStatus.success, List.of());
      return end(run, Outcome.succeeded(summary + "; " + freed.summary()));
    }
    legalHolds.concluded(caseId, scope.id(), PolicyStatus.error, errors);
    return end(
        run,
        Outcome.partiallySucceeded(
            summary
                + "; "
                + String.format("%,d", missing)
                + " could not be preserved, as the source no longer holds them as they were"
                + " catalogued (index the case again, then retry the policy): "
                + String.join("; ", errors)
                + ". "
                + freed.summary()));
  }

  private static String end(OperationRun run, Outcome outcome) {
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }

  private static String describe(PolicyScope scope, Item item) {
    CustodianSource source = scope.sources().get(item.getSourceId());
    return (source == null ? item.getSourceId() : source.getDisplayName())
        + ": "
        + item.getLocation();
  }
}
