package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;

/** Records the status changes asked of the operations, in order, so tests can check an operation's path. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class OperationJournal implements CaseOperationRepository {
  private static final List<String> ENTRIES = new ArrayList<>();

  @Inject @Delegate @Any CaseOperationRepository delegate;

  /** The entries about one operation: {@code running}, {@code reopened} and the terminal statuses. */
  public static synchronized List<String> of(String operationId) {
    List<String> entries = new ArrayList<>();
    for (String entry : ENTRIES) {
      if (entry.startsWith(operationId + " ")) {
        entries.add(entry.substring(operationId.length() + 1));
      }
    }
    return entries;
  }

  private static synchronized void add(String operationId, String what) {
    ENTRIES.add(operationId + " " + what);
  }

  @Override
  public void markRunning(String operationId, long executionId) {
    delegate.markRunning(operationId, executionId);
    add(operationId, "running");
  }

  @Override
  public boolean reopen(String operationId, long executionId) {
    boolean reopened = delegate.reopen(operationId, executionId);
    add(operationId, reopened ? "reopened" : "not reopened");
    return reopened;
  }

  @Override
  public void complete(String operationId, CaseOperationStatus status, ResultInfo resultInfo, Instant completedAt) {
    delegate.complete(operationId, status, resultInfo, completedAt);
    add(operationId, status.name());
  }
}
