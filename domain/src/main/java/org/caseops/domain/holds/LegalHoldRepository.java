package org.caseops.domain.holds;

import java.util.List;
import java.util.Optional;
import org.caseops.domain.support.ListQuery;

/**
 * The legal holds (hold policies) of each case; deleted ones are found only by {@link #findAny}.
 */
public interface LegalHoldRepository {
  void add(LegalHold hold);

  /** The hold, unless deleted. */
  Optional<LegalHold> find(String caseId, String id);

  /** The hold, deleted or not (its last sync still has to drop its records). */
  Optional<LegalHold> findAny(String caseId, String id);

  /** Writes the hold's changed properties and sources. */
  LegalHold update(LegalHold hold);

  /**
   * The case's holds that are not deleted and meet the query's filter, in its order (creation time,
   * oldest first, without one). Properties: {@code id}, {@code displayName}, {@code isEnabled},
   * {@code status}, {@code createdDateTime}.
   */
  List<LegalHold> list(String caseId, ListQuery query);

  long count(String caseId, ListQuery.Condition filter);

  /** The case's holds in force (enabled, not deleted), oldest first. */
  List<LegalHold> inForce(String caseId);

  /** Sets the outcome of the hold's sync: its status and its errors (none for success). */
  void concluded(String caseId, String id, PolicyStatus status, List<String> errors);

  /**
   * Sets the hold's status to {@code error} with the error, when its change's sync could not start:
   * only while the status is still {@code pending} and the hold's last sync is that operation (a
   * later change is left as it is).
   *
   * @return whether the hold was changed
   */
  boolean syncNotStarted(String caseId, String id, String operationId, String error);

  /** Removes a deleted hold for good, once its records are dropped. */
  void purgeDeleted(String caseId, String id);
}
