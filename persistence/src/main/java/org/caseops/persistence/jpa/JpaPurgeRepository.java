package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgedItem;

/** The {@link PurgeRepository} on JPA: one row per purge and item. */
@ApplicationScoped
@Transactional
public class JpaPurgeRepository implements PurgeRepository {
  private static final int IN_LIMIT = 1000;

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void record(List<PurgedItem> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    // New records are inserted in one batch; only those a restarted purge recorded before are
    // merged.
    List<String> ids = outcomes.stream().map(PurgedItem::getId).toList();
    java.util.Set<String> existing = new java.util.HashSet<>();
    for (int i = 0; i < ids.size(); i += IN_LIMIT) {
      existing.addAll(
          em.createQuery("SELECT p.id FROM PurgedItem p WHERE p.id IN :ids", String.class)
              .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IN_LIMIT)))
              .getResultList());
    }
    for (PurgedItem outcome : outcomes) {
      if (existing.contains(outcome.getId())) {
        em.merge(outcome);
      } else {
        em.persist(outcome);
      }
    }
    em.flush();
    em.clear();
  }

  @Override
  public List<PurgedItem> listOfOperation(String operationId, String afterId, int limit) {
    var query =
        em.createQuery(
                "SELECT p FROM PurgedItem p WHERE p.operationId = :o"
                    + (afterId == null ? "" : " AND p.id > :a")
                    + " ORDER BY p.id",
                PurgedItem.class)
            .setParameter("o", operationId)
            .setMaxResults(limit);
    if (afterId != null) {
      query.setParameter("a", afterId);
    }
    return query.getResultList();
  }

  @Override
  public Optional<PurgedItem> find(String operationId, String itemId) {
    // Read from the database, refreshing what the cache holds (a row gone since is not found).
    return em
        .createQuery("SELECT p FROM PurgedItem p WHERE p.id = :id", PurgedItem.class)
        .setParameter("id", PurgedItem.idFor(operationId, itemId))
        .setHint("eclipselink.refresh", "true")
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public long count(String operationId, boolean purged) {
    return em.createQuery(
            "SELECT COUNT(p) FROM PurgedItem p WHERE p.operationId = :o AND p.outcome = :k",
            Long.class)
        .setParameter("o", operationId)
        .setParameter("k", purged ? PurgedItem.PURGED : PurgedItem.SKIPPED)
        .getSingleResult();
  }

  @Override
  public List<String> recordedIds(String operationId, Collection<String> itemIds) {
    List<String> all = new ArrayList<>(itemIds);
    List<String> found = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_LIMIT) {
      found.addAll(
          em.createQuery(
                  "SELECT p.itemId FROM PurgedItem p WHERE p.operationId = :o AND p.itemId IN :ids",
                  String.class)
              .setParameter("o", operationId)
              .setParameter("ids", all.subList(i, Math.min(all.size(), i + IN_LIMIT)))
              .getResultList());
    }
    return found;
  }

  @Override
  public void markRestored(String operationId, String itemId, Instant when) {
    em.createQuery(
            "UPDATE PurgedItem p SET p.restoredDateTime = :w WHERE p.id = :id AND p.restoredDateTime"
                + " IS NULL")
        .setParameter("w", when)
        .setParameter("id", PurgedItem.idFor(operationId, itemId))
        .executeUpdate();
  }
}
