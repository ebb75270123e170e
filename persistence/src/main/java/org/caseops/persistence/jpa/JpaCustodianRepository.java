package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;

@ApplicationScoped
@Transactional
public class JpaCustodianRepository implements CustodianRepository {
  @Inject EntityManager em;

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
  public List<Custodian> list(String caseId, int offset, int limit) {
    return em.createQuery(
            "SELECT c FROM Custodian c WHERE c.caseId = :c ORDER BY c.createdDateTime, c.id", Custodian.class)
        .setParameter("c", caseId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count(String caseId) {
    return em.createQuery("SELECT COUNT(c) FROM Custodian c WHERE c.caseId = :c", Long.class)
        .setParameter("c", caseId)
        .getSingleResult();
  }

  @Override
  public boolean emailTaken(String caseId, String email) {
    return !em.createQuery(
            "SELECT c.id FROM Custodian c WHERE c.caseId = :c AND LOWER(c.email) = :e", String.class)
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
            && s.getCustodianId().equals(custodianId)
            && s.getKind() == kind
        ? Optional.of(s)
        : Optional.empty();
  }

  @Override
  public List<CustodianSource> listSources(String caseId, String custodianId, SourceKind kind) {
    return em.createQuery(
            "SELECT s FROM CustodianSource s WHERE s.caseId = :c AND s.custodianId = :u AND s.kind = :k"
                + " ORDER BY s.createdDateTime, s.id",
            CustodianSource.class)
        .setParameter("c", caseId)
        .setParameter("u", custodianId)
        .setParameter("k", kind)
        .getResultList();
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
        em.createQuery("SELECT DISTINCT s.custodianId FROM CustodianSource s WHERE s.id IN :ids", String.class)
            .setParameter("ids", sourceIds)
            .getResultList();
    em.createQuery("UPDATE Custodian c SET c.lastIndexOperationId = :op WHERE c.id IN :ids")
        .setParameter("op", operationId)
        .setParameter("ids", custodianIds)
        .executeUpdate();
  }
}
