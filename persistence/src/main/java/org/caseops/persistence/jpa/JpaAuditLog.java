package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;
import org.caseops.domain.support.ListQuery;

/**
 * The audit log in JPA. An entry is written in a transaction of its own, so it is kept even when
 * the work of the request it describes was rolled back.
 */
@ApplicationScoped
@Transactional
public class JpaAuditLog implements AuditLog {
  private static final ListQueries<AuditEntry> QUERIES =
      new ListQueries<>(
          AuditEntry.class,
          Map.of(
              "id", "id",
              "dateTime", "at",
              "method", "method",
              "path", "path",
              "status", "status",
              "requestId", "requestId",
              "caseId", "caseId"),
          List.of(new ListQuery.OrderKey("dateTime", true)));

  @Inject @CaseopsUnit EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> list(ListQuery query) {
    return QUERIES.list(em, query, null);
  }

  @Override
  public long count(ListQuery.Condition filter) {
    return QUERIES.count(em, filter, null);
  }
}
