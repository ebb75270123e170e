package org.caseops.api.operations;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationLifecycle;
import org.caseops.domain.purge.PurgeRestorer;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;

/**
 * Restores what a recoverable purge removed (a caseops addition): finds the purge in its case,
 * checks that it has ended and that no purge of the case runs, then hands the items to the {@link
 * PurgeRestorer}.
 */
@Dependent
public class PurgeRestoreService {
  /** The most item ids one restore names. */
  public static final int MAX_ITEMS = 10_000;

  private final Lookups lookups;
  private final CaseOperationRepository operations;
  private final PurgeRestorer restorer;

  @Inject
  public PurgeRestoreService(
      Lookups lookups, CaseOperationRepository operations, PurgeRestorer restorer) {
    this.lookups = lookups;
    this.operations = operations;
    this.restorer = restorer;
  }

  /**
   * Restores the given items of the purge, or all it purged for none.
   *
   * @throws InvalidRequestException when the operation is not a purge
   * @throws ConflictException while the purge, or another purge of the case, has not finished
   */
  public PurgeRestorer.Restored restore(String caseId, String operationId, List<String> itemIds) {
    CaseOperation purge = lookups.findOperation(caseId, operationId);
    if (purge.getAction() != CaseAction.purgeData) {
      throw new InvalidRequestException(
          "The operation '"
              + operationId
              + "' is a "
              + purge.getAction().wireName()
              + " operation; only a purgeData operation has items to restore.");
    }
    for (CaseOperation open : operations.listOpen(caseId)) {
      if (open.getAction() == CaseAction.purgeData && OperationLifecycle.isOpen(open.getStatus())) {
        throw new ConflictException(
            "The purgeData operation '"
                + open.getId()
                + "' of this case has not finished yet ("
                + open.getStatus().wireName()
                + "); restore when it has.");
      }
    }
    return restorer.restore(caseId, purge.getId(), itemIds);
  }
}
