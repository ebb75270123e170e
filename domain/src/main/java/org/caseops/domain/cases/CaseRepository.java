package org.caseops.domain.cases;

import java.util.List;
import java.util.Optional;
import org.caseops.domain.support.ListQuery;

/** The cases the server keeps. */
public interface CaseRepository {
  void add(EdiscoveryCase ediscoveryCase);

  Optional<EdiscoveryCase> find(String caseId);

  boolean exists(String caseId);

  /** Cases ordered by creation time, oldest first. */
  default List<EdiscoveryCase> list(int offset, int limit) {
    return list(ListQuery.page(offset, limit));
  }

  default long count() {
    return count(null);
  }

  /**
   * The cases that meet the query's filter, in its order (creation time, oldest first, without
   * one). Properties: {@code id}, {@code displayName}, {@code status}, {@code externalId}, {@code
   * createdDateTime}, {@code lastModifiedDateTime}.
   */
  List<EdiscoveryCase> list(ListQuery query);

  /** How many cases meet the filter; all of them for {@code null}. */
  long count(ListQuery.Condition filter);

  /** Saves changes made to a detached case; fails on a concurrent change. */
  EdiscoveryCase update(EdiscoveryCase ediscoveryCase);

  /** Deletes the case and everything under it. */
  void delete(String caseId);
}
