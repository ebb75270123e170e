package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.reviewsets.ReviewSetItemTag;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ListQuery;

/** Review tags and their use on review-set files in JPA. */
@ApplicationScoped
@Transactional
public class JpaReviewTagRepository implements ReviewTagRepository {
  private static final ListQueries<ReviewTag> QUERIES =
      new ListQueries<>(
          ReviewTag.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "childSelectability", "childSelectability",
              "lastModifiedDateTime", "lastModifiedDateTime",
              // the default order; not offered to $filter
              "createdDateTime", "createdDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void add(ReviewTag tag) {
    em.persist(tag);
  }

  @Override
  public Optional<ReviewTag> find(String caseId, String tagId) {
    ReviewTag t = em.find(ReviewTag.class, tagId);
    return t != null && t.getCaseId().equals(caseId) ? Optional.of(t) : Optional.empty();
  }

  @Override
  public Optional<ReviewTag> findByName(String caseId, String displayName) {
    return em
        .createQuery(
            "SELECT t FROM ReviewTag t WHERE t.caseId = :c AND LOWER(t.displayName) = :n",
            ReviewTag.class)
        .setParameter("c", caseId)
        .setParameter("n", displayName.toLowerCase(Locale.ROOT))
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<ReviewTag> list(String caseId, ListQuery query) {
    return QUERIES.list(em, query, (cb, t) -> cb.equal(t.get("caseId"), caseId));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, t) -> cb.equal(t.get("caseId"), caseId));
  }

  @Override
  public List<ReviewTag> listAll(String caseId) {
    return em.createQuery(
            "SELECT t FROM ReviewTag t WHERE t.caseId = :c ORDER BY t.createdDateTime, t.id",
            ReviewTag.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public List<ReviewTag> children(String caseId, String parentId, ListQuery query) {
    return QUERIES.list(
        em,
        query,
        (cb, t) ->
            cb.and(cb.equal(t.get("caseId"), caseId), cb.equal(t.get("parentId"), parentId)));
  }

  @Override
  public long countChildren(String caseId, String parentId, ListQuery.Condition filter) {
    return QUERIES.count(
        em,
        filter,
        (cb, t) ->
            cb.and(cb.equal(t.get("caseId"), caseId), cb.equal(t.get("parentId"), parentId)));
  }

  @Override
  public ReviewTag update(ReviewTag tag) {
    ReviewTag merged = em.merge(tag);
    em.flush();
    return merged;
  }

  @Override
  public void delete(String caseId, String tagId) {
    List<String> doomed = new ArrayList<>();
    collect(caseId, tagId, doomed);
    if (doomed.isEmpty()) {
      return;
    }
    em.createQuery("DELETE FROM ReviewSetItemTag t WHERE t.tagId IN :ids")
        .setParameter("ids", doomed)
        .executeUpdate();
    // Children first, so no row ever points at a deleted parent.
    for (int i = doomed.size() - 1; i >= 0; i--) {
      em.createQuery("DELETE FROM ReviewTag t WHERE t.id = :id")
          .setParameter("id", doomed.get(i))
          .executeUpdate();
    }
  }

  private void collect(String caseId, String tagId, List<String> into) {
    if (find(caseId, tagId).isEmpty()) {
      return;
    }
    into.add(tagId);
    for (ReviewTag child : children(caseId, tagId)) {
      collect(caseId, child.getId(), into);
    }
  }

  @Override
  public Map<String, Set<String>> tagsOf(Collection<String> reviewSetItemIds) {
    Map<String, Set<String>> tags = new HashMap<>();
    for (List<String> part : JpaReviewSetRepository.parts(reviewSetItemIds)) {
      List<ReviewSetItemTag> rows =
          em.createQuery(
                  "SELECT t FROM ReviewSetItemTag t WHERE t.reviewSetItemId IN :ids",
                  ReviewSetItemTag.class)
              .setParameter("ids", part)
              .getResultList();
      for (ReviewSetItemTag row : rows) {
        tags.computeIfAbsent(row.getReviewSetItemId(), k -> new LinkedHashSet<>())
            .add(row.getTagId());
      }
    }
    return tags;
  }

  @Override
  public Map<String, Set<String>> tagsOfItems(String caseId, Collection<String> itemIds) {
    Map<String, Set<String>> tags = new HashMap<>();
    for (List<String> part : JpaReviewSetRepository.parts(itemIds)) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT i.itemId, t.tagId FROM ReviewSetItem i, ReviewSetItemTag t"
                      + " WHERE t.reviewSetItemId = i.id AND i.caseId = :c AND i.itemId IN :ids",
                  Object[].class)
              .setParameter("c", caseId)
              .setParameter("ids", part)
              .getResultList();
      for (Object[] row : rows) {
        tags.computeIfAbsent((String) row[0], k -> new LinkedHashSet<>()).add((String) row[1]);
      }
    }
    return tags;
  }

  @Override
  public Set<String> itemIdsWithTag(String reviewSetId, String tagId) {
    return new HashSet<>(
        em.createQuery(
                "SELECT i.itemId FROM ReviewSetItem i, ReviewSetItemTag t"
                    + " WHERE t.reviewSetItemId = i.id AND t.reviewSetId = :r AND t.tagId = :t",
                String.class)
            .setParameter("r", reviewSetId)
            .setParameter("t", tagId)
            .getResultList());
  }

  @Override
  public void retag(
      String reviewSetId, Map<String, Set<String>> add, Map<String, Set<String>> remove) {
    Set<String> files = new HashSet<>(add.keySet());
    files.addAll(remove.keySet());
    Map<String, Set<String>> current = tagsOf(files);
    // One delete per tag for the files that carry it, not one per file and tag.
    Map<String, List<String>> filesByTag = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : remove.entrySet()) {
      Set<String> has = current.getOrDefault(e.getKey(), Set.of());
      for (String tagId : e.getValue()) {
        if (has.contains(tagId)) {
          filesByTag.computeIfAbsent(tagId, t -> new ArrayList<>()).add(e.getKey());
        }
      }
    }
    for (Map.Entry<String, List<String>> e : filesByTag.entrySet()) {
      for (List<String> part : JpaReviewSetRepository.parts(e.getValue())) {
        em.createQuery(
                "DELETE FROM ReviewSetItemTag t WHERE t.tagId = :t AND t.reviewSetItemId IN :ids")
            .setParameter("t", e.getKey())
            .setParameter("ids", part)
            .executeUpdate();
      }
    }
    for (Map.Entry<String, Set<String>> e : add.entrySet()) {
      Set<String> has = current.getOrDefault(e.getKey(), Set.of());
      for (String tagId : e.getValue()) {
        if (!has.contains(tagId)) {
          em.persist(new ReviewSetItemTag(reviewSetId, e.getKey(), tagId));
        }
      }
    }
    em.flush();
  }
}
