package org.caseops.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * The server's token checking, set up when the application starts from {@link AuthSettings}: with a
 * configured key (PEM or JWK set) it trusts that issuer; without one it is in development mode,
 * makes or loads the development key in {@code <data dir>/auth/} and logs a read-write token valid
 * for 30 days on a line starting with {@code CASEOPS_DEV_TOKEN=}. A configuration that cannot be
 * used stops the application from starting.
 */
@ApplicationScoped
public class TokenAuthority {
  /** The prefix of the log line that carries the development token. */
  public static final String DEV_TOKEN_PREFIX = "CASEOPS_DEV_TOKEN=";

  private static final Logger LOG = Logger.getLogger(TokenAuthority.class.getName());
  private static final Duration DEV_TOKEN_VALIDITY = Duration.ofDays(30);

  private BearerAuthentication authentication;
  private DevKeys devKeys;

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    authentication();
  }

  public synchronized BearerAuthentication authentication() {
    if (authentication == null) {
      authentication = new BearerAuthentication(verifier(AuthSettings.fromEnvironment()));
    }
    return authentication;
  }

  /** The development key, in development mode only (no token issuer configured). */
  public synchronized java.util.Optional<DevKeys> developmentKeys() {
    authentication();
    return java.util.Optional.ofNullable(devKeys);
  }

  private TokenVerifier verifier(AuthSettings settings) {
    try {
      if (!settings.developmentMode()) {
        TokenVerifier verifier = TokenVerifier.fromSettings(settings);
        LOG.info(
            () ->
                "Bearer tokens are checked against issuer "
                    + settings.issuer()
                    + " and audience "
                    + settings.audiences()
                    + " with the key at "
                    + (settings.publicKeyLocation() != null
                        ? settings.publicKeyLocation()
                        : settings.jwksLocation()));
        return verifier;
      }
      DevKeys keys = DevKeys.loadOrCreate(DevKeys.folder(settings.dataDir()));
      devKeys = keys;
      String token =
          keys.userToken(DevKeys.DEFAULT_USER, Permissions.READ_WRITE, DEV_TOKEN_VALIDITY);
      LOG.warning(
          "\n==================== caseops DEVELOPMENT MODE ====================\n"
              + "No token issuer is configured ("
              + AuthSettings.PUBLIC_KEY_LOCATION
              + " or "
              + AuthSettings.JWKS_LOCATION
              + "), so caseops trusts tokens signed with its own key in "
              + DevKeys.folder(settings.dataDir())
              + " (issuer "
              + DevKeys.ISSUER
              + ", audience "
              + DevKeys.AUDIENCE
              + ").\nA read-write token for '"
              + DevKeys.DEFAULT_USER
              + "', valid until "
              + Instant.now().plus(DEV_TOKEN_VALIDITY)
              + ":\n"
              + DEV_TOKEN_PREFIX
              + token
              + "\nMint more with bin/token.\n"
              + "==================================================================");
      return keys.verifier(settings.clockSkewSeconds());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("caseops cannot set up token checking: " + e.getMessage(), e);
    }
  }
}
