package org.caseops.api.cases;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;

/** Opens, reads, changes and deletes cases. */
@Dependent
public class CaseService {
  private final CaseRepository cases;
  private final Lookups lookups;
  private final Clock clock;

  @Inject
  public CaseService(CaseRepository cases, Lookups lookups, Clock clock) {
    this.cases = cases;
    this.lookups = lookups;
    this.clock = clock;
  }

  public EdiscoveryCase create(CaseRequests.NewCase request, IdentitySet by) {
    EdiscoveryCase created =
        EdiscoveryCase.open(request.displayName(), request.description(), request.externalId(), by, now());
    cases.add(created);
    return created;
  }

  public EdiscoveryCase get(String caseId) {
    return lookups.findCase(caseId);
  }

  public List<EdiscoveryCase> list(int offset, int limit) {
    return cases.list(offset, limit);
  }

  public long count() {
    return cases.count();
  }

  /**
   * Applies the changes, stamping lastModifiedDateTime and lastModifiedBy.
   *
   * @throws ApiException 409 {@code conflict} when another request changed the case in between
   */
  public EdiscoveryCase update(String caseId, CaseRequests.CaseChanges changes, IdentitySet by) {
    EdiscoveryCase stored = lookups.findCase(caseId);
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
        throw ApiException.conflict(
            "The case '" + caseId + "' was changed by another request at the same time; read it again and retry.");
      }
      throw e;
    }
  }

  /** Deletes the case with its custodians, sources, items and operations. */
  public void delete(String caseId) {
    lookups.requireCase(caseId);
    cases.delete(caseId);
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
