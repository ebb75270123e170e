package org.caseops.domain.purge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What each purge did with the items its search matched. */
public interface PurgeRepository {
  /** Records outcomes; a record that exists already (same operation and item) is replaced. */
  void record(List<PurgedItem> outcomes);

  /** Up to {@code limit} records of the operation whose id comes after {@code afterId}, by id. */
  List<PurgedItem> listOfOperation(String operationId, String afterId, int limit);

  /** The record of one item in one purge. */
  Optional<PurgedItem> find(String operationId, String itemId);

  /** How many items the operation purged ({@code true}) or skipped ({@code false}). */
  long count(String operationId, boolean purged);

  /** The ids among {@code itemIds} that the operation has recorded already. */
  List<String> recordedIds(String operationId, Collection<String> itemIds);

  /** Marks a purged item as restored to its source. */
  void markRestored(String operationId, String itemId, Instant when);
}
