package org.caseops.domain.items;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The item catalog of every case. */
public interface ItemRepository {
  /**
   * The SHA-256 of each given item id that is already catalogued; ids not in the catalog are absent
   * from the map.
   */
  Map<String, String> knownHashes(Collection<String> itemIds);

  /** Adds new items and replaces those whose id is already catalogued, in one batch. */
  void saveAll(List<Item> items);

  long countInSource(String sourceId);

  /** How many items of the case the given operation catalogued last and indexed. */
  long countIndexedByOperation(String caseId, String operationId);

  /**
   * The items of the case that the given operation catalogued last and could not index, counted per
   * unindexed reason.
   */
  Map<String, Long> unindexedReasonsByOperation(String caseId, String operationId);

  /** Item counts and sizes of each source of the case that has any item. */
  List<SourceItemStats> statsOfCase(String caseId);

  /** Items of one source, ordered by location. */
  List<Item> listInSource(String sourceId, int offset, int limit);

  /** How many items the given sources hold. */
  long countInSources(Collection<String> sourceIds);

  /**
   * The ids of the indexed items of the given sources that the catalog keeps from their preserved
   * copies only ({@code preservedOnly}), in no particular order.
   */
  List<String> preservedOnlyIndexedIdsInSources(Collection<String> sourceIds);

  /**
   * The items of the source at these locations that are not kept earlier versions (the current
   * items there, or items kept from their preserved copies only after they left their source): an
   * item's id is looked up by where it is, as it keeps its id when it moves.
   */
  List<Item> atLocations(String sourceId, Collection<String> locations);

  /**
   * Moves items to other locations of their sources (messages moved inside their mbox), keeping
   * their ids: item id to its new location. The moves may form chains (one item takes the location
   * another leaves) and rings, given in any order; all are written in the caller's transaction, in
   * an order where no item takes a location another has yet to leave.
   */
  void moveAll(Map<String, String> locations);

  /**
   * Makes an item whose location another item now takes (a message gone from its mbox, kept from
   * its preserved copy only or still catalogued as last indexed) an earlier version kept at that
   * location (its id, state, documents and hold records stay); false when that version is kept
   * there already.
   */
  boolean keepAsVersion(String itemId);

  /** The items of the given sources that could not be indexed: their count and total size. */
  ItemTotals unindexedInSources(Collection<String> sourceIds);

  /**
   * The ids of the items of the given sources that could not be indexed, in no particular order.
   */
  List<String> unindexedIdsInSources(Collection<String> sourceIds);

  /**
   * The catalogued items of the given ids, in no particular order; ids not in the catalog are left
   * out.
   */
  List<Item> findAll(Collection<String> itemIds);

  /**
   * Up to {@code limit} items of the given sources whose id comes after {@code afterId} ({@code
   * null}: from the first), in id order.
   */
  List<Item> listInSourcesAfter(Collection<String> sourceIds, String afterId, int limit);

  /**
   * Up to {@code limit} keys of the case's items in the given sources whose id comes after {@code
   * afterId} ({@code null}: from the first), in id order; each page is a range of an index on the
   * case and id, whatever the case's size.
   */
  List<ItemKey> keysInSourcesAfter(
      String caseId, Collection<String> sourceIds, String afterId, int limit);

  /**
   * The items of one file of a source: the file itself, or the messages of an mbox file ({@code
   * path#offset}), in no particular order.
   */
  List<Item> listInFile(String sourceId, String path);

  /**
   * Records that the given operation found these items at their source as catalogued: they are
   * {@link ItemState#current current} again, should they have been kept as preserved only.
   */
  void markSeen(Collection<String> itemIds, String operationId);

  /**
   * Marks {@link ItemState#preservedOnly preservedOnly} every item of the given sources that the
   * operation, having read them to the end, did not find at its source, and whose catalogued
   * version a hold preserves, earlier versions kept at a location a moved message took included;
   * returns how many it marked. Items no hold preserves are left as they are.
   */
  int markPreservedOnlyUnseen(Collection<String> sourceIds, String operationId);

  /**
   * The ids of the items of the given sources kept as {@link ItemState#preservedOnly preservedOnly}
   * whose bytes no hold of their source preserves any more.
   */
  List<String> unpreservedKeptIds(String caseId, Collection<String> sourceIds);

  /** Removes the given items from the catalog (a purge); ids not in the catalog are ignored. */
  void deleteAll(Collection<String> itemIds);

  void deleteOfCase(String caseId);
}
