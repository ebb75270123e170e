package org.caseops.api.requests;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * The ids that Graph puts on every response: a fresh {@code request-id} GUID, and the caller's
 * {@code client-request-id} echoed back (or the request id when the caller sent none, or an
 * unusable one).
 */
public final class RequestIds {
  public static final String REQUEST_ID = "request-id";
  public static final String CLIENT_REQUEST_ID = "client-request-id";

  /**
   * Request property (a servlet request attribute in a servlet container) that holds the request's
   * {@link Pair}.
   */
  public static final String PROPERTY = RequestIds.class.getName();

  private static final int MAX_CLIENT_REQUEST_ID = 128;

  private RequestIds() {}

  /** The two ids of one request. */
  public record Pair(String requestId, String clientRequestId) {}

  /** New ids for a request that carried the given {@code client-request-id} header, or none. */
  public static Pair create(String clientRequestIdHeader) {
    String requestId = UUID.randomUUID().toString();
    String client = clientRequestIdHeader == null ? null : clientRequestIdHeader.trim();
    return new Pair(requestId, isUsable(client) ? client : requestId);
  }

  /**
   * Whether a client's id can be echoed: 1 to 128 visible ASCII characters. Graph asks for a GUID;
   * other tokens are echoed too, but nothing that could break a header or a log line.
   */
  static boolean isUsable(String clientRequestId) {
    if (clientRequestId == null
        || clientRequestId.isEmpty()
        || clientRequestId.length() > MAX_CLIENT_REQUEST_ID) {
      return false;
    }
    for (int i = 0; i < clientRequestId.length(); i++) {
      char c = clientRequestId.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The ids of the current request, made and remembered on first use if the request filter has not
   * run.
   */
  public static Pair of(HttpServletRequest request) {
    Object stored = request.getAttribute(PROPERTY);
    if (stored instanceof Pair pair) {
      return pair;
    }
    Pair pair = create(request.getHeader(CLIENT_REQUEST_ID));
    request.setAttribute(PROPERTY, pair);
    return pair;
  }
}
