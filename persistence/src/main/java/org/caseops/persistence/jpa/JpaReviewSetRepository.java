package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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

/**
 * Review sets, their files and queries in JPA. Files are written in JDBC batches within the
 * caller's transaction.
 */
@ApplicationScoped
@Transactional
public class JpaReviewSetRepository implements ReviewSetRepository {
  /** Keeps IN lists well under every database's parameter limit. */
  private static final int IN_LIMIT = 1000;

  private static final ListQueries<ReviewSet> SETS =
      new ListQueries<>(
          ReviewSet.class,
          Map.of("id", "id", "displayName", "displayName", "createdDateTime", "createdDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  private static final ListQueries<ReviewSetQuery> QUERIES =
      new ListQueries<>(
          ReviewSetQuery.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "createdDateTime", "createdDateTime",
              "lastModifiedDateTime", "lastModifiedDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  private static final ListQueries<ReviewSetItem> FILES =
      new ListQueries<>(
          ReviewSetItem.class,
          Map.of(
              "id", "id",
              "name", "name",
              "subjectTitle", "subject",
              "size", "size",
              // the default order; not offered to $filter
              "addedDateTime", "addedDateTime"),
          Map.of("dateTime", List.of("sentDateTime", "addedDateTime")),
          List.of(new ListQuery.OrderKey("addedDateTime", false)));

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void add(ReviewSet reviewSet) {
    em.persist(reviewSet);
  }

  @Override
  public Optional<ReviewSet> find(String caseId, String reviewSetId) {
    ReviewSet r = em.find(ReviewSet.class, reviewSetId);
    return r != null && r.getCaseId().equals(caseId) ? Optional.of(r) : Optional.empty();
  }

  @Override
  public List<ReviewSet> list(String caseId, ListQuery query) {
    return SETS.list(em, query, (cb, r) -> cb.equal(r.get("caseId"), caseId));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return SETS.count(em, filter, (cb, r) -> cb.equal(r.get("caseId"), caseId));
  }

  @Override
  public boolean nameTaken(String caseId, String displayName) {
    return !em.createQuery(
            "SELECT r.id FROM ReviewSet r WHERE r.caseId = :c AND LOWER(r.displayName) = :n",
            String.class)
        .setParameter("c", caseId)
        .setParameter("n", displayName.toLowerCase(Locale.ROOT))
        .getResultList()
        .isEmpty();
  }

  @Override
  public Set<String> itemIdsPresent(String reviewSetId, Collection<String> itemIds) {
    // By the files' own ids (primary-key lookups): with (review_set_id, item_id IN ...) H2 ranges
    // over every file of the review set and tests each against the whole list, which grows with the
    // review set.
    List<String> fileIds = new ArrayList<>(itemIds.size());
    for (String itemId : itemIds) {
      fileIds.add(ReviewSetItem.idFor(reviewSetId, itemId));
    }
    Set<String> present = new HashSet<>();
    for (List<String> part : parts(fileIds)) {
      present.addAll(
          em.createQuery("SELECT i.itemId FROM ReviewSetItem i WHERE i.id IN :ids", String.class)
              .setParameter("ids", part)
              .getResultList());
    }
    return present;
  }

  @Override
  public void addItems(List<ReviewSetItem> items) {
    if (items.isEmpty()) {
      return;
    }
    for (ReviewSetItem item : items) {
      em.persist(item);
    }
    em.flush();
    em.clear();
  }

  @Override
  public void removeItems(Collection<String> reviewSetItemIds) {
    for (List<String> part : parts(List.copyOf(reviewSetItemIds))) {
      em.createQuery("DELETE FROM ReviewSetItem i WHERE i.id IN :ids")
          .setParameter("ids", part)
          .executeUpdate();
    }
  }

  @Override
  public Optional<ReviewSetItem> findItem(String reviewSetId, String reviewSetItemId) {
    ReviewSetItem i = em.find(ReviewSetItem.class, reviewSetItemId);
    return i != null && i.getReviewSetId().equals(reviewSetId) ? Optional.of(i) : Optional.empty();
  }

  @Override
  public List<ReviewSetItem> findItems(String reviewSetId, Collection<String> reviewSetItemIds) {
    if (reviewSetItemIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT i FROM ReviewSetItem i WHERE i.reviewSetId = :r AND i.id IN :ids",
            ReviewSetItem.class)
        .setParameter("r", reviewSetId)
        .setParameter("ids", reviewSetItemIds)
        .getResultList();
  }

  @Override
  public List<ReviewSetItem> listItems(String reviewSetId, ListQuery query) {
    return FILES.list(em, query, (cb, i) -> cb.equal(i.get("reviewSetId"), reviewSetId));
  }

  private static final String FILES_TO_EXPORT =
      "SELECT f FROM ReviewSetItem f WHERE f.reviewSetId = :r AND ";

  @Override
  public List<FileWithCc> filesToExport(
      String reviewSetId,
      Instant until,
      Instant afterAdded,
      String afterId,
      boolean inclusive,
      int limit) {
    List<ReviewSetItem> files = new ArrayList<>();
    if (afterId == null) {
      files.addAll(
          em.createQuery(
                  FILES_TO_EXPORT + "f.addedDateTime <= :until ORDER BY f.addedDateTime, f.id",
                  ReviewSetItem.class)
              .setParameter("r", reviewSetId)
              .setParameter("until", until)
              .setMaxResults(limit)
              .getResultList());
    } else {
      // The rest of the files added at the same time as the given one, then, when the page is not
      // full, the files added after it: two ranges of the index, where one query with an "or"
      // would be read from no index.
      files.addAll(
          em.createQuery(
                  FILES_TO_EXPORT
                      + "f.addedDateTime = :added AND f.id "
                      + (inclusive ? ">=" : ">")
                      + " :id ORDER BY f.id",
                  ReviewSetItem.class)
              .setParameter("r", reviewSetId)
              .setParameter("added", afterAdded)
              .setParameter("id", afterId)
              .setMaxResults(limit)
              .getResultList());
      if (files.size() < limit) {
        files.addAll(
            em.createQuery(
                    FILES_TO_EXPORT
                        + "f.addedDateTime > :added AND f.addedDateTime <= :until"
                        + " ORDER BY f.addedDateTime, f.id",
                    ReviewSetItem.class)
                .setParameter("r", reviewSetId)
                .setParameter("added", afterAdded)
                .setParameter("until", until)
                .setMaxResults(limit - files.size())
                .getResultList());
      }
    }
    // Of the catalog, a production needs only each file's Cc: read alone, in one query by id (a
    // join in the page's query keeps a database from reading the page in the index's order).
    Map<String, String> cc = new HashMap<>();
    List<String> itemIds = files.stream().map(ReviewSetItem::getItemId).toList();
    for (List<String> part : parts(itemIds)) {
      for (Object[] row :
          em.createQuery("SELECT i.id, i.cc FROM Item i WHERE i.id IN :ids", Object[].class)
              .setParameter("ids", part)
              .getResultList()) {
        if (row[1] != null) {
          cc.put((String) row[0], (String) row[1]);
        }
      }
    }
    // The files are read, not changed: keep the persistence context from growing, and its commit
    // from comparing them, over a long reading.
    em.clear();
    List<FileWithCc> page = new ArrayList<>(files.size());
    for (ReviewSetItem f : files) {
      page.add(new FileWithCc(f, cc.getOrDefault(f.getItemId(), "")));
    }
    return page;
  }

  @Override
  public long countItems(String reviewSetId, ListQuery.Condition filter) {
    return FILES.count(em, filter, (cb, i) -> cb.equal(i.get("reviewSetId"), reviewSetId));
  }

  @Override
  public long countAddedBy(String reviewSetId, String operationId) {
    return em.createQuery(
            "SELECT COUNT(i) FROM ReviewSetItem i WHERE i.reviewSetId = :r AND i.addedByOperationId = :op",
            Long.class)
        .setParameter("r", reviewSetId)
        .setParameter("op", operationId)
        .getSingleResult();
  }

  @Override
  public void addQuery(ReviewSetQuery query) {
    em.persist(query);
  }

  @Override
  public Optional<ReviewSetQuery> findQuery(String caseId, String reviewSetId, String queryId) {
    ReviewSetQuery q = em.find(ReviewSetQuery.class, queryId);
    return q != null && q.getCaseId().equals(caseId) && q.getReviewSetId().equals(reviewSetId)
        ? Optional.of(q)
        : Optional.empty();
  }

  @Override
  public List<ReviewSetQuery> listQueries(String reviewSetId, ListQuery query) {
    return QUERIES.list(em, query, (cb, q) -> cb.equal(q.get("reviewSetId"), reviewSetId));
  }

  @Override
  public long countQueries(String reviewSetId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, q) -> cb.equal(q.get("reviewSetId"), reviewSetId));
  }

  @Override
  public ReviewSetQuery updateQuery(ReviewSetQuery query) {
    ReviewSetQuery merged = em.merge(query);
    em.flush();
    return merged;
  }

  @Override
  public void deleteQuery(String caseId, String reviewSetId, String queryId) {
    findQuery(caseId, reviewSetId, queryId).ifPresent(em::remove);
  }

  static List<List<String>> parts(Collection<String> ids) {
    List<List<String>> parts = new ArrayList<>();
    List<String> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += IN_LIMIT) {
      parts.add(all.subList(i, Math.min(all.size(), i + IN_LIMIT)));
    }
    return parts;
  }
}
