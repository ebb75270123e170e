package org.caseops.api.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemKey;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemTotals;
import org.caseops.domain.items.SourceItemStats;

/** An item catalog that only reports the statistics a test gives it. */
public class InMemoryItems implements ItemRepository {
  public final List<SourceItemStats> stats = new ArrayList<>();
  public final List<String> statsCalls = new ArrayList<>();

  @Override
  public Map<String, String> knownHashes(Collection<String> itemIds) {
    return Map.of();
  }

  @Override
  public void saveAll(List<Item> items) {
    throw new UnsupportedOperationException("the API never writes items");
  }

  @Override
  public long countInSource(String sourceId) {
    return 0;
  }

  @Override
  public long countIndexedByOperation(String caseId, String operationId) {
    return 0;
  }

  @Override
  public Map<String, Long> unindexedReasonsByOperation(String caseId, String operationId) {
    return Map.of();
  }

  @Override
  public List<SourceItemStats> statsOfCase(String caseId) {
    statsCalls.add(caseId);
    return stats;
  }

  @Override
  public List<Item> listInSource(String sourceId, int offset, int limit) {
    return List.of();
  }

  @Override
  public void deleteOfCase(String caseId) {}

  @Override
  public List<Item> listInFile(String sourceId, String path) {
    return List.of();
  }

  @Override
  public void deleteAll(Collection<String> itemIds) {}

  @Override
  public List<Item> listInSourcesAfter(Collection<String> sourceIds, String afterId, int limit) {
    return List.of();
  }

  @Override
  public List<ItemKey> keysInSourcesAfter(
      String caseId, Collection<String> sourceIds, String afterId, int limit) {
    return List.of();
  }

  @Override
  public long countInSources(Collection<String> sourceIds) {
    return 0;
  }

  @Override
  public ItemTotals unindexedInSources(Collection<String> sourceIds) {
    return ItemTotals.NONE;
  }

  @Override
  public List<String> unindexedIdsInSources(Collection<String> sourceIds) {
    return List.of();
  }

  @Override
  public List<Item> findAll(Collection<String> itemIds) {
    return List.of();
  }

  @Override
  public void markSeen(Collection<String> itemIds, String operationId) {}

  @Override
  public int markPreservedOnlyUnseen(Collection<String> sourceIds, String operationId) {
    return 0;
  }

  @Override
  public List<String> unpreservedKeptIds(String caseId, Collection<String> sourceIds) {
    return List.of();
  }

  @Override
  public List<String> preservedOnlyIndexedIdsInSources(Collection<String> sourceIds) {
    return List.of();
  }

  @Override
  public List<Item> atLocations(String sourceId, Collection<String> locations) {
    return List.of();
  }

  @Override
  public void moveAll(Map<String, String> locations) {}

  @Override
  public boolean keepAsVersion(String itemId) {
    return false;
  }
}
