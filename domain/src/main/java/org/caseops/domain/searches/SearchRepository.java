package org.caseops.domain.searches;

import java.util.List;
import java.util.Optional;
import org.caseops.domain.support.ListQuery;

/** The searches of every case, always looked up within a case. */
public interface SearchRepository {
  void add(EdiscoverySearch search);

  Optional<EdiscoverySearch> find(String caseId, String searchId);

  /**
   * The case's searches that meet the query's filter, in its order (creation time, oldest first,
   * without one). Properties: {@code id}, {@code displayName}, {@code createdDateTime}, {@code
   * lastModifiedDateTime}.
   */
  List<EdiscoverySearch> list(String caseId, ListQuery query);

  long count(String caseId, ListQuery.Condition filter);

  /** Saves the changes made to a search read by {@link #find}; fails on a concurrent change. */
  EdiscoverySearch update(EdiscoverySearch search);

  void delete(String caseId, String searchId);

  /** Links the search to the estimateStatistics operation that last ran it. */
  void markEstimated(String searchId, String operationId);
}
