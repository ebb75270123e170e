package org.caseops.domain.items;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The item catalog of every case. */
public interface ItemRepository {
  /** The SHA-256 of each given item id that is already catalogued; ids not in the catalog are absent from the map. */
  Map<String, String> knownHashes(Collection<String> itemIds);

  /** Adds new items and replaces those whose id is already catalogued, in one batch. */
  void saveAll(List<Item> items);

  long countInSource(String sourceId);

  /** Item counts and sizes of each source of the case that has any item. */
  List<SourceItemStats> statsOfCase(String caseId);

  /** Items of one source, ordered by location. */
  List<Item> listInSource(String sourceId, int offset, int limit);

  void deleteOfCase(String caseId);
}
