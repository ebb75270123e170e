package org.caseops.domain.items;

/** Whether the source of a catalogued item still holds it as it was catalogued. */
public enum ItemState {
  /** The source holds the item as catalogued (as far as the last index run saw). */
  current,
  /**
   * The source no longer holds the item as catalogued (deleted there, or this is the earlier
   * version of an item that changed); the case keeps it because a hold preserved it, from its
   * preserved copy.
   */
  preservedOnly
}
