package org.caseops.batch.operations;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperationWatchTimer {
  private static final Logger LOG = Logger.getLogger(OperationWatchTimer.class.getName());
  static final Duration GRACE = Duration.ofMinutes(1);

  @Inject CaseOperationRepository operations;
  @Inject OperationJobs jobs;

  /** When each execution that says it runs but runs nowhere was first seen so. */
  private final Map<Long, Instant> orphanSince = new ConcurrentHashMap<>();

  @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
  void watch() {
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
