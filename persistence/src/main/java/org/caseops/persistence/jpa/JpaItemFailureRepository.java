package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.support.ListQuery;

/** The items operations could not process, in JPA; written in the chunk's transaction. */
@ApplicationScoped
@Transactional
public class JpaItemFailureRepository implements ItemFailureRepository {
  private static final ListQueries<ItemFailure> QUERIES =
      new ListQueries<>(
          ItemFailure.class,
          Map.of(
              "step", "step",
              "item", "item",
              "reason", "reason",
              "recordedDateTime", "recordedDateTime"),
          List.of(new ListQuery.OrderKey("recordedDateTime", false)));

  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void record(List<ItemFailure> failures) {
    if (failures.isEmpty()) {
      return;
    }
    for (ItemFailure f : failures) {
      em.merge(f);
    }
    em.flush();
  }

  @Override
  public List<ItemFailure> list(String operationId, ListQuery query) {
    return QUERIES.list(em, query, (cb, root) -> cb.equal(root.get("operationId"), operationId));
  }

  @Override
  public long count(String operationId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, root) -> cb.equal(root.get("operationId"), operationId));
  }
}
