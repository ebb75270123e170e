package org.caseops.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.RequestRefusedException;
import org.caseops.domain.support.ResourceNotFoundException;
import org.caseops.domain.support.UnsupportedRequestException;

/**
 * Writes a refusal of the rules as its Graph error: 404 itemNotFound, 409 conflict, 400
 * invalidRequest or notSupported.
 */
@Provider
public class RequestRefusedExceptionMapper implements ExceptionMapper<RequestRefusedException> {
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(RequestRefusedException exception) {
    ApiException api = toApiException(exception);
    return ErrorResponses.builder(request, api.status(), api.toGraphError()).build();
  }

  /** The HTTP status and Graph error code of a refusal. */
  public static ApiException toApiException(RequestRefusedException exception) {
    String message = exception.getMessage();
    if (exception instanceof ResourceNotFoundException) {
      return ApiException.notFound(message);
    }
    if (exception instanceof ConflictException) {
      return ApiException.conflict(message);
    }
    if (exception instanceof UnsupportedRequestException) {
      return ApiException.notSupported(message);
    }
    if (exception instanceof InvalidRequestException) {
      return ApiException.invalidRequest(message);
    }
    return ApiException.badRequest(message);
  }
}
