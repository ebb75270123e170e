package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemKey;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemState;
import org.caseops.domain.items.ItemTotals;
import org.caseops.domain.items.SourceItemStats;

/**
 * The item catalog in JPA. Writes come in chunks from the index job and go out as JDBC batches (the
 * unit enables EclipseLink batch writing), inside the chunk's transaction.
 */
@ApplicationScoped
@Transactional
public class JpaItemRepository implements ItemRepository {
  /** The most ids bound in one {@code IN} list. */
  private static final int IN_LIST = 1000;

  private static final String MOVING = "#moving";

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public Map<String, String> knownHashes(Collection<String> itemIds) {
    Map<String, String> known = new HashMap<>();
    if (itemIds.isEmpty()) {
      return known;
    }
    List<Object[]> rows =
        em.createQuery("SELECT i.id, i.sha256 FROM Item i WHERE i.id IN :ids", Object[].class)
            .setParameter("ids", itemIds)
            .getResultList();
    for (Object[] row : rows) {
      known.put((String) row[0], (String) row[1]);
    }
    return known;
  }

  @Override
  public void saveAll(List<Item> items) {
    if (items.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(items.size());
    for (Item item : items) {
      ids.add(item.getId());
    }
    // Loading the existing rows first lets merge() replace them without a select per item.
    List<Item> existing =
        em.createQuery("SELECT i FROM Item i WHERE i.id IN :ids", Item.class)
            .setParameter("ids", ids)
            .getResultList();
    Map<String, Item> byId = new HashMap<>();
    for (Item item : existing) {
      byId.put(item.getId(), item);
    }
    for (Item item : items) {
      if (byId.containsKey(item.getId())) {
        em.merge(item);
      } else {
        em.persist(item);
      }
    }
    em.flush();
    em.clear();
  }

  @Override
  public long countInSource(String sourceId) {
    return em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.sourceId = :s", Long.class)
        .setParameter("s", sourceId)
        .getSingleResult();
  }

  @Override
  public long countIndexedByOperation(String caseId, String operationId) {
    return em.createQuery(
            "SELECT COUNT(i) FROM Item i WHERE i.caseId = :c AND i.lastOperationId = :op AND i.indexed = TRUE",
            Long.class)
        .setParameter("c", caseId)
        .setParameter("op", operationId)
        .getSingleResult();
  }

  @Override
  public Map<String, Long> unindexedReasonsByOperation(String caseId, String operationId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT i.unindexedReason, COUNT(i) FROM Item i"
                    + " WHERE i.caseId = :c AND i.lastOperationId = :op AND i.indexed = FALSE"
                    + " GROUP BY i.unindexedReason",
                Object[].class)
            .setParameter("c", caseId)
            .setParameter("op", operationId)
            .getResultList();
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      String reason = row[0] == null ? "unknown reason" : (String) row[0];
      counts.merge(reason, ((Number) row[1]).longValue(), Long::sum);
    }
    return counts;
  }

  @Override
  public List<SourceItemStats> statsOfCase(String caseId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT i.sourceId, i.indexed, COUNT(i), SUM(i.size) FROM Item i WHERE i.caseId = :c"
                    + " GROUP BY i.sourceId, i.indexed",
                Object[].class)
            .setParameter("c", caseId)
            .getResultList();
    Map<String, long[]> bySource = new HashMap<>();
    for (Object[] row : rows) {
      long[] totals = bySource.computeIfAbsent((String) row[0], k -> new long[4]);
      int at = Boolean.TRUE.equals(row[1]) ? 0 : 2;
      totals[at] += ((Number) row[2]).longValue();
      totals[at + 1] += row[3] == null ? 0 : ((Number) row[3]).longValue();
    }
    List<SourceItemStats> stats = new ArrayList<>();
    bySource.forEach((id, t) -> stats.add(new SourceItemStats(id, t[0], t[1], t[2], t[3])));
    return stats;
  }

  @Override
  public List<Item> listInSource(String sourceId, int offset, int limit) {
    return em.createQuery(
            "SELECT i FROM Item i WHERE i.sourceId = :s ORDER BY i.location", Item.class)
        .setParameter("s", sourceId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countInSources(Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    long count = 0;
    for (Object[] source : withCases(sourceIds)) {
      count +=
          em.createQuery(
                  "SELECT COUNT(i) FROM Item i WHERE i.caseId = :c AND i.sourceId = :s", Long.class)
              .setParameter("c", source[0])
              .setParameter("s", source[1])
              .getSingleResult();
    }
    return count;
  }

  /**
   * The case and id of each of the sources that exists. Counts over sources go one source at a time
   * with its case, so that they read {@code ix_item_case (case_id, source_id, indexed)} by its
   * prefix: with a list of sources alone H2 reads every item (or the whole index), which costs
   * about a second per call in a case of 200,000 items.
   */
  private List<Object[]> withCases(Collection<String> sourceIds) {
    return em.createQuery(
            "SELECT s.caseId, s.id FROM CustodianSource s WHERE s.id IN :s", Object[].class)
        .setParameter("s", List.copyOf(sourceIds))
        .getResultList();
  }

  @Override
  public List<Item> atLocations(String sourceId, Collection<String> locations) {
    List<Item> found = new ArrayList<>();
    List<String> all = List.copyOf(locations);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      found.addAll(
          em.createQuery(
                  "SELECT i FROM Item i WHERE i.sourceId = :s AND i.location IN :l"
                      + " AND i.versionSha256 = ''",
                  Item.class)
              .setParameter("s", sourceId)
              .setParameter("l", all.subList(from, Math.min(all.size(), from + IN_LIST)))
              .getResultList());
    }
    return found;
  }

  @Override
  public void moveAll(Map<String, String> locations) {
    if (locations.isEmpty()) {
      return;
    }
    // Where the moving items are now (id to location), read without building entities.
    List<String> ids = List.copyOf(locations.keySet());
    Map<String, String> current = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      for (Object[] row :
          em.createQuery("SELECT i.id, i.location FROM Item i WHERE i.id IN :ids", Object[].class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST)))
              .getResultList()) {
        current.put((String) row[0], (String) row[1]);
      }
    }
    // Pending changes of the persistence context go first; the moves are plain JDBC updates on the
    // transaction's own connection, one per item, in an order where none meets the unique location
    // of an item that has yet to leave it (movesInOrder).
    em.flush();
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE item SET location = ? WHERE id = ?")) {
      int batched = 0;
      for (Map.Entry<String, String> move : movesInOrder(current, locations)) {
        update.setString(1, move.getValue());
        update.setString(2, move.getKey());
        update.addBatch();
        if (++batched % IN_LIST == 0) {
          update.executeBatch();
        }
      }
      if (batched % IN_LIST != 0) {
        update.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("The items cannot be moved: " + e.getMessage(), e);
    }
    // Entities read before in this transaction would name the old locations.
    em.clear();
  }

  /**
   * The updates that move items from their current locations to new ones, in an order where no item
   * takes a location before the moving item there has left it: a move whose target another moving
   * item holds waits for that item's move. A purge's moves (each towards the start of its mbox, in
   * the order of their old offsets) and a restore's (towards the end, in any order) are so written
   * once each, an update per item. Moves that wait on each other in a ring (possible only when the
   * catalog is put right after a rewrite that stopped half way) first leave for a location no item
   * has (their own, marked), then take their new ones, as every move was once written. Items no
   * longer in the catalog are left out; moves onto an item's own location are no moves.
   */
  static List<Map.Entry<String, String>> movesInOrder(
      Map<String, String> current, Map<String, String> locations) {
    Map<String, String> holder = new HashMap<>(); // location to the moving item still there
    for (String id : locations.keySet()) {
      String at = current.get(id);
      if (at != null) {
        holder.put(at, id);
      }
    }
    Map<String, String> waiting = new HashMap<>(); // location to the item waiting to take it
    ArrayDeque<String> ready = new ArrayDeque<>();
    for (Map.Entry<String, String> move : locations.entrySet()) {
      String id = move.getKey();
      String at = current.get(id);
      if (at == null || at.equals(move.getValue())) {
        continue;
      }
      String there = holder.get(move.getValue());
      if (there == null) {
        ready.add(id);
      } else if (waiting.putIfAbsent(move.getValue(), id) != null) {
        throw new IllegalArgumentException(
            "Two items cannot move to the same location " + move.getValue());
      }
    }
    List<Map.Entry<String, String>> order = new ArrayList<>(locations.size());
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(Map.entry(id, locations.get(id)));
      String left = current.get(id);
      holder.remove(left);
      String next = waiting.remove(left);
      if (next != null) {
        ready.add(next);
      }
    }
    if (!waiting.isEmpty()) {
      // A ring (or items waiting on one): each leaves first for its own location, marked, so that
      // what is left of the order can take the locations they held.
      List<Map.Entry<String, String>> marked = new ArrayList<>();
      List<Map.Entry<String, String>> taken = new ArrayList<>();
      for (String id : waiting.values()) {
        marked.add(Map.entry(id, current.get(id) + MOVING));
        taken.add(Map.entry(id, locations.get(id)));
      }
      List<Map.Entry<String, String>> all = new ArrayList<>(marked);
      all.addAll(order);
      all.addAll(taken);
      return all;
    }
    return order;
  }

  @Override
  public boolean keepAsVersion(String itemId) {
    Item item = em.find(Item.class, itemId);
    if (item == null) {
      return false;
    }
    long kept =
        em.createQuery(
                "SELECT COUNT(v) FROM Item v WHERE v.sourceId = :s AND v.location = :l"
                    + " AND v.versionSha256 = :sha",
                Long.class)
            .setParameter("s", item.getSourceId())
            .setParameter("l", item.getLocation())
            .setParameter("sha", item.getSha256())
            .getSingleResult();
    if (kept > 0) {
      return false;
    }
    em.createQuery("UPDATE Item i SET i.versionSha256 = i.sha256 WHERE i.id = :id")
        .setParameter("id", itemId)
        .executeUpdate();
    em.detach(item);
    return true;
  }

  @Override
  public List<String> preservedOnlyIndexedIdsInSources(Collection<String> sourceIds) {
    List<String> ids = new ArrayList<>();
    if (sourceIds.isEmpty()) {
      return ids;
    }
    for (Object[] source : withCases(sourceIds)) {
      ids.addAll(
          em.createQuery(
                  "SELECT i.id FROM Item i WHERE i.caseId = :c AND i.sourceId = :s"
                      + " AND i.state = :kept AND i.indexed = TRUE",
                  String.class)
              .setParameter("c", source[0])
              .setParameter("s", source[1])
              .setParameter("kept", ItemState.preservedOnly)
              .getResultList());
    }
    return ids;
  }

  @Override
  public ItemTotals unindexedInSources(Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return ItemTotals.NONE;
    }
    long count = 0;
    long size = 0;
    for (Object[] source : withCases(sourceIds)) {
      Object[] row =
          em.createQuery(
                  "SELECT COUNT(i), SUM(i.size) FROM Item i"
                      + " WHERE i.caseId = :c AND i.sourceId = :s AND i.indexed = FALSE",
                  Object[].class)
              .setParameter("c", source[0])
              .setParameter("s", source[1])
              .getSingleResult();
      count += row[0] == null ? 0 : ((Number) row[0]).longValue();
      size += row[1] == null ? 0 : ((Number) row[1]).longValue();
    }
    return new ItemTotals(count, size);
  }

  @Override
  public List<String> unindexedIdsInSources(Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (Object[] source : withCases(sourceIds)) {
      ids.addAll(
          em.createQuery(
                  "SELECT i.id FROM Item i WHERE i.caseId = :c AND i.sourceId = :s AND i.indexed = FALSE",
                  String.class)
              .setParameter("c", source[0])
              .setParameter("s", source[1])
              .getResultList());
    }
    return ids;
  }

  @Override
  public List<Item> findAll(Collection<String> itemIds) {
    List<Item> items = new ArrayList<>(itemIds.size());
    List<String> all = List.copyOf(itemIds);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      items.addAll(
          em.createQuery("SELECT i FROM Item i WHERE i.id IN :ids", Item.class)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + IN_LIST)))
              .getResultList());
    }
    // The items are read, not changed: keep the persistence context from growing over a long
    // reading.
    em.clear();
    return items;
  }

  @Override
  public List<Item> listInSourcesAfter(Collection<String> sourceIds, String afterId, int limit) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT i FROM Item i WHERE i.sourceId IN :s AND i.id > :after ORDER BY i.id",
            Item.class)
        .setParameter("s", sourceIds)
        .setParameter("after", afterId == null ? "" : afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<ItemKey> keysInSourcesAfter(
      String caseId, Collection<String> sourceIds, String afterId, int limit) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    List<ItemKey> keys = new ArrayList<>();
    // The case leads the ORDER BY although it is fixed: H2 reads the range of the index on (case,
    // id) in its order, and stops at the limit, only when the ORDER BY starts with the index's
    // first
    // column; by id alone it read every item of the case after the key and sorted them, each page.
    for (Object[] row :
        em.createQuery(
                "SELECT i.id, i.indexed FROM Item i WHERE i.caseId = :c AND i.id > :after"
                    + " AND i.sourceId IN :s ORDER BY i.caseId, i.id",
                Object[].class)
            .setParameter("c", caseId)
            .setParameter("after", afterId == null ? "" : afterId)
            .setParameter("s", sourceIds)
            .setMaxResults(limit)
            .getResultList()) {
      keys.add(new ItemKey((String) row[0], Boolean.TRUE.equals(row[1])));
    }
    return keys;
  }

  @Override
  public List<Item> listInFile(String sourceId, String path) {
    String escaped = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return em.createQuery(
            "SELECT i FROM Item i WHERE i.sourceId = :s AND (i.location = :p"
                + " OR i.location LIKE :m ESCAPE '\\')",
            Item.class)
        .setParameter("s", sourceId)
        .setParameter("p", path)
        .setParameter("m", escaped + "#%")
        .getResultList();
  }

  @Override
  public void markSeen(Collection<String> itemIds, String operationId) {
    List<String> all = List.copyOf(itemIds);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      em.createQuery(
              "UPDATE Item i SET i.seenOperationId = :op, i.state = :current WHERE i.id IN :ids")
          .setParameter("op", operationId)
          .setParameter("current", ItemState.current)
          .setParameter("ids", all.subList(from, Math.min(all.size(), from + IN_LIST)))
          .executeUpdate();
    }
  }

  @Override
  public int markPreservedOnlyUnseen(Collection<String> sourceIds, String operationId) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "UPDATE Item i SET i.state = :kept WHERE i.sourceId IN :s AND i.state = :current"
                + " AND (i.seenOperationId IS NULL OR i.seenOperationId <> :op)"
                + " AND EXISTS (SELECT p.id FROM PreservedItem p"
                + " WHERE p.itemId = i.id AND p.sha256 = i.sha256)")
        .setParameter("kept", ItemState.preservedOnly)
        .setParameter("current", ItemState.current)
        .setParameter("s", sourceIds)
        .setParameter("op", operationId)
        .executeUpdate();
  }

  @Override
  public List<String> unpreservedKeptIds(String caseId, Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT i.id FROM Item i WHERE i.caseId = :c AND i.sourceId IN :s"
                + " AND i.state = :kept AND NOT EXISTS (SELECT p.id FROM PreservedItem p"
                + " WHERE p.caseId = :c AND p.sourceId = i.sourceId AND p.sha256 = i.sha256)",
            String.class)
        .setParameter("c", caseId)
        .setParameter("s", sourceIds)
        .setParameter("kept", ItemState.preservedOnly)
        .getResultList();
  }

  @Override
  public void deleteAll(Collection<String> itemIds) {
    List<String> all = List.copyOf(itemIds);
    for (int from = 0; from < all.size(); from += IN_LIST) {
      em.createQuery("DELETE FROM Item i WHERE i.id IN :ids")
          .setParameter("ids", all.subList(from, Math.min(all.size(), from + IN_LIST)))
          .executeUpdate();
    }
  }

  @Override
  public void deleteOfCase(String caseId) {
    em.createQuery("DELETE FROM Item i WHERE i.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
  }
}
