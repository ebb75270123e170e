package org.caseops.api.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.operations.OperationService;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.ListQuery;

/** Opens, reads, changes, closes, reopens and deletes cases. */
@Dependent
public class CaseService {
  private final CaseRepository cases;
  private final CaseOperationRepository operations;
  private final Lookups lookups;
  private final Clock clock;
  private final Consumer<CaseDeleted> deleted;
  private final CaseHolds holds;

  @Inject
  public CaseService(
      CaseRepository cases,
      CaseOperationRepository operations,
      Lookups lookups,
      Clock clock,
      Event<CaseDeleted> deleted,
      CaseHolds holds) {
    this(cases, operations, lookups, clock, deleted::fire, holds);
  }

  CaseService(
      CaseRepository cases,
      CaseOperationRepository operations,
      Lookups lookups,
      Clock clock,
      Consumer<CaseDeleted> deleted,
      CaseHolds holds) {
    this.holds = holds;
    this.cases = cases;
    this.operations = operations;
    this.lookups = lookups;
    this.clock = clock;
    this.deleted = deleted;
  }

  public EdiscoveryCase create(CaseRequests.NewCase request, IdentitySet by) {
    EdiscoveryCase created =
        EdiscoveryCase.open(
            request.displayName(), request.description(), request.externalId(), by, now());
    cases.add(created);
    return created;
  }

  public EdiscoveryCase get(String caseId) {
    return lookups.findCase(caseId);
  }

  /** The cases a list query asks for. */
  public List<EdiscoveryCase> list(ListQuery query) {
    return cases.list(query);
  }

  /** How many cases meet the filter; all of them for {@code null}. */
  public long count(ListQuery.Condition filter) {
    return cases.count(filter);
  }

  /**
   * Applies the changes, stamping lastModifiedDateTime and lastModifiedBy.
   *
   * @throws ConflictException 409 {@code conflict} when another request changed the case in between
   */
  public EdiscoveryCase update(String caseId, CaseRequests.CaseChanges changes, IdentitySet by) {
    EdiscoveryCase stored = lookups.findCase(caseId);
    stored.requireChangeable();
    if (changes.displayName() != null) {
      stored.rename(changes.displayName());
    }
    if (changes.descriptionGiven()) {
      stored.describe(changes.description());
    }
    if (changes.externalIdGiven()) {
      stored.setExternalId(changes.externalId());
    }
    stored.touched(by, now());
    try {
      return cases.update(stored);
    } catch (RuntimeException e) {
      if (isOptimisticLockFailure(e)) {
        throw new ConflictException(
            "The case '"
                + caseId
                + "' was changed by another request at the same time; read it again and retry.");
      }
      throw e;
    }
  }

  /**
   * Deletes the case with its custodians, sources, items and operations, then announces it so that
   * its full-text index goes too. A case whose operations are still running is not deleted under
   * them.
   */
  public void delete(String caseId) {
    lookups.requireCase(caseId);
    List<CaseOperation> open = operations.listOpen(caseId);
    if (!open.isEmpty()) {
      throw new ConflictException(
          "The case has "
              + open.size()
              + " unfinished operation(s) (the first is '"
              + open.get(0).getId()
              + "', "
              + open.get(0).getStatus().wireName()
              + "); delete it when they have finished.");
    }
    cases.delete(caseId);
    deleted.accept(new CaseDeleted(caseId));
  }

  /**
   * Closes the case (Graph's {@code close}): it becomes {@code closing}, with who closes it, and
   * every hold of the case is released ({@link CaseHolds#releaseAll}); once those operations have
   * ended the case is {@code closed} with its {@code closedDateTime} (at once when nothing is
   * held). A closing or closed case is refused; a hold change that has not finished, or a release
   * that cannot be stored, makes this a 409 and leaves the case as it was, with no release stored
   * or started: the releases start only once every one of them is stored. A release whose job then
   * cannot start is {@code submissionFailed}; the others run, and the case stays {@code closing}
   * and ends {@code closedWithError} when they have ended (at once when none runs), as when a
   * release fails.
   */
  public EdiscoveryCase close(String caseId, IdentitySet by) {
    EdiscoveryCase stored = lookups.findCase(caseId);
    CaseStatus before = stored.getStatus();
    IdentitySet closedBefore = stored.getClosedBy();
    stored.beginClosing(by, now());
    EdiscoveryCase closing = save(stored);
    OperationService.Submitted releases;
    try {
      releases = holds.releaseAll(caseId, by);
    } catch (RuntimeException e) {
      // Nothing was stored or started.
      EdiscoveryCase back = lookups.findCase(caseId);
      back.restoreStatus(before, closedBefore);
      save(back);
      throw e;
    }
    if (releases.operations().isEmpty()) {
      closing.finishClosing(false, now());
      return save(closing);
    }
    if (releases.startFailure() != null) {
      boolean running =
          operations.listOpen(caseId).stream()
              .anyMatch(
                  op -> releases.started().stream().anyMatch(s -> s.getId().equals(op.getId())));
      if (!running) {
        // No release runs to end the closing: it ends here, with the error.
        EdiscoveryCase now = lookups.findCase(caseId);
        if (now.getStatus() == CaseStatus.closing) {
          now.finishClosing(true, now());
          save(now);
        }
      }
      OperationStartException failure = releases.startFailure();
      throw new OperationStartException(
          failure.getMessage()
              + (running
                  ? " The case's other releases were started: it stays closing and ends"
                      + " closedWithError once they have ended."
                  : " No release of the case runs: it is closedWithError."),
          failure.busy());
    }
    return closing;
  }

  /**
   * Reopens a closed case (Graph's {@code reopen}): {@code active} again; the holds closing
   * released are not applied again.
   */
  public EdiscoveryCase reopen(String caseId, IdentitySet by) {
    EdiscoveryCase stored = lookups.findCase(caseId);
    stored.reopen(by, now());
    return save(stored);
  }

  private EdiscoveryCase save(EdiscoveryCase changed) {
    try {
      return cases.update(changed);
    } catch (RuntimeException e) {
      if (isOptimisticLockFailure(e)) {
        throw new ConflictException(
            "The case '"
                + changed.getId()
                + "' was changed by another request at the same time; read it again and retry.");
      }
      throw e;
    }
  }

  static boolean isOptimisticLockFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException
          || t.getClass().getSimpleName().equals("OptimisticLockException")) {
        return true;
      }
    }
    return false;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
