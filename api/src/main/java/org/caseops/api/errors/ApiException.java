package org.caseops.api.errors;

/**
 * A failure that the client should see as a Graph error with this status, code and message. The
 * message is written to the client as is, so it must name the problem in the client's terms and
 * never carry internals.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final ErrorCode code;

  public ApiException(int status, ErrorCode code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, ErrorCode.badRequest, message);
  }

  public static ApiException invalidRequest(String message) {
    return new ApiException(400, ErrorCode.invalidRequest, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, ErrorCode.itemNotFound, message);
  }

  public static ApiException notSupported(String message) {
    return new ApiException(400, ErrorCode.notSupported, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, ErrorCode.conflict, message);
  }

  public static ApiException serverError(String message) {
    return new ApiException(500, ErrorCode.generalException, message);
  }

  public int status() {
    return status;
  }

  public ErrorCode code() {
    return code;
  }

  public GraphError toGraphError() {
    return new GraphError(code, getMessage());
  }
}
