package org.caseops.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the errors the JAX-RS runtime raises itself (404 unknown path, 405, 406, 415, ...) the
 * Graph error body. A 405 keeps its {@code Allow} header.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (status < 400) {
      return original;
    }
    if (status >= 500) {
      LOG.log(Level.SEVERE, "request-id " + ErrorResponses.requestId(request), exception);
    }
    GraphError error =
        GraphError.forHttpStatus(status, request.getMethod(), request.getRequestURI());
    Response.ResponseBuilder builder = ErrorResponses.builder(request, status, error);
    if (status == 405 && !original.getAllowedMethods().isEmpty()) {
      builder.allow(original.getAllowedMethods());
    }
    return builder.build();
  }
}
