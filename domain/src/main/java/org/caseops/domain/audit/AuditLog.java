package org.caseops.domain.audit;

import java.util.List;

/** The audit log. Entries are only ever added, never changed or removed. */
public interface AuditLog {
  /** Stores an entry in a transaction of its own, committed when this returns, whatever becomes of the caller's. */
  void record(AuditEntry entry);

  /** A page of entries, newest first. */
  List<AuditEntry> list(int offset, int limit);

  /** How many entries the log holds. */
  long count();
}
