package org.caseops.batch.operations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job executions whose job runs in this JVM at this moment: {@link OperationJobListener} adds
 * an execution as its job starts and takes it out as the job ends. The batch runtime's job
 * repository cannot tell this: an execution whose end the repository could not record (its database
 * was away at that moment) stays {@code STARTED} there with nothing running it.
 */
public final class LiveExecutions {
  private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

  private LiveExecutions() {}

  static void started(long executionId) {
    LIVE.add(executionId);
  }

  static void ended(long executionId) {
    LIVE.remove(executionId);
  }

  /** How many jobs run in this JVM now. */
  public static int count() {
    return LIVE.size();
  }

  /** Whether the job of this execution runs in this JVM now. */
  public static boolean isLive(long executionId) {
    return LIVE.contains(executionId);
  }
}
