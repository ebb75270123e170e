package org.caseops.batch.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * How many jobs the server takes at once: the jobs that run ({@link LiveExecutions}, whoever
 * started them: a submission, start-up recovery, a retry or the operation watch) and those admitted
 * for a submission whose job has not begun yet, together at most {@code caseops.jobs.max}. A
 * submission asks for room before its operation is stored ({@link #admit}); the room passes to the
 * running job when its listener sees it begin ({@link #begun}), and is given back when the job is
 * not started or ends without having begun (stopped first): {@link #begun} too. Room held for a job
 * whose listener never ran is given back after {@link #UNBEGUN_LIMIT}.
 *
 * <p>The batch runtime starts each job on a thread of the server's managed executor, which has a
 * bounded number of threads and no queue (Payara Micro: 200): beyond them it refuses the job after
 * its operation is stored. Refusing here first, before anything is stored, keeps the executor's
 * threads for the jobs and their helper tasks.
 */
public final class JobAdmission {
  /** How long room is held for an admitted job that has not begun. */
  static final Duration UNBEGUN_LIMIT = Duration.ofMinutes(5);

  private static final JobAdmission SERVER =
      new JobAdmission(Clock.systemUTC(), LiveExecutions::count);

  private final Clock clock;
  private final IntSupplier running;
  private final Map<String, Instant> admitted = new HashMap<>();

  JobAdmission(Clock clock, IntSupplier running) {
    this.clock = clock;
    this.running = running;
  }

  /** The server's. */
  public static JobAdmission server() {
    return SERVER;
  }

  /**
   * Takes room for the job of the operation when the jobs that run and those admitted are fewer
   * than {@code max}.
   *
   * @return whether room was taken
   */
  public synchronized boolean admit(String operationId, int max) {
    Instant now = clock.instant();
    admitted.values().removeIf(at -> !now.isBefore(at.plus(UNBEGUN_LIMIT)));
    if (admitted.size() + running.getAsInt() >= max) {
      return false;
    }
    admitted.put(operationId, now);
    return true;
  }

  /**
   * The operation's job has begun (it counts among the running jobs from now on), or will not be
   * started: the room admitted for it is no longer held.
   */
  public synchronized void begun(String operationId) {
    admitted.remove(operationId);
  }

  /** How many jobs are admitted and have not begun. */
  synchronized int waiting() {
    return admitted.size();
  }
}
