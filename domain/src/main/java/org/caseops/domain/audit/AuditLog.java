package org.caseops.domain.audit;

import java.util.List;
import org.caseops.domain.support.ListQuery;

/** The audit log. Entries are only ever added, never changed or removed. */
public interface AuditLog {
  /**
   * Stores an entry in a transaction of its own, committed when this returns, whatever becomes of
   * the caller's.
   */
  void record(AuditEntry entry);

  /** A page of entries, newest first. */
  default List<AuditEntry> list(int offset, int limit) {
    return list(ListQuery.page(offset, limit));
  }

  /** How many entries the log holds. */
  default long count() {
    return count(null);
  }

  /**
   * The entries that meet the query's filter, in its order (newest first without one). Properties:
   * {@code id}, {@code dateTime} (when the request was recorded), {@code method}, {@code path},
   * {@code status} (a {@link Long}), {@code requestId}, {@code caseId}.
   */
  List<AuditEntry> list(ListQuery query);

  /** How many entries meet the filter; all of them for {@code null}. */
  long count(ListQuery.Condition filter);
}
