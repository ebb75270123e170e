package org.caseops.api.cases;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.support.RequestRefusedException;

/**
 * Keeps a closing or closed case as it is: every request that would change something under {@code
 * .../ediscoveryCases/{caseId}} (any method but GET, HEAD and OPTIONS), and so every new operation,
 * is refused with 409 {@code conflict} naming the case's status and that {@code reopen} would allow
 * it. Reading stays open, and so do {@code close}, {@code reopen} and deleting the case. One rule
 * for every resource of the case, those to come included.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER + 100)
public class ClosedCaseFilter implements ContainerRequestFilter {
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Pattern CASE_PATH =
      Pattern.compile("(?:^|/)ediscoveryCases/([^/]+)(/[^/]+)?(/.*)?$");

  @Inject CaseRepository cases;

  @Override
  public void filter(ContainerRequestContext request) {
    if (READS.contains(request.getMethod())) {
      return;
    }
    // The path is in its canonical form already (PathNormalizationFilter).
    Matcher path = CASE_PATH.matcher(request.getUriInfo().getPath());
    if (!path.find() || lifecycleAction(request.getMethod(), path)) {
      return;
    }
    String caseId;
    try {
      caseId = Lookups.caseId(path.group(1));
    } catch (RequestRefusedException e) {
      // The resource answers a malformed id as it does for every request.
      return;
    }
    cases.find(caseId).ifPresent(c -> c.requireChangeable());
  }

  /** Whether the request closes, reopens or deletes the case itself. */
  private static boolean lifecycleAction(String method, Matcher path) {
    if (path.group(3) != null) {
      return false;
    }
    if (path.group(2) == null) {
      return method.equals("DELETE");
    }
    return method.equals("POST") && Set.of("/close", "/reopen").contains(path.group(2));
  }
}
