package org.caseops.api.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.api.requests.RequestIds;

/**
 * The error page of the WAR ({@code WEB-INF/web.xml}) for the errors that the servlet container
 * answers on its own, outside the JAX-RS application and its exception mappers: a path or a method
 * no servlet takes, a URL the container cannot decode, a request larger than it takes, an exception
 * that escaped a servlet filter. Each gets the Graph error body for its status, with the {@code
 * request-id} and {@code client-request-id} headers, like every other error of the server. Called
 * directly (no error to report), it answers 404 for its own path.
 */
public class ContainerErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  /** Where {@code web.xml} maps this servlet and sends every error page. */
  public static final String PATH = "/caseops-container-error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable failure =
        request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
    int status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE), failure);
    String path =
        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
            ? uri
            : request.getRequestURI();
    RequestIds.Pair ids = RequestIds.of(request);
    if (status >= 500) {
      LOG.log(
          Level.SEVERE,
          "request-id " + ids.requestId() + ": the container answered " + status + " for " + path,
          failure);
    }
    GraphError error = GraphError.forHttpStatus(status, request.getMethod(), path);
    if (status >= 500) {
      error =
          new GraphError(
              ErrorCode.generalException,
              "An unexpected error occurred on the server. Quote request-id "
                  + ids.requestId()
                  + " when reporting it.");
    }
    byte[] body =
        error
            .toJson(ids.requestId(), ids.clientRequestId(), Instant.now())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader(RequestIds.REQUEST_ID, ids.requestId());
    response.setHeader(RequestIds.CLIENT_REQUEST_ID, ids.clientRequestId());
    if (!"HEAD".equals(request.getMethod())) {
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /**
   * The status to answer: the container's, when it is an error; 500 for an exception without one;
   * 404 when nothing went wrong (the page was asked for by its own path). A servlet answers 501 for
   * a method it does not know (such as {@code FOO} or {@code CONNECT} on {@code /health}): the
   * server is not at fault, so it is the 405 {@code notSupported} that every other unsupported
   * method gets.
   */
  static int status(Object containerStatus, Throwable failure) {
    if (containerStatus instanceof Integer code && code == HttpServletResponse.SC_NOT_IMPLEMENTED) {
      return HttpServletResponse.SC_METHOD_NOT_ALLOWED;
    }
    if (containerStatus instanceof Integer code && code >= 400 && code <= 599) {
      return code;
    }
    return failure != null ? 500 : 404;
  }
}
