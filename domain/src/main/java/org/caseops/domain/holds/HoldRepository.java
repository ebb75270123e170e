package org.caseops.domain.holds;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.domain.items.Item;

/** What the holds of each case preserve. */
public interface HoldRepository {
  /**
   * Records item versions as preserved; a record that exists already (same custodian, item and
   * SHA-256) is kept as it is, so recording again changes nothing.
   */
  void preserve(List<PreservedItem> preserved);

  /** The records of the custodian's hold, in no particular order. */
  List<PreservedItem> listOfCustodian(String caseId, String custodianId);

  /** How many item versions the custodian's hold preserves. */
  long countOfCustodian(String caseId, String custodianId);

  /** Which of the given item versions ({@code itemId -> sha256}) a hold of the case preserves. */
  Set<String> preservedIds(String caseId, Map<String, String> itemVersions);

  /**
   * Drops the records of the custodians' holds and returns the SHA-256 of every version they
   * preserved.
   */
  Set<String> removeOfCustodians(String caseId, Collection<String> custodianIds);

  /**
   * Of the given contents, those nothing of the case needs any more: no hold preserves them and no
   * review-set file holds them.
   */
  Set<String> unneeded(String caseId, Collection<String> sha256s);

  /**
   * Per source of the case: how many of its items a hold preserves in a version the catalog no
   * longer has at the source (the item changed or vanished since).
   */
  Map<String, Long> preservedOnlyBySource(String caseId);

  /** Per source of the case: how many distinct items a hold preserves. */
  Map<String, Long> preservedBySource(String caseId);

  /**
   * Up to {@code limit} catalogued items of the given sources (all of one custodian) whose current
   * version the custodian's hold does not preserve, in id order.
   */
  List<Item> unpreserved(String custodianId, Collection<String> sourceIds, int limit);

  /** How many catalogued items of the given sources the custodian's hold does not preserve. */
  long countUnpreserved(String custodianId, Collection<String> sourceIds);

  /**
   * The one rule that says which items are held, for anything that would remove items (a purge): of
   * the given catalogued items of the case, those that a hold covers. An item is held when a hold
   * record covers it (a {@link PreservedItem} of that item, whatever its version or hold), or when
   * the custodian of its source is in any hold status but {@code notApplied} ({@link
   * HoldStatuses#protectsFromDisposal}). Holds of other kinds (non-custodial sources, legal holds)
   * join here, so that every caller keeps asking this one question.
   *
   * @return the ids of the held items among {@code itemIds}
   */
  Set<String> heldItemIds(String caseId, Collection<String> itemIds);

  /**
   * Moves the hold records of an item to its new id (a message whose mbox lost messages before it
   * has a new location, hence a new id; its bytes and its holds are the same).
   */
  void moveRecords(String caseId, String fromItemId, String toItemId);

  /** Drops every record of the case. */
  void deleteOfCase(String caseId);
}
