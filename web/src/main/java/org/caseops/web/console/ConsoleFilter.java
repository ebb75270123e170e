package org.caseops.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the admin console, the static files under {@code /console} of the WAR (the JAX-RS
 * application holds every other path), with headers that let the page run only its own code: a
 * Content-Security-Policy with no inline script or style and no framing, {@code
 * X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer}. Only GET and HEAD;
 * {@code /console} redirects to {@code /console/}, which is {@code index.html}.
 */
@WebFilter(urlPatterns = {"/console", "/console/*"})
public class ConsoleFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The console's Content-Security-Policy. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private static final String ROOT = "/console";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=UTF-8",
          "js", "text/javascript; charset=UTF-8",
          "css", "text/css; charset=UTF-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    headers(response);
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      response.sendError(405);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(ROOT)) {
      response.sendRedirect(request.getContextPath() + ROOT + "/");
      return;
    }
    String file = path.substring(ROOT.length() + 1);
    if (file.isEmpty()) {
      file = "index.html";
    }
    String type = typeOf(file);
    if (type == null || file.contains("..") || file.contains("//") || file.contains("\\")) {
      response.sendError(404);
      return;
    }
    try (InputStream in = getServletContext().getResourceAsStream(ROOT + "/" + file)) {
      if (in == null) {
        response.sendError(404);
        return;
      }
      byte[] bytes = in.readAllBytes();
      response.setContentType(type);
      response.setContentLength(bytes.length);
      // Always revalidated, so a new build's files are used at once.
      response.setHeader("Cache-Control", "no-cache");
      if (method.equals("GET")) {
        response.getOutputStream().write(bytes);
      }
    }
  }

  /** The headers of every console answer, errors and redirects included. */
  static void headers(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  }

  private static String typeOf(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
