package org.caseops.api.testing;

import java.util.List;
import java.util.Map;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;
import org.caseops.domain.support.ListQuery;

/** An {@link AuditLog} on a list, with the properties and the newest-first order of the JPA one. */
public class InMemoryAuditLog implements AuditLog {
  private static final InMemoryListQueries<AuditEntry> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", AuditEntry::getId,
              "dateTime", AuditEntry::getAt,
              "method", AuditEntry::getMethod,
              "path", AuditEntry::getPath,
              "status", AuditEntry::getStatus,
              "requestId", AuditEntry::getRequestId,
              "caseId", AuditEntry::getCaseId),
          List.of(new ListQuery.OrderKey("dateTime", true)));

  private final List<AuditEntry> entries;

  public InMemoryAuditLog(List<AuditEntry> entries) {
    this.entries = entries;
  }

  @Override
  public void record(AuditEntry entry) {
    entries.add(entry);
  }

  @Override
  public List<AuditEntry> list(ListQuery query) {
    return QUERIES.list(entries, query);
  }

  @Override
  public long count(ListQuery.Condition filter) {
    return QUERIES.count(entries, filter);
  }
}
