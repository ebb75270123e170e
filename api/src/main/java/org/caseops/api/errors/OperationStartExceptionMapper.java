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
 * Writes a submission whose job could not be started: a 429 {@code tooManyRequests} with {@code
 * Retry-After} when the server took no more jobs (nothing was stored); a 503 {@code
 * serviceNotAvailable} with {@code Retry-After} when the batch runtime had no room for it; else a
 * 500 {@code generalException}.
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
    ApiException api = toApiException(exception);
    Response.ResponseBuilder response =
        ErrorResponses.builder(request, api.status(), api.toGraphError());
    retryAfter(exception).ifPresent(seconds -> response.header("Retry-After", seconds));
    return response.build();
  }

  /**
   * The Graph error a client gets: 429 when the server took no more jobs, 503 when the runtime had
   * no room for the job, else 500.
   */
  public static ApiException toApiException(OperationStartException exception) {
    return switch (exception.kind()) {
      case FULL -> new ApiException(429, ErrorCode.tooManyRequests, exception.getMessage());
      case BUSY -> new ApiException(503, ErrorCode.serviceNotAvailable, exception.getMessage());
      case FAILED -> ApiException.serverError(exception.getMessage());
    };
  }

  /** The seconds a client should wait before submitting again, when it may. */
  public static java.util.OptionalInt retryAfter(OperationStartException exception) {
    return switch (exception.kind()) {
      case FULL -> java.util.OptionalInt.of(OperationStartException.FULL_RETRY_AFTER_SECONDS);
      case BUSY -> java.util.OptionalInt.of(OperationStartException.RETRY_AFTER_SECONDS);
      case FAILED -> java.util.OptionalInt.empty();
    };
  }
}
