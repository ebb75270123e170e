package org.caseops.api.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.support.ListQuery;

/** Review sets, their files and queries in maps, in insertion order. */
public class InMemoryReviewSets implements ReviewSetRepository {
  public final Map<String, ReviewSet> sets = new LinkedHashMap<>();
  public final Map<String, ReviewSetItem> items = new LinkedHashMap<>();
  public final Map<String, ReviewSetQuery> queries = new LinkedHashMap<>();

  private static final InMemoryListQueries<ReviewSet> SETS =
      new InMemoryListQueries<>(
          Map.of(
              "id", ReviewSet::getId,
              "displayName", ReviewSet::getDisplayName,
              "createdDateTime", ReviewSet::getCreatedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  private static final InMemoryListQueries<ReviewSetQuery> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", ReviewSetQuery::getId,
              "displayName", ReviewSetQuery::getDisplayName,
              "createdDateTime", ReviewSetQuery::getCreatedDateTime,
              "lastModifiedDateTime", ReviewSetQuery::getLastModifiedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Override
  public void add(ReviewSet reviewSet) {
    sets.put(reviewSet.getId(), reviewSet);
  }

  @Override
  public Optional<ReviewSet> find(String caseId, String reviewSetId) {
    ReviewSet r = sets.get(reviewSetId);
    return r != null && r.getCaseId().equals(caseId) ? Optional.of(r) : Optional.empty();
  }

  @Override
  public List<ReviewSet> list(String caseId, ListQuery query) {
    return SETS.list(setsOf(caseId), query);
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return SETS.count(setsOf(caseId), filter);
  }

  private List<ReviewSet> setsOf(String caseId) {
    return sets.values().stream().filter(r -> r.getCaseId().equals(caseId)).toList();
  }

  @Override
  public boolean nameTaken(String caseId, String displayName) {
    String name = displayName.toLowerCase(Locale.ROOT);
    return setsOf(caseId).stream()
        .anyMatch(r -> r.getDisplayName().toLowerCase(Locale.ROOT).equals(name));
  }

  @Override
  public Set<String> itemIdsPresent(String reviewSetId, Collection<String> itemIds) {
    Set<String> present = new HashSet<>();
    for (ReviewSetItem i : items.values()) {
      if (i.getReviewSetId().equals(reviewSetId) && itemIds.contains(i.getItemId())) {
        present.add(i.getItemId());
      }
    }
    return present;
  }

  @Override
  public void addItems(List<ReviewSetItem> added) {
    added.forEach(i -> items.put(i.getId(), i));
  }

  @Override
  public void removeItems(Collection<String> reviewSetItemIds) {
    reviewSetItemIds.forEach(items::remove);
  }

  @Override
  public Optional<ReviewSetItem> findItem(String reviewSetId, String reviewSetItemId) {
    ReviewSetItem i = items.get(reviewSetItemId);
    return i != null && i.getReviewSetId().equals(reviewSetId) ? Optional.of(i) : Optional.empty();
  }

  @Override
  public List<ReviewSetItem> findItems(
      String reviewSetId, java.util.Collection<String> reviewSetItemIds) {
    return reviewSetItemIds.stream()
        .map(id -> findItem(reviewSetId, id))
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  @Override
  public List<FileWithCc> filesToExport(
      String reviewSetId,
      java.time.Instant until,
      java.time.Instant afterAdded,
      String afterId,
      boolean inclusive,
      int limit) {
    return List.of();
  }

  @Override
  public List<ReviewSetItem> listItems(String reviewSetId, ListQuery query) {
    return FILES.list(itemsOf(reviewSetId), query);
  }

  private static final InMemoryListQueries<ReviewSetItem> FILES =
      new InMemoryListQueries<>(
          Map.of(
              "id", ReviewSetItem::getId,
              "name", ReviewSetItem::getName,
              "subjectTitle", ReviewSetItem::getSubject,
              "size", ReviewSetItem::getSize,
              "dateTime",
                  f -> f.getSentDateTime() != null ? f.getSentDateTime() : f.getAddedDateTime(),
              "addedDateTime", ReviewSetItem::getAddedDateTime),
          List.of(new ListQuery.OrderKey("addedDateTime", false)));

  private List<ReviewSetItem> itemsOf(String reviewSetId) {
    return items.values().stream()
        .filter(i -> i.getReviewSetId().equals(reviewSetId))
        .sorted(
            Comparator.comparing(ReviewSetItem::getAddedDateTime)
                .thenComparing(ReviewSetItem::getId))
        .toList();
  }

  @Override
  public long countItems(String reviewSetId, ListQuery.Condition filter) {
    return FILES.count(itemsOf(reviewSetId), filter);
  }

  @Override
  public long countAddedBy(String reviewSetId, String operationId) {
    return itemsOf(reviewSetId).stream()
        .filter(i -> operationId.equals(i.getAddedByOperationId()))
        .count();
  }

  @Override
  public void addQuery(ReviewSetQuery query) {
    queries.put(query.getId(), query);
  }

  @Override
  public Optional<ReviewSetQuery> findQuery(String caseId, String reviewSetId, String queryId) {
    ReviewSetQuery q = queries.get(queryId);
    return q != null && q.getCaseId().equals(caseId) && q.getReviewSetId().equals(reviewSetId)
        ? Optional.of(q)
        : Optional.empty();
  }

  @Override
  public List<ReviewSetQuery> listQueries(String reviewSetId, ListQuery query) {
    return QUERIES.list(queriesOf(reviewSetId), query);
  }

  @Override
  public long countQueries(String reviewSetId, ListQuery.Condition filter) {
    return QUERIES.count(queriesOf(reviewSetId), filter);
  }

  private List<ReviewSetQuery> queriesOf(String reviewSetId) {
    return queries.values().stream().filter(q -> q.getReviewSetId().equals(reviewSetId)).toList();
  }

  @Override
  public ReviewSetQuery updateQuery(ReviewSetQuery query) {
    queries.put(query.getId(), query);
    return query;
  }

  @Override
  public void deleteQuery(String caseId, String reviewSetId, String queryId) {
    findQuery(caseId, reviewSetId, queryId).ifPresent(q -> queries.remove(q.getId()));
  }
}
