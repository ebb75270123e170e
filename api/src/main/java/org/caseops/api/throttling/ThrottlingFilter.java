package org.caseops.api.throttling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.errors.ErrorResponses;
import org.caseops.api.errors.GraphError;
import org.caseops.api.security.AuthenticatedCaller;

/**
 * Throttles every matched request except {@code /health}: POST, PUT, PATCH and DELETE are
 * submissions, limited per client and per case (the {@code {caseId}} of the matched path);
 * everything else is a read, limited per client. A refused request gets 429 with a Graph {@code
 * activityLimitReached} error and {@code Retry-After} in seconds. It runs after resource matching
 * (so after path normalisation) and after authentication.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 500)
public class ThrottlingFilter implements ContainerRequestFilter {
  static final int TOO_MANY_REQUESTS = 429;
  static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
  private static final Set<String> SUBMISSIONS = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Inject Clock clock;
  @Inject HttpServletRequest servletRequest;

  private Throttle throttle;

  @PostConstruct
  void start() {
    throttle = new Throttle(ThrottleSettings.fromEnvironment(), clock);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    if (isHealth(uri.getPath())) {
      return;
    }
    String client =
        clientKey(
            request.getProperty(AuthenticatedCaller.PROPERTY) instanceof AuthenticatedCaller caller
                ? caller
                : null,
            servletRequest.getRemoteAddr());
    var refusal =
        SUBMISSIONS.contains(request.getMethod().toUpperCase(Locale.ROOT))
            ? throttle.submission(client, uri.getPathParameters().getFirst("caseId"))
            : throttle.read(client);
    refusal.ifPresent(
        r ->
            request.abortWith(
                ErrorResponses.builder(
                        servletRequest,
                        TOO_MANY_REQUESTS,
                        new GraphError(ErrorCode.activityLimitReached, r.message()))
                    .header(RETRY_AFTER, r.retryAfterSeconds())
                    .build()));
  }

  /**
   * The client a request is counted against: the subject of the caller's token ({@code user:<oid or
   * sub>} or {@code application:<appid, azp or sub>}), else the remote address. The one place that
   * decides it.
   */
  static String clientKey(AuthenticatedCaller caller, String remoteAddress) {
    if (caller != null) {
      return caller.subject();
    }
    return "address:" + (remoteAddress == null ? "unknown" : remoteAddress);
  }

  static boolean isHealth(String path) {
    String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    return p.equals("health") || p.startsWith("health/");
  }
}
