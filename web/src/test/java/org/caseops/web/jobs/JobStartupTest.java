package org.caseops.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletRegistration;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.batch.operations.OperationWatchTimer;
import org.junit.jupiter.api.Test;

/** When the operations a previous server run left unfinished are resumed. */
class JobStartupTest {
  private final List<String> scheduled = new ArrayList<>();
  private final List<Servlet> servlets = new ArrayList<>();
  private final List<Integer> loadOnStartup = new ArrayList<>();

  @Test
  void noOperationIsResumedBeforeEveryServletOfTheApplicationHasStarted() throws Exception {
    JobStartup startup = startup();

    startup.contextInitialized(new ServletContextEvent(servletContext()));

    // Only the watch is scheduled while the application starts; a job started now would load its
    // classes while Payara closes the application's JARs at the end of its start.
    assertThat(scheduled).containsExactly("every 60 s");
    assertThat(servlets).hasSize(1);
    assertThat(loadOnStartup).containsExactly(Integer.MAX_VALUE);

    servlets.get(0).init(servletConfig());

    assertThat(scheduled)
        .containsExactly("every 60 s", "once in " + JobStartup.RECOVERY_GRACE_SECONDS + " s");
  }

  private JobStartup startup() {
    JobStartup startup = new JobStartup();
    startup.contexts =
        proxy(
            ContextService.class,
            (method, args) -> method.equals("createContextualProxy") ? args[0] : null);
    startup.jobs = new JobOperatorJobs(null);
    startup.watch = new OperationWatchTimer();
    startup.scheduler =
        proxy(
            ManagedScheduledExecutorService.class,
            (method, args) -> {
              switch (method) {
                case "scheduleAtFixedRate" ->
                    scheduled.add("every " + ((TimeUnit) args[3]).toSeconds((long) args[2]) + " s");
                case "schedule" ->
                    scheduled.add(
                        "once in " + ((TimeUnit) args[2]).toSeconds((long) args[1]) + " s");
                default -> throw new AssertionError("unexpected " + method);
              }
              return proxy(ScheduledFuture.class, (m, a) -> null);
            });
    return startup;
  }

  private ServletContext servletContext() {
    return proxy(
        ServletContext.class,
        (method, args) -> {
          if (method.equals("addServlet") && args[1] instanceof Servlet servlet) {
            servlets.add(servlet);
            return proxy(
                ServletRegistration.Dynamic.class,
                (m, a) -> {
                  if (m.equals("setLoadOnStartup")) {
                    loadOnStartup.add((Integer) a[0]);
                  }
                  return null;
                });
          }
          throw new AssertionError("unexpected " + method);
        });
  }

  private ServletConfig servletConfig() {
    ServletContext context = servletContext();
    return proxy(
        ServletConfig.class,
        (method, args) ->
            switch (method) {
              case "getServletContext" -> context;
              case "getServletName" -> JobStartup.STARTED_SERVLET;
              case "getInitParameterNames" -> Collections.emptyEnumeration();
              default -> null;
            });
  }

  /** Answers a call by its method's name and arguments. */
  private interface Answer {
    Object answer(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            JobStartupTest.class.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) ->
                switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(p);
                  case "equals" -> p == args[0];
                  case "toString" -> type.getSimpleName();
                  default -> answer.answer(method.getName(), args);
                }));
  }
}
