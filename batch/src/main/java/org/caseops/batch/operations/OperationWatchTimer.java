package org.caseops.batch.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationJobs;

/**
 * Runs the {@link OperationWatch} every minute in the server, with a grace period of one minute.
 * The web application schedules it on the server's managed scheduler when it starts, in its own
 * context: an EJB timer would run it, and every job it restarts, in the context of an EJB with
 * container-managed transactions, where Payara refuses a step's lookup of {@code
 * java:comp/UserTransaction}.
 */
@ApplicationScoped
public class OperationWatchTimer {
  /** How often the watch runs. */
  public static final Duration PERIOD = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(OperationWatchTimer.class.getName());
  static final Duration GRACE = Duration.ofMinutes(1);

  @Inject CaseOperationRepository operations;
  @Inject OperationJobs jobs;

  /** When each execution that says it runs but runs nowhere was first seen so. */
  private final Map<Long, Instant> orphanSince = new ConcurrentHashMap<>();

  /** One check of every open operation; never throws. */
  public void watch() {
    try {
      new OperationWatch(
              operations,
              jobs,
              GRACE,
              LiveExecutions::isLive,
              orphanSince,
              new OperationRecovery(operations, jobs, Clock.systemUTC()))
          .check(Instant.now());
    } catch (RuntimeException e) {
      // The next minute tries again.
      LOG.log(Level.WARNING, "the operation watch could not run", e);
    }
  }
}
