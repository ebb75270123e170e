package org.caseops.api.errors;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any other failure: logged with its stack trace and request id on the server, answered with a
 * generic 500 Graph error that carries no internals. One kind is the client's to handle, not the
 * server's: a change that lost a race with another change of the same resource (an optimistic lock
 * failure, however the transaction wrapped it) is a 409 {@code conflict} the client may retry after
 * reading the resource again. Another is no fault of the request: the database cannot be reached
 * (no connection could be had, or the one in use broke), so it is a 503 {@code serviceNotAvailable}
 * with {@code Retry-After}, logged as a warning without its trace, as {@code /health/ready} says
 * not ready meanwhile. So is a database that is there but gave up on the statement for a while (a
 * lock or statement timeout, a deadlock): 503 with {@code Retry-After}, logged as a warning.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String requestId = ErrorResponses.requestId(request);
    if (lostARace(exception)) {
      LOG.log(Level.INFO, "request-id " + requestId + ": concurrent change refused", exception);
      return ErrorResponses.builder(
              request,
              409,
              new GraphError(
                  ErrorCode.conflict,
                  "The resource was changed by another request at the same time; read it again and retry."))
          .build();
    }
    if (databaseUnreachable(exception)) {
      return notAvailable(
          requestId,
          exception,
          "the database cannot be reached",
          "The server cannot reach its database at the moment; retry later.");
    }
    if (databaseBusy(exception)) {
      return notAvailable(
          requestId,
          exception,
          "the database did not answer in time",
          "The database is busy at the moment (a lock or a statement timed out); retry later.");
    }
    LOG.log(Level.SEVERE, "request-id " + requestId + ": unexpected failure", exception);
    GraphError error =
        new GraphError(
            ErrorCode.generalException,
            "An unexpected error occurred on the server. Quote request-id "
                + requestId
                + " when reporting it.");
    return ErrorResponses.builder(request, 500, error).build();
  }

  /** The seconds a client is asked to wait when the database cannot be reached. */
  static final int DATABASE_RETRY_AFTER_SECONDS = 10;

  /**
   * A 503 {@code serviceNotAvailable} with {@code Retry-After} for a database fault that is no
   * fault of the request, logged as a warning without its trace.
   */
  private Response notAvailable(
      String requestId, Throwable exception, String logged, String message) {
    LOG.log(
        Level.WARNING,
        "request-id {0}: {1}: {2}",
        new Object[] {requestId, logged, exception.toString()});
    return ErrorResponses.builder(
            request, 503, new GraphError(ErrorCode.serviceNotAvailable, message))
        .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
        .build();
  }

  /**
   * Whether the failure comes from a database that cannot be reached: one of its causes (or the
   * next exceptions of an {@code SQLException}) is a JDBC connection failure (SQL state class
   * {@code 08}, {@code SQLTransientConnectionException}, {@code
   * SQLNonTransientConnectionException}), or the connection pool's failure to give a connection (a
   * Jakarta Connectors {@code ResourceException}, such as Payara's {@code PoolingException} cause
   * or WildFly's {@code IJ000453}, or Payara's {@code Error in allocating a connection}).
   */
  static boolean databaseUnreachable(Throwable exception) {
    return anyCause(
        exception,
        t -> {
          if (t instanceof SQLTransientConnectionException
              || t instanceof SQLNonTransientConnectionException) {
            return true;
          }
          if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if ((state != null && state.startsWith("08"))
                || String.valueOf(sql.getMessage())
                    .startsWith("Error in allocating a connection")) {
              return true;
            }
          }
          for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("jakarta.resource.ResourceException")) {
              return true;
            }
          }
          return false;
        });
  }

  /**
   * SQL states of a statement the database gave up on for a while, not for what it asked: a lock
   * not granted in time (PostgreSQL's {@code lock_timeout}, 55P03; H2's lock timeout, HYT00), a
   * statement cancelled ({@code statement_timeout}, 57014), a deadlock or serialization failure
   * (40P01, 40001).
   */
  private static final Set<String> BUSY_STATES =
      Set.of("55P03", "57014", "HYT00", "40P01", "40001");

  /**
   * Whether the failure comes from a database that is reachable but gave up on the statement for a
   * while (a lock or a statement timed out, a deadlock): one of its causes (or the next exceptions
   * of an {@code SQLException}) is an {@code SQLTimeoutException} or has one of {@link
   * #BUSY_STATES}. Worth a retry, so a 503 with {@code Retry-After}, not a server fault.
   */
  static boolean databaseBusy(Throwable exception) {
    return anyCause(
        exception,
        t ->
            t instanceof SQLTimeoutException
                || (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && BUSY_STATES.contains(sql.getSQLState())));
  }

  /**
   * Whether the failure or one of its causes (and the next exceptions of an {@code SQLException})
   * is one the test accepts; each looked at once, at most 50.
   */
  private static boolean anyCause(Throwable exception, Predicate<Throwable> test) {
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    todo.add(exception);
    while (!todo.isEmpty() && seen.size() < 50) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (test.test(t)) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return false;
  }

  /** Whether the failure, or one of its causes, is an optimistic lock failure. */
  static boolean lostARace(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
