package org.caseops.api.security;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides about one request from its {@code Authorization} header and method: accepted (with the
 * caller), refused as unauthenticated (401), or refused for want of a permission (403).
 */
public final class BearerAuthentication {
  private static final String SCHEME = "bearer ";

  private final TokenVerifier verifier;

  public BearerAuthentication(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /** The outcome for a request. */
  public sealed interface Decision {}

  /** The token is valid and allows the request. */
  public record Accepted(AuthenticatedCaller caller) implements Decision {}

  /**
   * No usable token: {@code tokenSent} tells a missing header from a rejected token; {@code
   * description} says why, in words fit for the caller.
   */
  public record Unauthenticated(boolean tokenSent, String description) implements Decision {}

  /**
   * The token of {@code caller} is valid but lacks {@code permission}, which the request's method
   * needs.
   */
  public record Forbidden(String permission, String message, AuthenticatedCaller caller)
      implements Decision {}

  public Decision decide(String authorizationHeader, String method) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      return new Unauthenticated(false, "Access token is empty.");
    }
    String header = authorizationHeader.trim();
    if (header.length() <= SCHEME.length() || !header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return new Unauthenticated(
          true,
          "The Authorization header must carry a bearer token: 'Authorization: Bearer <token>'.");
    }
    Map<String, Object> claims;
    try {
      claims = verifier.verify(header.substring(SCHEME.length()).trim());
    } catch (TokenRejected e) {
      return new Unauthenticated(true, e.getMessage());
    }
    AuthenticatedCaller caller = AuthenticatedCaller.fromClaims(claims);
    Optional<String> missing = Permissions.missing(method, caller.permissions());
    if (missing.isPresent()) {
      String kind =
          Permissions.isDelegated(claims)
              ? "the delegated permission (scp)"
              : "the application permission (roles)";
      return new Forbidden(
          missing.get(),
          "Missing permission: "
              + method.toUpperCase(Locale.ROOT)
              + " requests need "
              + kind
              + " "
              + missing.get()
              + (missing.get().equals(Permissions.READ) ? " or " + Permissions.READ_WRITE : "")
              + ", which the token does not grant.",
          caller);
    }
    return new Accepted(caller);
  }
}
