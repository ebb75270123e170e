package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;

/**
 * The audit log in JPA. An entry is written in a transaction of its own, so it is kept even when the work of the
 * request it describes was rolled back.
 */
@ApplicationScoped
@Transactional
public class JpaAuditLog implements AuditLog {
  @Inject EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(AuditEntry entry) {
    em.persist(entry);
  }

  @Override
  public List<AuditEntry> list(int offset, int limit) {
    if (limit == 0) {
      return List.of();
    }
    return em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.at DESC, e.id DESC", AuditEntry.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long count() {
    return em.createQuery("SELECT COUNT(e) FROM AuditEntry e", Long.class).getSingleResult();
  }
}
