package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.PriorHoldStatuses;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.support.ListQuery;

@ApplicationScoped
@Transactional
public class JpaCustodianRepository implements CustodianRepository {
  private static final ListQueries<Custodian> QUERIES =
      new ListQueries<>(
          Custodian.class,
          Map.of(
              "id", "id",
              "email", "email",
              "displayName", "displayName",
              "status", "status",
              "createdDateTime", "createdDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  private static final ListQueries<CustodianSource> SOURCES =
      new ListQueries<>(
          CustodianSource.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "email", "email",
              "siteWebUrl", "siteWebUrl",
              "holdStatus", "holdStatus",
              "createdDateTime", "createdDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  /** How many ids one update of {@link #restoreHoldStatus} names at most. */
  private static final int RESTORE_CHUNK = 1000;

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void add(Custodian custodian) {
    em.persist(custodian);
  }

  @Override
  public Optional<Custodian> find(String caseId, String custodianId) {
    Custodian c = em.find(Custodian.class, custodianId);
    return c != null && c.getCaseId().equals(caseId) ? Optional.of(c) : Optional.empty();
  }

  @Override
  public List<Custodian> list(String caseId, ListQuery query) {
    return QUERIES.list(em, query, (cb, c) -> cb.equal(c.get("caseId"), caseId));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, c) -> cb.equal(c.get("caseId"), caseId));
  }

  @Override
  public boolean emailTaken(String caseId, String email) {
    return !em.createQuery(
            "SELECT c.id FROM Custodian c WHERE c.caseId = :c AND LOWER(c.email) = :e",
            String.class)
        .setParameter("c", caseId)
        .setParameter("e", email.toLowerCase(Locale.ROOT))
        .getResultList()
        .isEmpty();
  }

  @Override
  public void addSource(CustodianSource source) {
    em.persist(source);
  }

  @Override
  public Optional<CustodianSource> findSource(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    CustodianSource s = em.find(CustodianSource.class, sourceId);
    return s != null
            && s.getCaseId().equals(caseId)
            && custodianId.equals(s.getCustodianId())
            && s.getKind() == kind
        ? Optional.of(s)
        : Optional.empty();
  }

  @Override
  public List<CustodianSource> listSources(
      String caseId, String custodianId, SourceKind kind, ListQuery query) {
    return SOURCES.list(em, query, (cb, s) -> ofCustodian(cb, s, caseId, custodianId, kind));
  }

  @Override
  public long countSources(
      String caseId, String custodianId, SourceKind kind, ListQuery.Condition filter) {
    return SOURCES.count(em, filter, (cb, s) -> ofCustodian(cb, s, caseId, custodianId, kind));
  }

  private static Predicate ofCustodian(
      CriteriaBuilder cb,
      Root<CustodianSource> s,
      String caseId,
      String custodianId,
      SourceKind kind) {
    return cb.and(
        cb.equal(s.get("caseId"), caseId),
        cb.equal(s.get("custodianId"), custodianId),
        cb.equal(s.get("kind"), kind));
  }

  @Override
  public List<CustodianSource> listSourcesIn(
      String caseId, Collection<String> sourceIds, ListQuery query) {
    if (sourceIds.isEmpty()) {
      return List.of();
    }
    return SOURCES.list(
        em, query, (cb, s) -> cb.and(cb.equal(s.get("caseId"), caseId), s.get("id").in(sourceIds)));
  }

  @Override
  public long countSourcesIn(
      String caseId, Collection<String> sourceIds, ListQuery.Condition filter) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    return SOURCES.count(
        em,
        filter,
        (cb, s) -> cb.and(cb.equal(s.get("caseId"), caseId), s.get("id").in(sourceIds)));
  }

  @Override
  public List<CustodianSource> listSourcesOfCase(String caseId) {
    return em.createQuery(
            "SELECT s FROM CustodianSource s WHERE s.caseId = :c ORDER BY s.createdDateTime, s.id",
            CustodianSource.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  @Override
  public void markIndexed(Collection<String> sourceIds, String operationId) {
    if (sourceIds.isEmpty()) {
      return;
    }
    em.createQuery("UPDATE CustodianSource s SET s.lastIndexOperationId = :op WHERE s.id IN :ids")
        .setParameter("op", operationId)
        .setParameter("ids", sourceIds)
        .executeUpdate();
    List<String> custodianIds =
        em.createQuery(
                "SELECT DISTINCT s.custodianId FROM CustodianSource s WHERE s.id IN :ids",
                String.class)
            .setParameter("ids", sourceIds)
            .getResultList();
    if (!custodianIds.isEmpty()) {
      em.createQuery("UPDATE Custodian c SET c.lastIndexOperationId = :op WHERE c.id IN :ids")
          .setParameter("op", operationId)
          .setParameter("ids", custodianIds)
          .executeUpdate();
    }
    List<String> noncustodialIds =
        em.createQuery(
                "SELECT DISTINCT s.noncustodialId FROM CustodianSource s WHERE s.id IN :ids"
                    + " AND s.noncustodialId IS NOT NULL",
                String.class)
            .setParameter("ids", sourceIds)
            .getResultList();
    if (!noncustodialIds.isEmpty()) {
      em.createQuery(
              "UPDATE NoncustodialDataSource n SET n.lastIndexOperationId = :op WHERE n.id IN :ids")
          .setParameter("op", operationId)
          .setParameter("ids", noncustodialIds)
          .executeUpdate();
    }
  }

  @Override
  public void setHoldStatus(
      String caseId, Collection<String> custodianIds, DataSourceHoldStatus status) {
    if (custodianIds.isEmpty()) {
      return;
    }
    em.createQuery(
            "UPDATE CustodianSource s SET s.holdStatus = :h WHERE s.caseId = :c"
                + " AND (s.custodianId IN :ids OR s.noncustodialId IN :ids)")
        .setParameter("h", status)
        .setParameter("c", caseId)
        .setParameter("ids", custodianIds)
        .executeUpdate();
    em.createQuery(
            "UPDATE NoncustodialDataSource n SET n.holdStatus = :h, n.version = n.version + 1"
                + " WHERE n.caseId = :c AND n.id IN :ids")
        .setParameter("h", status)
        .setParameter("c", caseId)
        .setParameter("ids", custodianIds)
        .executeUpdate();
    em.createQuery(
            "UPDATE Custodian c SET c.holdStatus = :h, c.version = c.version + 1"
                + " WHERE c.caseId = :c AND c.id IN :ids")
        .setParameter("h", status)
        .setParameter("c", caseId)
        .setParameter("ids", custodianIds)
        .executeUpdate();
  }

  @Override
  public PriorHoldStatuses changeHoldStatus(
      String caseId, Collection<String> custodianIds, DataSourceHoldStatus status) {
    if (custodianIds.isEmpty()) {
      return PriorHoldStatuses.none();
    }
    Map<String, DataSourceHoldStatus> containers = new HashMap<>();
    Map<String, DataSourceHoldStatus> sources = new HashMap<>();
    read(
        containers,
        "SELECT c.id, c.holdStatus FROM Custodian c WHERE c.caseId = :c AND c.id IN :ids",
        caseId,
        custodianIds);
    read(
        containers,
        "SELECT n.id, n.holdStatus FROM NoncustodialDataSource n"
            + " WHERE n.caseId = :c AND n.id IN :ids",
        caseId,
        custodianIds);
    read(
        sources,
        "SELECT s.id, s.holdStatus FROM CustodianSource s WHERE s.caseId = :c"
            + " AND (s.custodianId IN :ids OR s.noncustodialId IN :ids)",
        caseId,
        custodianIds);
    setHoldStatus(caseId, custodianIds, status);
    return new PriorHoldStatuses(containers, sources);
  }

  private void read(
      Map<String, DataSourceHoldStatus> into, String query, String caseId, Collection<String> ids) {
    for (Object[] row :
        em.createQuery(query, Object[].class)
            .setParameter("c", caseId)
            .setParameter("ids", ids)
            .getResultList()) {
      into.put((String) row[0], (DataSourceHoldStatus) row[1]);
    }
  }

  @Override
  public void restoreHoldStatus(
      String caseId, PriorHoldStatuses prior, DataSourceHoldStatus expected) {
    for (DataSourceHoldStatus status : DataSourceHoldStatus.values()) {
      if (status == expected) {
        continue;
      }
      List<String> containers = idsWith(prior.containers(), status);
      for (int i = 0; i < containers.size(); i += RESTORE_CHUNK) {
        List<String> ids = containers.subList(i, Math.min(containers.size(), i + RESTORE_CHUNK));
        restore("Custodian", ", e.version = e.version + 1", caseId, ids, status, expected);
        restore(
            "NoncustodialDataSource", ", e.version = e.version + 1", caseId, ids, status, expected);
      }
      List<String> sources = idsWith(prior.sources(), status);
      for (int i = 0; i < sources.size(); i += RESTORE_CHUNK) {
        List<String> ids = sources.subList(i, Math.min(sources.size(), i + RESTORE_CHUNK));
        restore("CustodianSource", "", caseId, ids, status, expected);
      }
    }
  }

  private static List<String> idsWith(
      Map<String, DataSourceHoldStatus> statuses, DataSourceHoldStatus status) {
    return statuses.entrySet().stream()
        .filter(e -> e.getValue() == status)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private void restore(
      String entity,
      String alsoSet,
      String caseId,
      List<String> ids,
      DataSourceHoldStatus status,
      DataSourceHoldStatus expected) {
    em.createQuery(
            "UPDATE "
                + entity
                + " e SET e.holdStatus = :h"
                + alsoSet
                + " WHERE e.caseId = :c AND e.id IN :ids AND e.holdStatus = :expected")
        .setParameter("h", status)
        .setParameter("c", caseId)
        .setParameter("ids", ids)
        .setParameter("expected", expected)
        .executeUpdate();
  }

  @Override
  public Set<String> releasedCustodianIds(String caseId) {
    Set<String> ids =
        new HashSet<>(
            em.createQuery(
                    "SELECT c.id FROM Custodian c WHERE c.caseId = :c AND c.status = :s",
                    String.class)
                .setParameter("c", caseId)
                .setParameter("s", DataSourceContainerStatus.released)
                .getResultList());
    ids.addAll(
        em.createQuery(
                "SELECT n.id FROM NoncustodialDataSource n WHERE n.caseId = :c AND n.status = :s",
                String.class)
            .setParameter("c", caseId)
            .setParameter("s", DataSourceContainerStatus.released)
            .getResultList());
    return ids;
  }

  @Override
  public void setStatus(
      String caseId, String custodianId, DataSourceContainerStatus status, Instant at) {
    // A null parameter would be bound without its type, which PostgreSQL refuses for a timestamp:
    // an active custodian's releasedDateTime is cleared with a literal NULL.
    boolean released = status == DataSourceContainerStatus.released;
    Query update =
        em.createQuery(
                "UPDATE Custodian c SET c.status = :s, c.releasedDateTime = "
                    + (released ? ":at" : "NULL")
                    + ", c.lastModifiedDateTime = :at, c.version = c.version + 1"
                    + " WHERE c.caseId = :c AND c.id = :id")
            .setParameter("s", status)
            .setParameter("at", at)
            .setParameter("c", caseId)
            .setParameter("id", custodianId);
    update.executeUpdate();
  }
}
