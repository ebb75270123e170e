package org.caseops.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.operations.OperationStartException;

/**
 * Writes an operation whose job could not be started as a 500 {@code generalException} that names
 * the operation.
 */
@Provider
public class OperationStartExceptionMapper implements ExceptionMapper<OperationStartException> {
  private static final Logger LOG = Logger.getLogger(OperationStartExceptionMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(OperationStartException exception) {
    LOG.log(
        Level.WARNING,
        "request-id {0}: {1}",
        new Object[] {ErrorResponses.requestId(request), exception.getMessage()});
    ApiException api = ApiException.serverError(exception.getMessage());
    return ErrorResponses.builder(request, api.status(), api.toGraphError()).build();
  }
}
