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
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;

/**
 * Records the status changes asked of the operations, in order, so tests can check an operation's
 * path; and lets a test make the next ends of operations fail, as a database that refuses the write
 * would.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class OperationJournal implements CaseOperationRepository {
  public static final String REFUSED = "induced: the database refused the write";
  private static final List<String> ENTRIES = new ArrayList<>();
  private static final AtomicInteger REFUSALS = new AtomicInteger();

  @Inject @Delegate @Any CaseOperationRepository delegate;

  /**
   * The entries about one operation: {@code running}, {@code reopened} and the terminal statuses.
   */
  public static synchronized List<String> of(String operationId) {
    List<String> entries = new ArrayList<>();
    for (String entry : ENTRIES) {
      if (entry.startsWith(operationId + " ")) {
        entries.add(entry.substring(operationId.length() + 1));
      }
    }
    return entries;
  }

  /** Makes the next {@code count} calls of {@code complete} throw. */
  public static void refuseNextCompletes(int count) {
    REFUSALS.set(count);
  }

  public static void reset() {
    REFUSALS.set(0);
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
  public boolean complete(
      String operationId, CaseOperationStatus status, ResultInfo resultInfo, Instant completedAt) {
    if (REFUSALS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      add(operationId, status.name() + " refused");
      throw new IllegalStateException(REFUSED);
    }
    boolean ended = delegate.complete(operationId, status, resultInfo, completedAt);
    add(operationId, ended ? status.name() : status.name() + " (not open)");
    return ended;
  }

  @Override
  public boolean completeExecution(
      String operationId,
      long executionId,
      CaseOperationStatus status,
      ResultInfo resultInfo,
      Instant completedAt) {
    boolean ended =
        delegate.completeExecution(operationId, executionId, status, resultInfo, completedAt);
    add(operationId, ended ? status.name() + " by the watch" : "not ended by the watch");
    return ended;
  }
}
