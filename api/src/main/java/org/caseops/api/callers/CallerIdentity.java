package org.caseops.api.callers;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.caseops.domain.identity.IdentitySet;

/**
 * The identity of the current caller, as the identitySet written to createdBy and lastModifiedBy.
 * It comes from the claims of the caller's accepted bearer token: a delegated token (one with
 * {@code scp}) names a user ({@code oid} as id, {@code name} or {@code preferred_username} as
 * displayName), an application token (only {@code roles}) names an application ({@code appid} or
 * {@code azp} as id, {@code app_displayname} or the client id as displayName). This is the only
 * place that decides who the caller is.
 */
@RequestScoped
public class CallerIdentity {
  public static final String ANONYMOUS = "anonymous";

  /**
   * Request property (a servlet request attribute in a servlet container) holding the caller's
   * identitySet.
   */
  public static final String PROPERTY = CallerIdentity.class.getName();

  @Inject HttpServletRequest request;

  /**
   * The caller's identitySet; an application named {@code anonymous} for a request that needs no
   * token.
   */
  public IdentitySet identitySet() {
    return request.getAttribute(PROPERTY) instanceof IdentitySet identity
        ? identity
        : IdentitySet.application(null, ANONYMOUS);
  }

  /** The identitySet named by a token's claims. */
  public static IdentitySet fromClaims(Map<String, ?> claims) {
    if (claims.get("scp") != null || claims.get("scope") != null) {
      String id = first(claims, "oid", "sub");
      String name = first(claims, "name", "preferred_username", "upn", "unique_name");
      return IdentitySet.user(id, name != null ? name : id);
    }
    String id = first(claims, "appid", "azp", "client_id");
    String name = first(claims, "app_displayname");
    return IdentitySet.application(id, name != null ? name : id);
  }

  private static String first(Map<String, ?> claims, String... names) {
    for (String name : names) {
      if (claims.get(name) instanceof String value && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
