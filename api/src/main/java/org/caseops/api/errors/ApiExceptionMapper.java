package org.caseops.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes an {@link ApiException} as the Graph error it describes. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ApiException exception) {
    if (exception.status() >= 500) {
      LOG.log(
          Level.WARNING,
          "request-id {0}: {1}",
          new Object[] {ErrorResponses.requestId(request), exception.getMessage()});
    }
    return ErrorResponses.builder(request, exception.status(), exception.toGraphError()).build();
  }
}
