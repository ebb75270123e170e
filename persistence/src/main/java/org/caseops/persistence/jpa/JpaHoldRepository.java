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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemState;

/** The {@link HoldRepository} on JPA: one row per item version and hold. */
@ApplicationScoped
@Transactional
public class JpaHoldRepository implements HoldRepository {
  private static final int IN_LIMIT = 1000;

  @Inject @CaseopsUnit EntityManager em;

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
  public List<PreservedItem> listOfHold(String caseId, HoldRef hold) {
    return em.createQuery(
            "SELECT p FROM PreservedItem p WHERE p.caseId = :c AND p.holdKind = :k"
                + " AND p.holdId = :h",
            PreservedItem.class)
        .setParameter("c", caseId)
        .setParameter("k", hold.kind())
        .setParameter("h", hold.id())
        .getResultList();
  }

  @Override
  public long countOfHold(String caseId, HoldRef hold) {
    return em.createQuery(
            "SELECT COUNT(p) FROM PreservedItem p WHERE p.caseId = :c AND p.holdKind = :k"
                + " AND p.holdId = :h",
            Long.class)
        .setParameter("c", caseId)
        .setParameter("k", hold.kind())
        .setParameter("h", hold.id())
        .getSingleResult();
  }

  @Override
  public Set<String> heldItemIds(String caseId, Collection<String> itemIds) {
    Set<String> held = new HashSet<>();
    for (List<String> ids : slices(new LinkedHashSet<>(itemIds))) {
      // A preserved version: its hold is in force, or its removal has not ended.
      held.addAll(
          em.createQuery(
                  "SELECT DISTINCT p.itemId FROM PreservedItem p WHERE p.caseId = :c"
                      + " AND p.itemId IN :ids",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .getResultList());
      // An item the catalog keeps from its preserved copy only (gone or changed at its source, or
      // an earlier version): nothing of it is at its source to remove.
      held.addAll(
          em.createQuery(
                  "SELECT i.id FROM Item i WHERE i.caseId = :c AND i.id IN :ids AND i.state = :kept",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .setParameter("kept", ItemState.preservedOnly)
              .getResultList());
      // A source under a custodian's or non-custodial data source's hold in any status but
      // notApplied, or whose custodian is: stricter than a hold in force on purpose, since a purge
      // that wrongly skips an item can run again and one that wrongly removes it cannot be undone.
      List<Object[]> sources =
          em.createQuery(
                  "SELECT i.id, s.holdStatus FROM Item i, CustodianSource s WHERE i.caseId = :c"
                      + " AND i.id IN :ids AND s.id = i.sourceId",
                  Object[].class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .getResultList();
      List<Object[]> custodians =
          em.createQuery(
                  "SELECT i.id, k.holdStatus FROM Item i, CustodianSource s, Custodian k"
                      + " WHERE i.caseId = :c AND i.id IN :ids AND s.id = i.sourceId"
                      + " AND k.id = s.custodianId",
                  Object[].class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .getResultList();
      for (List<Object[]> rows : List.of(sources, custodians)) {
        for (Object[] row : rows) {
          if (HoldStatuses.protectsFromDisposal((DataSourceHoldStatus) row[1])) {
            held.add((String) row[0]);
          }
        }
      }
      // A source named by a legal hold in force that covers it whole, or whose sync has not
      // ended (what its query matches is not known yet).
      held.addAll(
          em.createQuery(
                  "SELECT i.id FROM Item i, LegalHold h JOIN h.sourceIds hs WHERE i.caseId = :c"
                      + " AND i.id IN :ids AND hs = i.sourceId AND h.caseId = :c"
                      + " AND h.enabled = TRUE AND h.deleted = FALSE"
                      + " AND (h.contentQuery IS NULL OR h.status = :pending)",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("ids", ids)
              .setParameter("pending", PolicyStatus.pending)
              .getResultList());
    }
    return held;
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
  public Set<String> removeOfHolds(String caseId, Collection<HoldRef> holds) {
    Set<String> shas = new HashSet<>();
    for (HoldRef hold : holds) {
      shas.addAll(
          em.createQuery(
                  "SELECT DISTINCT p.sha256 FROM PreservedItem p WHERE p.caseId = :c"
                      + " AND p.holdKind = :k AND p.holdId = :h",
                  String.class)
              .setParameter("c", caseId)
              .setParameter("k", hold.kind())
              .setParameter("h", hold.id())
              .getResultList());
      em.createQuery(
              "DELETE FROM PreservedItem p WHERE p.caseId = :c AND p.holdKind = :k"
                  + " AND p.holdId = :h")
          .setParameter("c", caseId)
          .setParameter("k", hold.kind())
          .setParameter("h", hold.id())
          .executeUpdate();
    }
    return shas;
  }

  @Override
  public Set<String> retainOfHold(
      String caseId, HoldRef hold, Collection<String> sourceIds, Set<String> itemIds) {
    Set<String> sources = new HashSet<>(sourceIds);
    Set<String> shas = new HashSet<>();
    List<String> dropped = new ArrayList<>();
    for (PreservedItem p : listOfHold(caseId, hold)) {
      if (!sources.contains(p.getSourceId())
          || (itemIds != null && !itemIds.contains(p.getItemId()))) {
        dropped.add(p.getId());
        shas.add(p.getSha256());
      }
    }
    for (List<String> ids : slices(dropped)) {
      em.createQuery("DELETE FROM PreservedItem p WHERE p.id IN :ids")
          .setParameter("ids", ids)
          .executeUpdate();
    }
    em.clear();
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
    // Items the catalog keeps from their preserved copies only: deleted at their source, or the
    // earlier version of an item that changed there.
    List<Object[]> rows =
        em.createQuery(
                "SELECT i.sourceId, COUNT(i) FROM Item i WHERE i.caseId = :c AND i.state = :kept"
                    + " GROUP BY i.sourceId",
                Object[].class)
            .setParameter("c", caseId)
            .setParameter("kept", ItemState.preservedOnly)
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
      " FROM Item i WHERE i.sourceId IN :s AND i.versionSha256 = ''"
          + " AND NOT EXISTS (SELECT p.id FROM PreservedItem p"
          + " WHERE p.itemId = i.id AND p.sha256 = i.sha256 AND p.holdKind = :k"
          + " AND p.holdId = :h)";

  @Override
  public List<Item> unpreserved(HoldRef hold, Collection<String> sourceIds, int limit) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT i" + UNPRESERVED + " ORDER BY i.id", Item.class)
        .setParameter("s", sourceIds)
        .setParameter("k", hold.kind())
        .setParameter("h", hold.id())
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countUnpreserved(HoldRef hold, Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    return em.createQuery("SELECT COUNT(i)" + UNPRESERVED, Long.class)
        .setParameter("s", sourceIds)
        .setParameter("k", hold.kind())
        .setParameter("h", hold.id())
        .getSingleResult();
  }

  @Override
  public Set<String> unpreservedAmong(HoldRef hold, Collection<String> itemIds) {
    Set<String> missing = new HashSet<>();
    for (List<String> ids : slices(new LinkedHashSet<>(itemIds))) {
      missing.addAll(
          em.createQuery(
                  "SELECT i.id FROM Item i WHERE i.id IN :ids AND NOT EXISTS (SELECT p.id"
                      + " FROM PreservedItem p WHERE p.itemId = i.id AND p.sha256 = i.sha256"
                      + " AND p.holdKind = :k AND p.holdId = :h)",
                  String.class)
              .setParameter("ids", ids)
              .setParameter("k", hold.kind())
              .setParameter("h", hold.id())
              .getResultList());
    }
    return missing;
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
