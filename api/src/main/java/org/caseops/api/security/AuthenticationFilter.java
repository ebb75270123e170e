package org.caseops.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.errors.ErrorResponses;
import org.caseops.api.errors.GraphError;

/**
 * Requires a valid bearer token with the right eDiscovery permission on every request except {@code
 * /health} and the development sign-in ({@link DevSignInResource}). It runs before resource
 * matching (after path normalisation), so an unknown path is no way around it. A missing or
 * rejected token gets 401 with {@code WWW-Authenticate: Bearer} (plus {@code error="invalid_token"}
 * and a description when a token was sent) and a Graph {@code InvalidAuthenticationToken} error; a
 * valid token without the permission gets 403 with a Graph {@code accessDenied} error that names
 * the permission. An accepted caller is stored in the request properties {@link
 * AuthenticatedCaller#PROPERTY} and {@link CallerIdentity#PROPERTY}; a caller refused for want of a
 * permission is stored in {@link AuthenticatedCaller#REFUSED_PROPERTY}, so that the refusal can be
 * audited.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
  static final String CHALLENGE = "Bearer";

  @Inject TokenAuthority authority;
  @Inject DownloadGrantAuthority downloads;
  @Inject HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isHealth(request.getUriInfo().getPath()) || isDevSignIn(request.getUriInfo().getPath())) {
      return;
    }
    if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && granted(request)) {
      return;
    }
    BearerAuthentication.Decision decision =
        authority
            .authentication()
            .decide(request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getMethod());
    if (decision instanceof BearerAuthentication.Accepted accepted) {
      accept(request, accepted.caller());
    } else if (decision instanceof BearerAuthentication.Unauthenticated refused) {
      request.abortWith(
          ErrorResponses.builder(
                  servletRequest,
                  401,
                  new GraphError(ErrorCode.InvalidAuthenticationToken, refused.description()))
              .header(HttpHeaders.WWW_AUTHENTICATE, challenge(refused))
              .build());
    } else if (decision instanceof BearerAuthentication.Forbidden forbidden) {
      request.setProperty(AuthenticatedCaller.REFUSED_PROPERTY, forbidden.caller());
      request.abortWith(
          ErrorResponses.builder(
                  servletRequest, 403, new GraphError(ErrorCode.accessDenied, forbidden.message()))
              .build());
    }
  }

  /**
   * Whether the request is a GET or HEAD of an export file's download path with a grant: true when
   * the grant is valid for that file (the file id is then kept in {@link
   * DownloadGrantAuthority#GRANTED_FILE}) and when the request was refused here (an expired grant:
   * 401; an altered one, or one for another file: 403); false when the request carries no grant.
   */
  private boolean granted(ContainerRequestContext request) {
    String grant =
        request.getUriInfo().getQueryParameters().getFirst(DownloadGrantAuthority.GRANT_PARAMETER);
    String[] download = DownloadGrantAuthority.downloadOf(request.getUriInfo().getPath());
    if (grant == null
        || download == null
        || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
      return false;
    }
    switch (downloads.grants().verify(download[0], download[1], grant, java.time.Instant.now())) {
      case VALID -> request.setProperty(DownloadGrantAuthority.GRANTED_FILE, download[1]);
      case EXPIRED ->
          request.abortWith(
              ErrorResponses.builder(
                      servletRequest,
                      401,
                      new GraphError(
                          ErrorCode.InvalidAuthenticationToken,
                          "The download grant has expired: read the export operation again for a"
                              + " new downloadUrl, or send a bearer token."))
                  .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                  .build());
      case INVALID ->
          request.abortWith(
              ErrorResponses.builder(
                      servletRequest,
                      403,
                      new GraphError(
                          ErrorCode.accessDenied, "The download grant is not valid for this file."))
                  .build());
    }
    return true;
  }

  private static void accept(ContainerRequestContext request, AuthenticatedCaller caller) {
    request.setProperty(AuthenticatedCaller.PROPERTY, caller);
    request.setProperty(CallerIdentity.PROPERTY, caller.identity());
    boolean secure =
        request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    Principal principal = caller::subject;
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return caller.permissions().contains(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }

  /** The {@code WWW-Authenticate} value for a refusal (RFC 6750). */
  static String challenge(BearerAuthentication.Unauthenticated refused) {
    if (!refused.tokenSent()) {
      return CHALLENGE;
    }
    return CHALLENGE
        + " error=\"invalid_token\", error_description=\""
        + quotable(refused.description())
        + "\"";
  }

  private static String quotable(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      b.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
    }
    return b.toString();
  }

  /**
   * Whether the path is the development sign-in, which decides for itself whom it answers ({@link
   * DevSignIn}); exactly that path, as for {@code /health}.
   */
  static boolean isDevSignIn(String path) {
    String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    return p.equals("v1.0/caseops/devSignIn") || p.equals("beta/caseops/devSignIn");
  }

  static boolean isHealth(String path) {
    String p = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    // Only the health resource itself: no sub-path, so that no crafted path can slip past the token
    // check.
    return p.equals("health") || p.equals("health/");
  }
}
