package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.items.Item;

/** The {@link HoldRepository} on JPA: one row per item version and hold. */
@ApplicationScoped
@Transactional
public class JpaHoldRepository implements HoldRepository {
  private static final int IN_LIMIT = 1000;

  @Inject EntityManager em;

  @Override
  public void preserve(List<PreservedItem> preserved) {
    if (preserved.isEmpty()) {
      return;
    }
    Map<String, PreservedItem> byId = new LinkedHashMap<>();
    for (PreservedItem p : preserved) {
      byId.putIfAbsent(p.getId(), p);
    }
    Set<String> existing = new HashSet<>();
    for (List<String> ids : slices(byId.keySet())) {
      existing.addAll(
          em.createQuery("SELECT p.id FROM PreservedItem p WHERE p.id IN :ids", String.class)
              .setParameter("ids", ids)
              .getResultList());
    }
    for (PreservedItem p : byId.values()) {
      if (!existing.contains(p.getId())) {
        em.persist(p);
      }
    }
    em.flush();
    em.clear();
  }

  @Override
  public List<PreservedItem> listOfCustodian(String caseId, String custodianId) {
    return em.createQuery(
            "SELECT p FROM PreservedItem p WHERE p.caseId = :c AND p.custodianId = :k",
            PreservedItem.class)
        .setParameter("c", caseId)
        .setParameter("k", custodianId)
        .getResultList();
  }

  @Override
  public long countOfCustodian(String caseId, String custodianId) {
    return em.createQuery(
            "SELECT COUNT(p) FROM PreservedItem p WHERE p.caseId = :c AND p.custodianId = :k",
            Long.class)
        .setParameter("c", caseId)
        .setParameter("k", custodianId)
        .getSingleResult();
  }

  @Override
  public Set<String> preservedIds(String caseId, Map<String, String> itemVersions) {
    Set<String> found = new HashSet<>();
    for (List<String> ids : slices(itemVersions.keySet())) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT p.itemId, p.sha256 FROM PreservedItem p WHERE p.caseId = :c"
                      + " AND p.itemId IN :ids",
                  Object[].class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .getResultList();
      for (Object[] row : rows) {
        if (row[1].equals(itemVersions.get((String) row[0]))) {
          found.add((String) row[0]);
        }
      }
    }
    return found;
  }

  @Override
  public Set<String> removeOfCustodians(String caseId, Collection<String> custodianIds) {
    if (custodianIds.isEmpty()) {
      return Set.of();
    }
    Set<String> shas =
        new HashSet<>(
            em.createQuery(
                    "SELECT DISTINCT p.sha256 FROM PreservedItem p WHERE p.caseId = :c"
                        + " AND p.custodianId IN :k",
                    String.class)
                .setParameter("c", caseId)
                .setParameter("k", custodianIds)
                .getResultList());
    em.createQuery("DELETE FROM PreservedItem p WHERE p.caseId = :c AND p.custodianId IN :k")
        .setParameter("c", caseId)
        .setParameter("k", custodianIds)
        .executeUpdate();
    return shas;
  }

  @Override
  public Set<String> unneeded(String caseId, Collection<String> sha256s) {
    Set<String> unneeded = new HashSet<>(sha256s);
    for (List<String> shas : slices(sha256s)) {
      unneeded.removeAll(
          em.createQuery(
                  "SELECT DISTINCT p.sha256 FROM PreservedItem p WHERE p.caseId = :c"
                      + " AND p.sha256 IN :s",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("s", shas)
              .getResultList());
      unneeded.removeAll(
          em.createQuery(
                  "SELECT DISTINCT f.sha256 FROM ReviewSetItem f WHERE f.caseId = :c"
                      + " AND f.sha256 IN :s",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("s", shas)
              .getResultList());
    }
    return unneeded;
  }

  @Override
  public Map<String, Long> preservedOnlyBySource(String caseId) {
    // A preserved version the catalog no longer has: the item changed at its source since, or its
    // catalog entry is gone.
    List<Object[]> rows =
        em.createQuery(
                "SELECT p.sourceId, COUNT(DISTINCT p.itemId) FROM PreservedItem p"
                    + " WHERE p.caseId = :c AND NOT EXISTS (SELECT i.id FROM Item i"
                    + " WHERE i.id = p.itemId AND i.sha256 = p.sha256)"
                    + " GROUP BY p.sourceId",
                Object[].class)
            .setParameter("c", caseId)
            .getResultList();
    return toMap(rows);
  }

  @Override
  public Map<String, Long> preservedBySource(String caseId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT p.sourceId, COUNT(DISTINCT p.itemId) FROM PreservedItem p"
                    + " WHERE p.caseId = :c GROUP BY p.sourceId",
                Object[].class)
            .setParameter("c", caseId)
            .getResultList();
    return toMap(rows);
  }

  private static final String UNPRESERVED =
      " FROM Item i WHERE i.sourceId IN :s AND NOT EXISTS (SELECT p.id FROM PreservedItem p"
          + " WHERE p.itemId = i.id AND p.sha256 = i.sha256 AND p.custodianId = :k)";

  @Override
  public List<Item> unpreserved(String custodianId, Collection<String> sourceIds, int limit) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT i" + UNPRESERVED + " ORDER BY i.id", Item.class)
        .setParameter("s", sourceIds)
        .setParameter("k", custodianId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countUnpreserved(String custodianId, Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    return em.createQuery("SELECT COUNT(i)" + UNPRESERVED, Long.class)
        .setParameter("s", sourceIds)
        .setParameter("k", custodianId)
        .getSingleResult();
  }

  @Override
  public Set<String> heldItemIds(String caseId, Collection<String> itemIds) {
    Set<String> held = new HashSet<>();
    for (List<String> ids : slices(itemIds)) {
      // Any hold record of the item, whatever its version or hold.
      held.addAll(
          em.createQuery(
                  "SELECT DISTINCT p.itemId FROM PreservedItem p WHERE p.caseId = :c"
                      + " AND p.itemId IN :ids",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .getResultList());
      // The custodian of the item's source in a status that protects it from disposal.
      List<Object[]> rows =
          em.createQuery(
                  "SELECT i.id, k.holdStatus FROM Item i, CustodianSource s, Custodian k"
                      + " WHERE i.id IN :ids AND i.caseId = :c AND s.id = i.sourceId"
                      + " AND k.id = s.custodianId",
                  Object[].class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .getResultList();
      for (Object[] row : rows) {
        if (HoldStatuses.protectsFromDisposal((DataSourceHoldStatus) row[1])) {
          held.add((String) row[0]);
        }
      }
    }
    return held;
  }

  @Override
  public void moveRecords(String caseId, String fromItemId, String toItemId) {
    List<PreservedItem> records =
        em.createQuery(
                "SELECT p FROM PreservedItem p WHERE p.caseId = :c AND p.itemId = :i",
                PreservedItem.class)
            .setParameter("c", caseId)
            .setParameter("i", fromItemId)
            .getResultList();
    for (PreservedItem record : records) {
      em.remove(record);
      em.flush();
      em.persist(record.movedTo(toItemId));
    }
    em.flush();
  }

  @Override
  public void deleteOfCase(String caseId) {
    em.createQuery("DELETE FROM PreservedItem p WHERE p.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
  }

  private static Map<String, Long> toMap(List<Object[]> rows) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  private static List<List<String>> slices(Collection<String> values) {
    List<String> all = new ArrayList<>(values);
    List<List<String>> slices = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_LIMIT) {
      slices.add(all.subList(i, Math.min(all.size(), i + IN_LIMIT)));
    }
    return slices;
  }
}
