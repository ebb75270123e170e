package org.caseops.web.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * JobOperatorJobs#launchWith}), runs the operation watch every minute ({@link
 * OperationWatchTimer}), and, once the application has started, resumes the operations the previous
 * server run left unfinished ({@link OperationRecovery}), once the schema is migrated.
 *
 * <p>Both happen here, in a listener of the web application, rather than in a start-up EJB: the
 * batch runtime runs a job's steps with the context of the thread that started it, and Payara
 * refuses a step's lookup of {@code java:comp/UserTransaction} in the context of an EJB with
 * container-managed transactions. A listener runs in the web application's own context on every
 * runtime.
 *
 * <p>The resumed jobs start only after the application's start: from a servlet loaded last at
 * start-up ({@link ApplicationStarted}), {@value #RECOVERY_GRACE_SECONDS} seconds later, on the
 * server's scheduler. Payara closes every JAR of the application's class loader at the very end of
 * its start, while other threads may be reading them: a job started from this listener that loaded
 * a class at that moment failed with "zip file closed" (the crash suite found it, an addToReviewSet
 * job resumed after a kill, on a loaded machine).
 */
@WebListener
public class JobStartup implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(JobStartup.class.getName());

  /** Seconds between the last servlet's start-up and the resumption of the operations. */
  static final long RECOVERY_GRACE_SECONDS = 5;

  /** The name of the servlet whose start-up means the application's servlets have all started. */
  static final String STARTED_SERVLET = "caseops-application-started";

  @Resource(lookup = "java:comp/DefaultContextService")
  ContextService contexts;

  @Inject JobOperatorJobs jobs;
  @Inject CaseOperationRepository operations;
  @Inject SchemaMigrator schema;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject OperationWatchTimer watch;

  private volatile ScheduledFuture<?> watching;
  private volatile ScheduledFuture<?> recovering;
  private volatile Instant startedAt;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    jobs.launchWith(contexts);
    // The watch runs in this application's context, as the jobs it may restart must.
    long period = OperationWatchTimer.PERIOD.toSeconds();
    watching = scheduler.scheduleAtFixedRate(watch::watch, period, period, TimeUnit.SECONDS);
    startedAt = Instant.now();
    ServletRegistration.Dynamic started =
        event
            .getServletContext()
            .addServlet(STARTED_SERVLET, new ApplicationStarted(this::started));
    // Loaded after every other servlet; it serves no path.
    started.setLoadOnStartup(Integer.MAX_VALUE);
  }

  /** The application's servlets have all started: the operations are resumed a little later. */
  void started() {
    recovering = scheduler.schedule(this::recover, RECOVERY_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  private void recover() {
    try {
      schema.isCurrent();
      List<OperationRecovery.Outcome> outcomes =
          new OperationRecovery(operations, jobs, Clock.systemUTC()).recover(startedAt);
      if (!outcomes.isEmpty()) {
        LOG.info(
            () -> "resumed operations left unfinished by the previous server run: " + outcomes);
      }
    } catch (RuntimeException e) {
      // The operations stay as they were; the watch resumes them.
      LOG.log(
          Level.SEVERE,
          "could not resume the operations left unfinished by the previous server run",
          e);
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {watching, recovering}) {
      if (task != null) {
        task.cancel(false);
      }
    }
  }

  /**
   * A servlet that serves no path: loaded last at start-up, it tells the listener that the
   * application's servlets have all started.
   */
  static final class ApplicationStarted extends GenericServlet {
    private static final long serialVersionUID = 1L;

    private final transient Runnable onStart;

    ApplicationStarted(Runnable onStart) {
      this.onStart = onStart;
    }

    @Override
    public void init() {
      onStart.run();
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws IOException {
      ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
