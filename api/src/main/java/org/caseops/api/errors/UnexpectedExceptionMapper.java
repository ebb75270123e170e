package org.caseops.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any other failure: logged with its stack trace and request id on the server, answered with a generic 500 Graph
 * error that carries no internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String requestId = ErrorResponses.requestId(request);
    LOG.log(Level.SEVERE, "request-id " + requestId + ": unexpected failure", exception);
    GraphError error =
        new GraphError(
            ErrorCode.generalException,
            "An unexpected error occurred on the server. Quote request-id " + requestId + " when reporting it.");
    return ErrorResponses.builder(request, 500, error).build();
  }
}
