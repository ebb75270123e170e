package org.caseops.web.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.batch.operations.OperationRecovery;
import org.caseops.batch.operations.OperationWatchTimer;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.persistence.migration.SchemaMigrator;

/**
 * When the web application starts: takes its context for every job start and restart ({@link
 * JobOperatorJobs#launchWith}), then resumes the operations the previous server run left unfinished
 * ({@link OperationRecovery}), once the schema is migrated; and runs the operation watch every
 * minute ({@link OperationWatchTimer}).
 *
 * <p>Both happen here, in a listener of the web application, rather than in a start-up EJB: the
 * batch runtime runs a job's steps with the context of the thread that started it, and Payara
 * refuses a step's lookup of {@code java:comp/UserTransaction} in the context of an EJB with
 * container-managed transactions. A listener runs in the web application's own context on every
 * runtime.
 */
@WebListener
public class JobStartup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(JobStartup.class.getName());

  @Resource(lookup = "java:comp/DefaultContextService")
  ContextService contexts;

  @Inject JobOperatorJobs jobs;
  @Inject CaseOperationRepository operations;
  @Inject SchemaMigrator schema;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject OperationWatchTimer watch;

  private volatile ScheduledFuture<?> watching;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    jobs.launchWith(contexts);
    // The watch runs in this application's context, as the jobs it may restart must.
    long period = OperationWatchTimer.PERIOD.toSeconds();
    watching = scheduler.scheduleAtFixedRate(watch::watch, period, period, TimeUnit.SECONDS);
    Instant startedAt = Instant.now();
    try {
      schema.isCurrent();
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

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    ScheduledFuture<?> w = watching;
    if (w != null) {
      w.cancel(false);
    }
  }
}
