package org.caseops.api.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.items.Item;

/** Holds whose per-source figures a test sets; nothing is preserved through it. */
public class InMemoryHolds implements HoldRepository {
  public final Map<String, Long> preserved = new HashMap<>();
  public final Map<String, Long> preservedOnly = new HashMap<>();

  @Override
  public void preserve(List<PreservedItem> records) {}

  @Override
  public List<PreservedItem> listOfCustodian(String caseId, String custodianId) {
    return List.of();
  }

  @Override
  public long countOfCustodian(String caseId, String custodianId) {
    return 0;
  }

  @Override
  public Set<String> preservedIds(String caseId, Map<String, String> itemVersions) {
    return Set.of();
  }

  @Override
  public Set<String> removeOfCustodians(String caseId, Collection<String> custodianIds) {
    return Set.of();
  }

  @Override
  public Set<String> unneeded(String caseId, Collection<String> sha256s) {
    return Set.copyOf(sha256s);
  }

  @Override
  public Map<String, Long> preservedOnlyBySource(String caseId) {
    return preservedOnly;
  }

  @Override
  public Map<String, Long> preservedBySource(String caseId) {
    return preserved;
  }

  @Override
  public List<Item> unpreserved(String custodianId, Collection<String> sourceIds, int limit) {
    return List.of();
  }

  @Override
  public long countUnpreserved(String custodianId, Collection<String> sourceIds) {
    return 0;
  }

  @Override
  public List<PreservedItem> listOfHold(String caseId, HoldRef hold) {
    return List.of();
  }

  @Override
  public long countOfHold(String caseId, HoldRef hold) {
    return 0;
  }

  @Override
  public Set<String> heldItemIds(String caseId, Collection<String> itemIds) {
    return Set.of();
  }

  @Override
  public Set<String> removeOfHolds(String caseId, Collection<HoldRef> holds) {
    return Set.of();
  }

  @Override
  public Set<String> retainOfHold(
      String caseId, HoldRef hold, Collection<String> sourceIds, Set<String> itemIds) {
    return Set.of();
  }

  @Override
  public List<Item> unpreserved(HoldRef hold, Collection<String> sourceIds, int limit) {
    return List.of();
  }

  @Override
  public long countUnpreserved(HoldRef hold, Collection<String> sourceIds) {
    return 0;
  }

  @Override
  public Set<String> unpreservedAmong(HoldRef hold, Collection<String> itemIds) {
    return Set.of();
  }

  @Override
  public void deleteOfCase(String caseId) {}

  @Override
  public void moveRecords(String caseId, String fromItemId, String toItemId) {}
}
