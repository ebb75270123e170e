package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.support.ListQuery;

/** Searches in JPA. */
@ApplicationScoped
@Transactional
public class JpaSearchRepository implements SearchRepository {
  private static final ListQueries<EdiscoverySearch> QUERIES =
      new ListQueries<>(
          EdiscoverySearch.class,
          Map.of(
              "id", "id",
              "displayName", "displayName",
              "createdDateTime", "createdDateTime",
              "lastModifiedDateTime", "lastModifiedDateTime"),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void add(EdiscoverySearch search) {
    em.persist(search);
  }

  @Override
  public Optional<EdiscoverySearch> find(String caseId, String searchId) {
    EdiscoverySearch s = em.find(EdiscoverySearch.class, searchId);
    return s != null && s.getCaseId().equals(caseId) ? Optional.of(s) : Optional.empty();
  }

  @Override
  public List<EdiscoverySearch> list(String caseId, ListQuery query) {
    return QUERIES.list(em, query, (cb, s) -> cb.equal(s.get("caseId"), caseId));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, s) -> cb.equal(s.get("caseId"), caseId));
  }

  @Override
  public EdiscoverySearch update(EdiscoverySearch search) {
    EdiscoverySearch merged = em.merge(search);
    em.flush();
    return merged;
  }

  @Override
  public void delete(String caseId, String searchId) {
    find(caseId, searchId).ifPresent(em::remove);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void markEstimated(String searchId, String operationId) {
    em.createQuery("UPDATE EdiscoverySearch s SET s.lastEstimateOperationId = :op WHERE s.id = :id")
        .setParameter("op", operationId)
        .setParameter("id", searchId)
        .executeUpdate();
  }
}
