package org.caseops.api.security;

import java.util.Map;
import java.util.Set;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.domain.identity.IdentitySet;

/**
 * A caller whose token was accepted: the key it is counted under ({@code user:<oid or sub>} for a
 * delegated token, {@code application:<appid, azp or sub>} for an application token), its
 * identitySet, and the permissions it holds.
 */
public record AuthenticatedCaller(String subject, IdentitySet identity, Set<String> permissions) {
  /**
   * Request property (a servlet request attribute in a servlet container) holding the current
   * caller.
   */
  public static final String PROPERTY = AuthenticatedCaller.class.getName();

  /**
   * Request property holding a caller whose valid token lacked the permission the request needs
   * (refused, 403).
   */
  public static final String REFUSED_PROPERTY = AuthenticatedCaller.class.getName() + ".refused";

  public static AuthenticatedCaller fromClaims(Map<String, ?> claims) {
    String subject;
    if (Permissions.isDelegated(claims)) {
      subject = "user:" + first(claims, "oid", "sub");
    } else {
      subject = "application:" + first(claims, "appid", "azp", "sub");
    }
    return new AuthenticatedCaller(
        subject, CallerIdentity.fromClaims(claims), Permissions.granted(claims));
  }

  private static String first(Map<String, ?> claims, String... names) {
    for (String name : names) {
      if (claims.get(name) instanceof String value && !value.isBlank()) {
        return value;
      }
    }
    return "unknown";
  }
}
