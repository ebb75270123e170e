package org.caseops.api.health;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.caseops.api.CaseopsApplication;

/**
 * Keeps {@code GET /health} caseops' own ({@link HealthResource}) where the runtime serves
 * MicroProfile Health in the application's context: Payara maps its health servlet over {@code
 * /health/*} of the application at the root context, which takes {@code /health} itself as well.
 * Only the exact path {@code /health} is answered here, and only when another servlet than the
 * JAX-RS application would take it; {@code /health/ready} and {@code /health/live} stay the
 * runtime's.
 */
@WebFilter(urlPatterns = "/health", asyncSupported = true)
public class HealthPathFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject DatabaseProbe database;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String servlet =
        request.getHttpServletMapping() == null
            ? null
            : request.getHttpServletMapping().getServletName();
    if (CaseopsApplication.class.getName().equals(servlet) || !"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    boolean up = database.failure().isEmpty();
    byte[] body = HealthResource.body(up).getBytes(StandardCharsets.UTF_8);
    response.setStatus(up ? 200 : 503);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
