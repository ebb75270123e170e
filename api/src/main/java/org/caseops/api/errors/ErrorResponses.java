package org.caseops.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.caseops.api.requests.RequestIds;

/**
 * Builds the HTTP response that carries a Graph error for the current request. Used by the
 * exception mappers, and by request filters that answer before a resource runs.
 */
public final class ErrorResponses {
  private ErrorResponses() {}

  public static Response.ResponseBuilder builder(
      HttpServletRequest request, int status, GraphError error) {
    RequestIds.Pair ids = RequestIds.of(request);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(error.toJson(ids.requestId(), ids.clientRequestId(), Instant.now()).toString());
  }

  static String requestId(HttpServletRequest request) {
    return RequestIds.of(request).requestId();
  }
}
