package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.support.ListQuery;

/** The {@link NoncustodialSourceRepository} on JPA; the dataSource is a {@code data_source} row. */
@ApplicationScoped
@Transactional
public class JpaNoncustodialSourceRepository implements NoncustodialSourceRepository {
  private static final ListQueries<NoncustodialDataSource> QUERIES =
      new ListQueries<>(
          NoncustodialDataSource.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "status", "status",
              "holdStatus", "holdStatus",
              "createdDateTime", "createdDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Inject EntityManager em;

  @Override
  public void add(NoncustodialDataSource container, CustodianSource dataSource) {
    em.persist(container);
    em.flush();
    em.persist(dataSource);
  }

  @Override
  public Optional<NoncustodialDataSource> find(String caseId, String id) {
    NoncustodialDataSource n = em.find(NoncustodialDataSource.class, id);
    return n != null && n.getCaseId().equals(caseId) ? Optional.of(n) : Optional.empty();
  }

  @Override
  public Optional<CustodianSource> dataSourceOf(String caseId, String id) {
    return em.createQuery(
            "SELECT s FROM CustodianSource s WHERE s.caseId = :c AND s.noncustodialId = :n",
            CustodianSource.class)
        .setParameter("c", caseId)
        .setParameter("n", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<NoncustodialDataSource> list(String caseId, ListQuery query) {
    return QUERIES.list(em, query, (cb, n) -> cb.equal(n.get("caseId"), caseId));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, n) -> cb.equal(n.get("caseId"), caseId));
  }

  @Override
  public void setStatus(String caseId, String id, DataSourceContainerStatus status, Instant at) {
    // As for custodians: a null timestamp parameter would be untyped on PostgreSQL.
    boolean released = status == DataSourceContainerStatus.released;
    em.createQuery(
            "UPDATE NoncustodialDataSource n SET n.status = :s, n.releasedDateTime = "
                + (released ? ":at" : "NULL")
                + ", n.lastModifiedDateTime = :at, n.version = n.version + 1"
                + " WHERE n.caseId = :c AND n.id = :id")
        .setParameter("s", status)
        .setParameter("at", at)
        .setParameter("c", caseId)
        .setParameter("id", id)
        .executeUpdate();
  }
}
