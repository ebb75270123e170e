package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.support.ListQuery;

/** The {@link LegalHoldRepository} on JPA: a row per hold and one per source it names. */
@ApplicationScoped
@Transactional
public class JpaLegalHoldRepository implements LegalHoldRepository {
  private static final ListQueries<LegalHold> QUERIES =
      new ListQueries<>(
          LegalHold.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "isEnabled", "enabled",
              "status", "status",
              "createdDateTime", "createdDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void add(LegalHold hold) {
    em.persist(hold);
  }

  @Override
  public Optional<LegalHold> find(String caseId, String id) {
    return findAny(caseId, id).filter(h -> !h.isDeleted());
  }

  @Override
  public Optional<LegalHold> findAny(String caseId, String id) {
    // Read from the database, not the shared cache: the holdPolicySync job of a deleted hold
    // removes
    // its row in another transaction, and a cached hold refreshed after that fails (a 500 where the
    // answer is 404). A query that refreshes what it reads finds the row or nothing.
    return em
        .createQuery("SELECT h FROM LegalHold h WHERE h.id = :id", LegalHold.class)
        .setParameter("id", id)
        .setHint("eclipselink.refresh", "true")
        .getResultList()
        .stream()
        .filter(h -> h.getCaseId().equals(caseId))
        .findFirst();
  }

  @Override
  public LegalHold update(LegalHold hold) {
    LegalHold merged = em.merge(hold);
    em.flush();
    return merged;
  }

  @Override
  public List<LegalHold> list(String caseId, ListQuery query) {
    return QUERIES.list(
        em,
        query,
        (cb, h) -> cb.and(cb.equal(h.get("caseId"), caseId), cb.isFalse(h.get("deleted"))));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(
        em,
        filter,
        (cb, h) -> cb.and(cb.equal(h.get("caseId"), caseId), cb.isFalse(h.get("deleted"))));
  }

  @Override
  public List<LegalHold> inForce(String caseId) {
    return em.createQuery(
            "SELECT h FROM LegalHold h WHERE h.caseId = :c AND h.enabled = TRUE"
                + " AND h.deleted = FALSE ORDER BY h.createdDateTime, h.id",
            LegalHold.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public void concluded(String caseId, String id, PolicyStatus status, List<String> errors) {
    em.createQuery(
            "UPDATE LegalHold h SET h.status = :s, h.errors = :e, h.version = h.version + 1"
                + " WHERE h.caseId = :c AND h.id = :id")
        .setParameter("s", status)
        .setParameter("e", String.join("\n", errors))
        .setParameter("c", caseId)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public boolean syncNotStarted(String caseId, String id, String operationId, String error) {
    return em.createQuery(
                "UPDATE LegalHold h SET h.status = :s, h.errors = :e, h.version = h.version + 1"
                    + " WHERE h.caseId = :c AND h.id = :id AND h.status = :pending"
                    + " AND h.lastSyncOperationId = :op")
            .setParameter("s", PolicyStatus.error)
            .setParameter("e", error)
            .setParameter("c", caseId)
            .setParameter("id", id)
            .setParameter("pending", PolicyStatus.pending)
            .setParameter("op", operationId)
            .executeUpdate()
        > 0;
  }

  @Override
  public void purgeDeleted(String caseId, String id) {
    LegalHold h = em.find(LegalHold.class, id);
    if (h != null && h.getCaseId().equals(caseId) && h.isDeleted()) {
      em.remove(h);
    }
  }
}
