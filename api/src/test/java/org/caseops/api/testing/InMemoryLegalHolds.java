package org.caseops.api.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.support.ListQuery;

/** Legal holds kept in a map, in the order they were added; filters and paging are ignored. */
public class InMemoryLegalHolds implements LegalHoldRepository {
  public final Map<String, LegalHold> stored = new LinkedHashMap<>();

  @Override
  public void add(LegalHold hold) {
    stored.put(hold.getId(), hold);
  }

  @Override
  public Optional<LegalHold> find(String caseId, String id) {
    return findAny(caseId, id).filter(h -> !h.isDeleted());
  }

  @Override
  public Optional<LegalHold> findAny(String caseId, String id) {
    return Optional.ofNullable(stored.get(id)).filter(h -> h.getCaseId().equals(caseId));
  }

  @Override
  public LegalHold update(LegalHold hold) {
    stored.put(hold.getId(), hold);
    return hold;
  }

  @Override
  public List<LegalHold> list(String caseId, ListQuery query) {
    return stored.values().stream()
        .filter(h -> h.getCaseId().equals(caseId) && !h.isDeleted())
        .toList();
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return list(caseId, null).size();
  }

  @Override
  public List<LegalHold> inForce(String caseId) {
    return list(caseId, null).stream().filter(LegalHold::inForce).toList();
  }

  @Override
  public void concluded(String caseId, String id, PolicyStatus status, List<String> errors) {
    LegalHold hold = stored.get(id);
    Fields.set(hold, "status", status);
    Fields.set(hold, "errors", errors.isEmpty() ? null : String.join("\n", errors));
  }

  /** As the database does it, but links are not kept here: a hold without one counts as linked. */
  @Override
  public boolean syncNotStarted(String caseId, String id, String operationId, String error) {
    LegalHold hold = findAny(caseId, id).orElse(null);
    if (hold == null
        || hold.getStatus() != PolicyStatus.pending
        || (hold.getLastSyncOperationId() != null
            && !hold.getLastSyncOperationId().equals(operationId))) {
      return false;
    }
    concluded(caseId, id, PolicyStatus.error, List.of(error));
    return true;
  }

  @Override
  public void purgeDeleted(String caseId, String id) {
    stored.remove(id);
  }
}
