package org.caseops.domain.operations;

import java.util.List;
import org.caseops.domain.support.ListQuery;

/** The items operations could not process, with their reasons. */
public interface ItemFailureRepository {
  /**
   * Records failures in the caller's transaction (a chunk's); one recorded before under the same id
   * is replaced.
   */
  void record(List<ItemFailure> failures);

  /** A page of an operation's failures, in the order they were recorded unless told otherwise. */
  List<ItemFailure> list(String operationId, ListQuery query);

  /** How many of an operation's failures match the filter ({@code null}: all of them). */
  long count(String operationId, ListQuery.Condition filter);
}
