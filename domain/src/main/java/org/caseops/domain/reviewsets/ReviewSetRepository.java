package org.caseops.domain.reviewsets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.support.ListQuery;

/** Review sets, their files and their saved queries, always looked up within a case. */
public interface ReviewSetRepository {
  void add(ReviewSet reviewSet);

  Optional<ReviewSet> find(String caseId, String reviewSetId);

  /**
   * The case's review sets that meet the query's filter, in its order (creation time, oldest first,
   * without one). Properties: {@code id}, {@code displayName}, {@code createdDateTime}.
   */
  List<ReviewSet> list(String caseId, ListQuery query);

  long count(String caseId, ListQuery.Condition filter);

  /** Whether the case has a review set of this name, ignoring case. */
  boolean nameTaken(String caseId, String displayName);

  /** Of the given catalogued item ids, those the review set already holds. */
  Set<String> itemIdsPresent(String reviewSetId, Collection<String> itemIds);

  /** Adds files in one batch; the caller has left out those already present. */
  void addItems(List<ReviewSetItem> items);

  /**
   * Takes files out again by their own ids, in the caller's transaction (files just added whose
   * copy failed).
   */
  void removeItems(Collection<String> reviewSetItemIds);

  /** One file, by its own id. */
  Optional<ReviewSetItem> findItem(String reviewSetId, String reviewSetItemId);

  /** The review set's files among the given ids, in one read; ids of no file of it are left out. */
  List<ReviewSetItem> findItems(String reviewSetId, Collection<String> reviewSetItemIds);

  /** The review set's files in the order they were added (then by id). */
  default List<ReviewSetItem> listItems(String reviewSetId, int offset, int limit) {
    return listItems(reviewSetId, ListQuery.page(offset, limit));
  }

  default long countItems(String reviewSetId) {
    return countItems(reviewSetId, null);
  }

  /**
   * The review set's files that meet the query's filter, in its order (the order they were added,
   * then by id, without one). Properties: {@code id}, {@code name}, {@code subjectTitle}, {@code
   * size} (a {@link Long}) and {@code dateTime} (the sent time, else the time the file was added).
   */
  List<ReviewSetItem> listItems(String reviewSetId, ListQuery query);

  /** A review-set file with its Cc ("" without one). */
  record FileWithCc(ReviewSetItem file, String cc) {}

  /**
   * Up to {@code limit} of the review set's files added at or before {@code until}, in the order
   * they were added, then by id, after the file added at {@code afterAdded} whose id is {@code
   * afterId} ({@code inclusive}: from it; from the first when {@code afterId} is null), each with
   * its Cc (kept on the file since it was copied from the catalog): the read of a production, one
   * query per range of the index on (review set, time added, id), nothing read but the files' own
   * rows, which are read as plain rows, never managed (not kept for change).
   */
  List<FileWithCc> filesToExport(
      String reviewSetId,
      java.time.Instant until,
      java.time.Instant afterAdded,
      String afterId,
      boolean inclusive,
      int limit);

  /** How many of the review set's files meet the filter; all of them for {@code null}. */
  long countItems(String reviewSetId, ListQuery.Condition filter);

  /** How many files the given operation added to the review set. */
  long countAddedBy(String reviewSetId, String operationId);

  void addQuery(ReviewSetQuery query);

  Optional<ReviewSetQuery> findQuery(String caseId, String reviewSetId, String queryId);

  /** The review set's queries, in the query's order (creation time, oldest first, without one). */
  List<ReviewSetQuery> listQueries(String reviewSetId, ListQuery query);

  long countQueries(String reviewSetId, ListQuery.Condition filter);

  ReviewSetQuery updateQuery(ReviewSetQuery query);

  void deleteQuery(String caseId, String reviewSetId, String queryId);
}
