package org.caseops.api.holds;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseops.api.custodians.CustodianRequests;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.operations.OperationService;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationLifecycle;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Legal holds (hold policies): create, read, change, delete, and the sources they name, each change
 * carried out by a {@code holdPolicySync} operation. A change is refused (409) while the hold's
 * previous sync has not ended, before anything changes.
 */
@Dependent
public class LegalHoldService {
  private final Lookups lookups;
  private final LegalHoldRepository legalHolds;
  private final CustodianRepository custodians;
  private final CaseOperationRepository operationsRepo;
  private final OperationService operations;
  private final Clock clock;

  @Inject
  public LegalHoldService(
      Lookups lookups,
      LegalHoldRepository legalHolds,
      CustodianRepository custodians,
      CaseOperationRepository operationsRepo,
      OperationService operations,
      Clock clock) {
    this.lookups = lookups;
    this.legalHolds = legalHolds;
    this.custodians = custodians;
    this.operationsRepo = operationsRepo;
    this.operations = operations;
    this.clock = clock;
  }

  /**
   * Creates the hold and starts its sync: the hold is stored in the transaction that stores its
   * sync, under the case's lock, so a purge of the case running (or starting at the same moment)
   * refuses both, and nothing is stored.
   */
  public LegalHold create(String caseId, LegalHoldRequests.NewLegalHold request, IdentitySet by) {
    lookups.requireCase(caseId);
    noPurgeRunning(caseId);
    LegalHold hold =
        LegalHold.create(
            caseId,
            request.displayName(),
            request.description(),
            request.contentQuery(),
            request.enabled(),
            by,
            now());
    operations.submitWith(
        caseId,
        CaseAction.holdPolicySync,
        OperationTarget.legalHold(hold.getId()),
        by,
        () -> legalHolds.add(hold),
        this::syncNotStarted);
    return get(caseId, hold.getId());
  }

  /** Changes the properties a PATCH gave and starts the hold's sync. */
  public void update(
      String caseId, String id, LegalHoldRequests.LegalHoldChange change, IdentitySet by) {
    LegalHold hold = get(caseId, id);
    noSyncRunning(caseId, id);
    if (change.displayName() != null) {
      hold.rename(change.displayName());
    }
    if (change.hasDescription()) {
      hold.describe(change.description());
    }
    if (change.hasContentQuery()) {
      hold.query(change.contentQuery());
    }
    if (change.enabled() != null) {
      hold.enable(change.enabled());
    }
    changed(hold, by);
  }

  /** Deletes the hold: hidden at once; its sync then frees what nothing else needs. */
  public void delete(String caseId, String id, IdentitySet by) {
    LegalHold hold = get(caseId, id);
    noSyncRunning(caseId, id);
    hold.delete();
    changed(hold, by);
  }

  /**
   * Runs the hold's sync again (Graph's {@code retryPolicy}). A deleted hold is still there until a
   * sync of it has dropped its records and freed its copies; while none is running (its deletion's
   * sync could not start, or failed) a retry runs one, which completes the deletion.
   */
  public CaseOperation retry(String caseId, String id, IdentitySet by) {
    LegalHold hold =
        legalHolds
            .findAny(caseId, id)
            .orElseGet(
                () -> {
                  lookups.requireCase(caseId);
                  throw new ResourceNotFoundException(
                      "No ediscoveryHoldPolicy with id '"
                          + id
                          + "' in case '"
                          + caseId
                          + "' (a deleted hold is gone once its holdPolicySync has ended), so"
                          + " there is nothing to retry; list the case's legalHolds for the ids"
                          + " there are.");
                });
    if (hold.isDeleted()) {
      Optional<CaseOperation> open = openSync(caseId, id);
      if (open.isPresent()) {
        throw new ConflictException(
            "The legal hold '"
                + id
                + "' is deleted and its holdPolicySync operation '"
                + open.get().getId()
                + "' is still carrying out the deletion ("
                + open.get().getStatus().wireName()
                + "), so there is nothing to retry: the hold is gone when that operation"
                + " succeeds; retry the policy only if it fails.");
      }
    }
    return sync(caseId, id, by);
  }

  /**
   * Refuses closing the case while a hold change of the case (a {@code holdUpdate}, or the sync of
   * one of its legal holds) or a purge has not finished (409 naming it), before anything changes: a
   * hold applied under a closing case would stay in force once it is closed.
   */
  public void requireNoHoldChangeRunningInCase(String caseId) {
    List<CaseOperation> open = operationsRepo.listOpen(caseId);
    ActionRules.of(CaseAction.holdPolicySync).orElseThrow().requireNoneExcludedRunning(open);
    for (CaseOperation op : open) {
      if ((op.getAction() == CaseAction.holdPolicySync || op.getAction() == CaseAction.holdUpdate)
          && OperationLifecycle.isOpen(op.getStatus())) {
        throw new ConflictException(
            "The "
                + op.getAction().wireName()
                + " operation '"
                + op.getId()
                + "' of the case has not finished yet; close the case when it has.");
      }
    }
  }

  /**
   * Closing the case: the syncs that disable every legal hold of the case that is enabled (or whose
   * last sync did not succeed, so may still keep records), each with the change that disables its
   * hold, to submit with the case's other releases ({@link OperationService#submitAll}); a sync
   * drops the hold's records and frees the copies nothing else needs. None when no legal hold is in
   * force. Reopening the case does not enable them again.
   */
  public List<OperationService.Submission> releasesOfCase(String caseId, IdentitySet by) {
    List<OperationService.Submission> releases = new ArrayList<>();
    for (LegalHold hold : legalHolds.list(caseId, ListQuery.page(0, Integer.MAX_VALUE))) {
      if (!hold.isEnabled() && hold.getStatus() == PolicyStatus.success) {
        continue;
      }
      Instant now = now();
      releases.add(
          new OperationService.Submission(
              CaseAction.holdPolicySync,
              OperationTarget.legalHold(hold.getId()),
              () -> {
                hold.enable(false);
                hold.modified(by, now);
                legalHolds.update(hold);
              },
              this::syncNotStarted));
    }
    return releases;
  }

  /** The hold's latest holdPolicySync operation (a caseops link). */
  public CaseOperation lastSyncOperation(String caseId, String id) {
    LegalHold hold = get(caseId, id);
    String operationId = hold.getLastSyncOperationId();
    return (operationId == null
            ? Optional.<CaseOperation>empty()
            : operationsRepo.find(caseId, operationId))
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "The legal hold '" + id + "' has no holdPolicySync operation any more."));
  }

  public LegalHold get(String caseId, String id) {
    return legalHolds
        .find(caseId, id)
        .orElseGet(
            () -> {
              lookups.requireCase(caseId);
              throw new ResourceNotFoundException(
                  "No ediscoveryHoldPolicy with id '" + id + "' in case '" + caseId + "'.");
            });
  }

  public List<LegalHold> list(String caseId, ListQuery query) {
    lookups.requireCase(caseId);
    return legalHolds.list(caseId, query);
  }

  public long count(String caseId, ListQuery.Condition filter) {
    return legalHolds.count(caseId, filter);
  }

  /** The hold's sources of one kind, oldest first. */
  public List<CustodianSource> sources(String caseId, String id, SourceKind kind) {
    LegalHold hold = get(caseId, id);
    return custodians.listSourcesOfCase(caseId).stream()
        .filter(s -> s.getKind() == kind && hold.getSourceIds().contains(s.getId()))
        .toList();
  }

  public CustodianSource source(String caseId, String id, SourceKind kind, String sourceId) {
    return sources(caseId, id, kind).stream()
        .filter(s -> s.getId().equals(sourceId))
        .findFirst()
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "The legal hold '"
                        + id
                        + "' has no "
                        + Lookups.typeName(kind)
                        + " with id '"
                        + sourceId
                        + "'."));
  }

  /**
   * Adds to the hold the case's sources a userSource body (by {@code email}) or siteSource body (by
   * site URL) names, and starts its sync; returns the first of them.
   */
  public CustodianSource addSource(
      String caseId, String id, CustodianRequests.NewSource request, IdentitySet by) {
    LegalHold hold = get(caseId, id);
    SourceKind kind = request.kind();
    String[] folder = CustodianSource.evidencePath(kind, request.address());
    List<CustodianSource> matching =
        custodians.listSourcesOfCase(caseId).stream()
            .filter(s -> s.getKind() == kind && sameFolder(s, folder))
            .toList();
    if (matching.isEmpty()) {
      throw new InvalidRequestException(
          "No "
              + Lookups.typeName(kind)
              + " of the case has "
              + (kind == SourceKind.USER ? "the email '" : "the site URL '")
              + GraphError.clip(request.address().toLowerCase(Locale.ROOT))
              + "': a legal hold holds the case's sources; add it to a custodian or as a"
              + " non-custodial data source first.");
    }
    noSyncRunning(caseId, id);
    hold.addSources(matching.stream().map(CustodianSource::getId).toList());
    changed(hold, by);
    return matching.get(0);
  }

  /** Takes a source out of the hold and starts its sync, which frees what it alone preserved. */
  public void removeSource(
      String caseId, String id, SourceKind kind, String sourceId, IdentitySet by) {
    LegalHold hold = get(caseId, id);
    source(caseId, id, kind, sourceId);
    noSyncRunning(caseId, id);
    hold.removeSource(sourceId);
    changed(hold, by);
  }

  /**
   * Stores the hold's change with the sync that carries it out, in one transaction under the case's
   * lock ({@link OperationService#submitWith}): a purge of the case that runs or starts at the same
   * moment, or another sync of the hold, refuses both, and the hold stays as it was.
   */
  private CaseOperation changed(LegalHold hold, IdentitySet by) {
    hold.modified(by, now());
    return operations.submitWith(
        hold.getCaseId(),
        CaseAction.holdPolicySync,
        OperationTarget.legalHold(hold.getId()),
        by,
        () -> legalHolds.update(hold),
        this::syncNotStarted);
  }

  /**
   * A change's sync that could not start leaves the hold {@code error} rather than {@code pending}
   * for good: nothing would ever end it, and what the change covers is not preserved yet. Retrying
   * the policy runs the sync again.
   */
  private void syncNotStarted(CaseOperation operation) {
    legalHolds.syncNotStarted(
        operation.getCaseId(),
        operation.getTarget().getLegalHoldId(),
        operation.getId(),
        "The holdPolicySync operation '"
            + operation.getId()
            + "' could not start, so the hold's latest change is not carried out: what it"
            + " covers may not be preserved. Retry the policy (retryPolicy).");
  }

  private CaseOperation sync(String caseId, String id, IdentitySet by) {
    return operations.submit(caseId, CaseAction.holdPolicySync, OperationTarget.legalHold(id), by);
  }

  /**
   * Refuses a change of a legal hold early, with a message that names the running purge; the check
   * that decides is made again under the case's lock when the change is stored with its sync.
   */
  private void noPurgeRunning(String caseId) {
    ActionRules.of(CaseAction.holdPolicySync)
        .orElseThrow()
        .requireNoneExcludedRunning(operationsRepo.listOpen(caseId));
  }

  private void noSyncRunning(String caseId, String id) {
    Optional<CaseOperation> open = openSync(caseId, id);
    if (open.isPresent()) {
      throw new ConflictException(
          "The holdPolicySync operation '"
              + open.get().getId()
              + "' of the legal hold '"
              + id
              + "' has not finished yet; change the hold when it has.");
    }
  }

  /**
   * The hold's holdPolicySync that has not ended, if any, after refusing early when a purge of the
   * case runs ({@link #noPurgeRunning}).
   */
  private Optional<CaseOperation> openSync(String caseId, String id) {
    noPurgeRunning(caseId);
    for (CaseOperation open : operationsRepo.listOpen(caseId)) {
      if (open.getAction() == CaseAction.holdPolicySync
          && id.equals(open.getTarget().getLegalHoldId())
          && OperationLifecycle.isOpen(open.getStatus())) {
        return Optional.of(open);
      }
    }
    return Optional.empty();
  }

  private static boolean sameFolder(CustodianSource source, String[] folder) {
    try {
      return Arrays.equals(source.evidencePath(), folder);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
