package org.caseops.domain.holds;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.domain.items.Item;

/**
 * What the holds of each case preserve: custodians' holds, non-custodial data sources' holds and
 * legal holds, each record naming its hold ({@link HoldRef}).
 */
public interface HoldRepository {
  /**
   * Records item versions as preserved; a record that exists already (same hold, item and SHA-256)
   * is kept as it is, so recording again changes nothing.
   */
  void preserve(List<PreservedItem> preserved);

  /** The records of the custodian's hold, in no particular order. */
  default List<PreservedItem> listOfCustodian(String caseId, String custodianId) {
    return listOfHold(caseId, HoldRef.custodian(custodianId));
  }

  /** How many item versions the custodian's hold preserves. */
  default long countOfCustodian(String caseId, String custodianId) {
    return countOfHold(caseId, HoldRef.custodian(custodianId));
  }

  /** The records of one hold, in no particular order. */
  List<PreservedItem> listOfHold(String caseId, HoldRef hold);

  /** How many item versions one hold preserves. */
  long countOfHold(String caseId, HoldRef hold);

  /**
   * Whether the item is held: a hold in force covers it, so nothing may remove it (see {@link
   * #heldItemIds}).
   */
  default boolean isHeld(String caseId, String itemId) {
    return heldItemIds(caseId, List.of(itemId)).contains(itemId);
  }

  /**
   * The one rule that says which items are held, for anything that would remove items (a purge):
   * which of the given items of the case a hold covers. An item is held when a hold has preserved a
   * version of it (a record exists, whatever its version or hold: records are dropped only when the
   * hold's removal, release, disabling or deletion has ended); when its source, or the custodian of
   * its source, is in any {@code holdStatus} but {@code notApplied} ({@link
   * HoldStatuses#protectsFromDisposal}: {@code applying}, {@code applied}, {@code partial}, {@code
   * removing}, and an unknown one), preserved yet or not, for a custodian's and a non-custodial
   * data source's hold alike; or when its source is named by a legal hold in force (enabled, not
   * deleted) whose contentQuery is empty, or whose sync has not ended yet (status {@code pending}:
   * what its query matches is not known until then). An item the catalog keeps from its preserved
   * copy only ({@code preservedOnly}: gone or changed at its source, or an earlier version) is held
   * too: a hold kept it, and nothing of it is at its source to remove.
   *
   * @return the ids of the held items among {@code itemIds}
   */
  Set<String> heldItemIds(String caseId, Collection<String> itemIds);

  /** Which of the given item versions ({@code itemId -> sha256}) a hold of the case preserves. */
  Set<String> preservedIds(String caseId, Map<String, String> itemVersions);

  /**
   * Drops the records of the custodians' holds and returns the SHA-256 of every version they
   * preserved.
   */
  default Set<String> removeOfCustodians(String caseId, Collection<String> custodianIds) {
    return removeOfHolds(caseId, custodianIds.stream().map(HoldRef::custodian).toList());
  }

  /** Drops the records of the holds and returns the SHA-256 of every version they preserved. */
  Set<String> removeOfHolds(String caseId, Collection<HoldRef> holds);

  /**
   * Drops the records of one hold that it no longer covers: those of items outside {@code
   * sourceIds}, and, when {@code itemIds} is not null, those of items not among them. Returns the
   * SHA-256 of every version whose record was dropped.
   */
  Set<String> retainOfHold(
      String caseId, HoldRef hold, Collection<String> sourceIds, Set<String> itemIds);

  /**
   * Of the given contents, those nothing of the case needs any more: no hold preserves them and no
   * review-set file holds them.
   */
  Set<String> unneeded(String caseId, Collection<String> sha256s);

  /**
   * Per source of the case: how many of its items the catalog keeps from their preserved copies
   * only (deleted at the source, or the earlier version of an item that changed there).
   */
  Map<String, Long> preservedOnlyBySource(String caseId);

  /** Per source of the case: how many distinct items a hold preserves. */
  Map<String, Long> preservedBySource(String caseId);

  /**
   * Up to {@code limit} catalogued items of the given sources (all of one custodian), earlier
   * versions kept apart, whose current version the custodian's hold does not preserve, in id order.
   */
  default List<Item> unpreserved(String custodianId, Collection<String> sourceIds, int limit) {
    return unpreserved(HoldRef.custodian(custodianId), sourceIds, limit);
  }

  /** How many catalogued items of the given sources the custodian's hold does not preserve. */
  default long countUnpreserved(String custodianId, Collection<String> sourceIds) {
    return countUnpreserved(HoldRef.custodian(custodianId), sourceIds);
  }

  /**
   * Up to {@code limit} catalogued items of the given sources whose current version the hold does
   * not preserve, in id order.
   */
  List<Item> unpreserved(HoldRef hold, Collection<String> sourceIds, int limit);

  /** How many catalogued items of the given sources the hold does not preserve. */
  long countUnpreserved(HoldRef hold, Collection<String> sourceIds);

  /** Of the given catalogued items, those whose current version the hold does not preserve. */
  Set<String> unpreservedAmong(HoldRef hold, Collection<String> itemIds);

  /**
   * Moves the hold records of an item to its new id (a message whose mbox lost messages before it
   * has a new location, hence a new id; its bytes and its holds are the same).
   */
  void moveRecords(String caseId, String fromItemId, String toItemId);

  /** Drops every record of the case. */
  void deleteOfCase(String caseId);
}
