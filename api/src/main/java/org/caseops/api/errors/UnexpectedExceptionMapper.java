package org.caseops.api.errors;

import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any other failure: logged with its stack trace and request id on the server, answered with a
 * generic 500 Graph error that carries no internals. One kind is the client's to handle, not the
 * server's: a change that lost a race with another change of the same resource (an optimistic lock
 * failure, however the transaction wrapped it) is a 409 {@code conflict} the client may retry after
 * reading the resource again.
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
    LOG.log(Level.SEVERE, "request-id " + requestId + ": unexpected failure", exception);
    GraphError error =
        new GraphError(
            ErrorCode.generalException,
            "An unexpected error occurred on the server. Quote request-id "
                + requestId
                + " when reporting it.");
    return ErrorResponses.builder(request, 500, error).build();
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
