package org.caseops.batch.operations;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationJobs;

/**
 * Runs {@link OperationRecovery} once when the application starts, after the schema is migrated.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OperationRecoveryStartup {
  private static final Logger LOG = Logger.getLogger(OperationRecoveryStartup.class.getName());

  @Inject CaseOperationRepository operations;
  @Inject OperationJobs jobs;

  @PostConstruct
  void recover() {
    Instant startedAt = Instant.now();
    try {
      List<OperationRecovery.Outcome> outcomes =
          new OperationRecovery(operations, jobs, Clock.systemUTC()).recover(startedAt);
      if (!outcomes.isEmpty()) {
        LOG.info(
            () -> "resumed operations left unfinished by the previous server run: " + outcomes);
      }
    } catch (RuntimeException e) {
      // Recovery must never keep the application from starting; the operations stay as they were.
      LOG.log(
          Level.SEVERE,
          "could not resume the operations left unfinished by the previous server run",
          e);
    }
  }
}
