package org.caseops.api.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.requests.RequestIds;
import org.caseops.api.security.AuthenticatedCaller;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;

/**
 * Records every POST, PUT, PATCH and DELETE whose caller presented a valid token in the {@link
 * AuditLog}, whatever the answer: successes, refusals for want of a permission (403) and other
 * client or server errors alike. Requests without a valid token (401) are not recorded, as their
 * caller is unknown. A failure to record is logged and never changes the answer.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class AuditFilter implements ContainerResponseFilter {
  static final Set<String> AUDITED_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
  private static final Pattern CASE_IN_PATH = Pattern.compile("/ediscoveryCases/([^/]+)");

  @Inject AuditLog log;

  Clock clock = Clock.systemUTC();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object caller = request.getProperty(AuthenticatedCaller.PROPERTY);
    if (!(caller instanceof AuthenticatedCaller)) {
      caller = request.getProperty(AuthenticatedCaller.REFUSED_PROPERTY);
    }
    RequestIds.Pair ids =
        request.getProperty(RequestIds.PROPERTY) instanceof RequestIds.Pair pair ? pair : null;
    String path;
    try {
      path = request.getUriInfo().getPath();
    } catch (RuntimeException e) {
      path = null;
    }
    record(
        request.getMethod(),
        path,
        response.getStatus(),
        ids,
        caller instanceof AuthenticatedCaller known ? known : null);
  }

  /** Records the request if it is audited; never throws. */
  void record(
      String method, String path, int status, RequestIds.Pair ids, AuthenticatedCaller caller) {
    try {
      Optional<AuditEntry> entry = entryFor(method, path, status, ids, caller, clock);
      if (entry.isPresent()) {
        log.record(entry.get());
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Could not record "
              + method
              + " "
              + path
              + " (request-id "
              + (ids == null ? "?" : ids.requestId())
              + ") in the audit log",
          e);
    }
  }

  /**
   * The audit entry for a request: present for a state-changing method with a known caller, empty
   * otherwise. The path gets a leading slash; the case id is the segment after {@code
   * ediscoveryCases}, when there is one.
   */
  static Optional<AuditEntry> entryFor(
      String method,
      String path,
      int status,
      RequestIds.Pair ids,
      AuthenticatedCaller caller,
      Clock clock) {
    if (method == null
        || caller == null
        || !AUDITED_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    String normalized = path == null ? "/" : path.startsWith("/") ? path : "/" + path;
    Matcher matcher = CASE_IN_PATH.matcher(normalized);
    String caseId = matcher.find() ? matcher.group(1) : null;
    RequestIds.Pair known = ids != null ? ids : RequestIds.create(null);
    return Optional.of(
        AuditEntry.of(
            clock.instant(),
            method.toUpperCase(Locale.ROOT),
            normalized,
            status,
            known.requestId(),
            known.clientRequestId(),
            caseId,
            caller.identity()));
  }
}
