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
  List<Item> unpreserved(String custodianId, Collection<String> sourceIds, int limit);

  /** How many catalogued items of the given sources the custodian's hold does not preserve. */
  long countUnpreserved(String custodianId, Collection<String> sourceIds);

  /** Drops every record of the case. */
  void deleteOfCase(String caseId);
}
