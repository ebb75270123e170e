package org.caseops.batch.holds;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Frees, at the end of a hold's removal, the preserved copies whose records were dropped and that
 * nothing else of the case needs (no other hold, no review-set file). While another operation of
 * the case that may be about to rely on a copy runs (an addToReviewSet, an index preserving for a
 * hold, another hold change that may apply a hold), none is freed: those copies stay. A hold change
 * that only removes holds relies on no copy: another custodian hold's removal, and, in a case that
 * is closing, every hold change (closing is refused while one runs, and its own releases are all
 * removals), so the releases a closing starts together free the copies between them: each frees,
 * after dropping its records, what no record still needs, and the last to drop its records frees
 * what they shared.
 */
public record CopyRelease(int freed, String kept) {
  private static final Logger LOG = Logger.getLogger(CopyRelease.class.getName());

  /** Work done first when nothing else runs: what must go before the copies do. */
  @FunctionalInterface
  public interface BeforeFreeing {
    void run() throws IOException;
  }

  public static CopyRelease free(
      String caseId,
      Set<String> released,
      OperationRun run,
      CaseOperationRepository operations,
      HoldRepository holds,
      ContentStore store)
      throws IOException {
    return free(caseId, released, run, operations, holds, store, false, () -> {});
  }

  /**
   * Frees the copies as {@link #free(String, Set, OperationRun, CaseOperationRepository,
   * HoldRepository, ContentStore)} does, running {@code before} first when nothing else of the case
   * runs (taking out of the catalog the items that only the released copies kept); {@code
   * caseClosing} when the case is closing (its other hold changes are releases).
   */
  public static CopyRelease free(
      String caseId,
      Set<String> released,
      OperationRun run,
      CaseOperationRepository operations,
      HoldRepository holds,
      ContentStore store,
      boolean caseClosing,
      BeforeFreeing before)
      throws IOException {
    Optional<CaseOperation> copying =
        operations.listOpen(caseId).stream()
            .filter(op -> !op.getId().equals(run.operationId()))
            .filter(
                op ->
                    op.getAction() == CaseAction.addToReviewSet
                        || op.getAction() == CaseAction.index
                        || (op.getAction() == CaseAction.holdUpdate
                            && !caseClosing
                            && !op.getTarget().removesHold())
                        || (op.getAction() == CaseAction.holdPolicySync && !caseClosing))
            .findFirst();
    if (copying.isPresent()) {
      return new CopyRelease(
          0,
          " No copy was freed, as the "
              + copying.get().getAction().wireName()
              + " operation '"
              + copying.get().getId()
              + "' of the case was running: those copies stay.");
    }
    before.run();
    int freed = 0;
    for (String sha : holds.unneeded(caseId, released)) {
      try {
        store.delete(caseId, sha);
        freed++;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "could not free the preserved copy " + sha, e);
      }
    }
    return new CopyRelease(freed, "");
  }

  /** What was freed, and why nothing was when that is so. */
  public String summary() {
    return HoldEndBatchlet.count(freed, "preserved copy", "preserved copies")
        + " that nothing else needs freed."
        + kept;
  }
}
