package org.caseops.api.callers;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.caseops.domain.identity.IdentitySet;

/**
 * The identity of the current caller, as the identitySet written to createdBy and lastModifiedBy. It is the
 * authenticated principal when the container has one; otherwise an application named {@code anonymous}. This is the
 * only place that decides who the caller is.
 */
@RequestScoped
public class CallerIdentity {
  public static final String ANONYMOUS = "anonymous";

  @Inject HttpServletRequest request;

  public IdentitySet identitySet() {
    return of(request.getUserPrincipal());
  }

  /** The identitySet for a principal, or for an anonymous caller when {@code principal} is null. */
  public static IdentitySet of(Principal principal) {
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return IdentitySet.application(null, ANONYMOUS);
    }
    return IdentitySet.user(principal.getName(), principal.getName());
  }
}
