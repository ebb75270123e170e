package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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
              List.of(new ListQuery.OrderKey("addedDateTime", false)))
          // The default order (time added, id) is read from the index on (review set, time added,
          // id) in its order, a page at a time, instead of the whole review set sorted per page.
          .scopeLeadsOrder("reviewSetId");

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

  /**
   * A page of a production's files, with their Cc, in one query per range of the index on (review
   * set, time added, id). The review set's id leads the ORDER BY although it is fixed: H2 reads a
   * range in the index's order, and stops at the limit, only when the ORDER BY starts with the
   * index's first column; ordered by (time added, id) alone, it read every file after the key and
   * sorted them for each page, which made a production's reads grow with the square of its size.
   * The Cc is the file's own copy (migration V17): read from the catalog entry, it cost each file a
   * lookup of the item by primary key, two B-tree searches on H2.
   */
  private static final String FILES_TO_EXPORT =
      "SELECT f.id, f.review_set_id, f.case_id, f.item_id, f.source_id, f.kind, f.name, f.subject,"
          + " f.sender, f.recipients_to, f.recipients_cc, f.sent_at, f.size_bytes, f.sha256,"
          + " f.content_type, f.location, f.added_at, f.added_by_operation_id"
          + " FROM review_set_item f"
          + " WHERE f.review_set_id = ? AND ";

  private static final String EXPORT_ORDER =
      " ORDER BY f.review_set_id, f.added_at, f.id FETCH FIRST ? ROWS ONLY";

  @Override
  public List<FileWithCc> filesToExport(
      String reviewSetId,
      Instant until,
      Instant afterAdded,
      String afterId,
      boolean inclusive,
      int limit) {
    // Plain JDBC on the transaction's own connection: the files are read, never changed, and
    // building entities through the JPA provider cost as much as the database's own reading.
    Connection connection = em.unwrap(Connection.class);
    List<FileWithCc> page = new ArrayList<>(Math.min(limit, 1000));
    try {
      if (afterId == null) {
        read(
            connection,
            FILES_TO_EXPORT + "f.added_at <= ?" + EXPORT_ORDER,
            page,
            limit,
            reviewSetId,
            utc(until),
            limit);
      } else {
        // The rest of the files added at the same time as the given one, then, when the page is
        // not full, the files added after it: two ranges of the index, where one query with an
        // "or" would be read from no index.
        read(
            connection,
            FILES_TO_EXPORT
                + "f.added_at = ? AND f.id "
                + (inclusive ? ">=" : ">")
                + " ?"
                + EXPORT_ORDER,
            page,
            limit,
            reviewSetId,
            utc(afterAdded),
            afterId,
            limit);
        if (page.size() < limit) {
          read(
              connection,
              FILES_TO_EXPORT + "f.added_at > ? AND f.added_at <= ?" + EXPORT_ORDER,
              page,
              limit,
              reviewSetId,
              utc(afterAdded),
              utc(until),
              limit - page.size());
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("The review set's files cannot be read: " + e.getMessage(), e);
    }
    return page;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static void read(
      Connection connection, String sql, List<FileWithCc> page, int limit, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.setFetchSize(Math.min(limit, 1000));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ReviewSetItem file =
              ReviewSetItem.stored(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  rows.getString(10),
                  rows.getString(11),
                  instant(rows, 12),
                  rows.getLong(13),
                  rows.getString(14),
                  rows.getString(15),
                  rows.getString(16),
                  instant(rows, 17),
                  rows.getString(18));
          String cc = file.getCc();
          page.add(new FileWithCc(file, cc == null ? "" : cc));
        }
      }
    }
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
