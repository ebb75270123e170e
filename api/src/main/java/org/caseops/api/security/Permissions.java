package org.caseops.api.security;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The eDiscovery permissions, named as Graph names them: {@code eDiscovery.Read.All} allows reading
 * (GET, HEAD, OPTIONS), {@code eDiscovery.ReadWrite.All} everything. A delegated token grants them
 * in {@code scp} (space-separated; {@code scope} is read too), an application token in {@code
 * roles} (an array). Names compare ignoring case.
 */
public final class Permissions {
  public static final String READ = "eDiscovery.Read.All";
  public static final String READ_WRITE = "eDiscovery.ReadWrite.All";

  /**
   * Reading the audit log ({@code /caseops/auditLog}), on top of the eDiscovery permission every
   * request needs.
   */
  public static final String AUDIT_READ = "caseops.Audit.Read.All";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private Permissions() {}

  /** The permissions a token's claims grant, as written in the token. */
  public static Set<String> granted(Map<String, ?> claims) {
    Set<String> granted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String claim : new String[] {"scp", "scope"}) {
      if (claims.get(claim) instanceof String scopes) {
        for (String scope : scopes.trim().split("\\s+")) {
          if (!scope.isEmpty()) {
            granted.add(scope);
          }
        }
      }
    }
    if (claims.get("roles") instanceof Collection<?> roles) {
      roles.stream().filter(String.class::isInstance).map(String.class::cast).forEach(granted::add);
    } else if (claims.get("roles") instanceof String role && !role.isBlank()) {
      granted.add(role.trim());
    }
    return granted;
  }

  /**
   * Whether the claims are those of a delegated (user) token: it carries scopes rather than only
   * roles.
   */
  public static boolean isDelegated(Map<String, ?> claims) {
    return claims.get("scp") != null || claims.get("scope") != null;
  }

  /** Whether the granted permissions allow reading the audit log. */
  public static boolean allowsAuditRead(Collection<String> granted) {
    return granted.stream().anyMatch(AUDIT_READ::equalsIgnoreCase);
  }

  /** The permission a request with this method needs. */
  public static String requiredFor(String method) {
    return READS.contains(method.toUpperCase(Locale.ROOT)) ? READ : READ_WRITE;
  }

  /**
   * The permission that is missing for a request with this method, or empty when the granted ones
   * allow it.
   */
  public static Optional<String> missing(String method, Set<String> granted) {
    String required = requiredFor(method);
    boolean allowed =
        granted.stream()
            .anyMatch(
                p ->
                    p.equalsIgnoreCase(READ_WRITE)
                        || (required.equals(READ) && p.equalsIgnoreCase(READ)));
    return allowed ? Optional.empty() : Optional.of(required);
  }
}
