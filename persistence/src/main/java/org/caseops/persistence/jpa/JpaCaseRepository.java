package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.support.ListQuery;

@ApplicationScoped
@Transactional
public class JpaCaseRepository implements CaseRepository {
  private static final ListQueries<EdiscoveryCase> QUERIES =
      new ListQueries<>(
          EdiscoveryCase.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "status", "status",
              "externalId", "externalId",
              "createdDateTime", "createdDateTime",
              "lastModifiedDateTime", "lastModifiedDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Inject EntityManager em;

  @Override
  public void add(EdiscoveryCase ediscoveryCase) {
    em.persist(ediscoveryCase);
  }

  @Override
  public Optional<EdiscoveryCase> find(String caseId) {
    return Optional.ofNullable(em.find(EdiscoveryCase.class, caseId));
  }

  @Override
  public boolean exists(String caseId) {
    return !em.createQuery("SELECT c.id FROM EdiscoveryCase c WHERE c.id = :id", String.class)
        .setParameter("id", caseId)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<EdiscoveryCase> list(ListQuery query) {
    return QUERIES.list(em, query, null);
  }

  @Override
  public long count(ListQuery.Condition filter) {
    return QUERIES.count(em, filter, null);
  }

  @Override
  public EdiscoveryCase update(EdiscoveryCase ediscoveryCase) {
    EdiscoveryCase merged = em.merge(ediscoveryCase);
    em.flush();
    return merged;
  }

  @Override
  public void delete(String caseId) {
    // Children first, so the delete does not depend on the database's cascade support.
    em.createQuery("DELETE FROM Item i WHERE i.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    em.createQuery("DELETE FROM BatesRange b WHERE b.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    em.createQuery("DELETE FROM ExportFile f WHERE f.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    em.createQuery("DELETE FROM CaseOperation o WHERE o.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    for (LegalHold hold :
        em.createQuery("SELECT h FROM LegalHold h WHERE h.caseId = :c", LegalHold.class)
            .setParameter("c", caseId)
            .getResultList()) {
      em.remove(hold);
    }
    em.flush();
    em.createQuery("DELETE FROM CustodianSource s WHERE s.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    em.createQuery("DELETE FROM NoncustodialDataSource n WHERE n.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    em.createQuery("DELETE FROM Custodian c WHERE c.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
    em.createQuery("DELETE FROM EdiscoveryCase c WHERE c.id = :c")
        .setParameter("c", caseId)
        .executeUpdate();
  }
}
