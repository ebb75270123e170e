package org.caseops.api.security;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * Token settings, from {@link CaseopsConfig} ({@code caseops.auth.issuer} / {@code
 * CASEOPS_AUTH_ISSUER}, ...):
 *
 * <ul>
 *   <li>{@code caseops.auth.issuer}: the exact {@code iss} tokens must carry;
 *   <li>{@code caseops.auth.audience}: the {@code aud} tokens must carry (several may be given,
 *       separated by commas);
 *   <li>{@code caseops.auth.publickey.location}: a PEM file with the issuer's RSA public key;
 *   <li>{@code caseops.auth.jwks.location}: a JWK set, as a file path or an http(s) URL;
 *   <li>{@code caseops.auth.clock.skew.seconds}: tolerated clock difference for exp and nbf
 *       (default 60).
 * </ul>
 *
 * With neither a public key nor a JWK set, the server is in development mode: it signs and accepts
 * its own tokens with a key kept in {@code <data dir>/auth/}. Issuer and audience must then be left
 * unset.
 */
public record AuthSettings(
    String issuer,
    Set<String> audiences,
    String publicKeyLocation,
    String jwksLocation,
    int clockSkewSeconds,
    Path dataDir) {
  public static final String ISSUER = CaseopsConfig.AUTH_ISSUER.name();
  public static final String AUDIENCE = CaseopsConfig.AUTH_AUDIENCE.name();
  public static final String PUBLIC_KEY_LOCATION = CaseopsConfig.AUTH_PUBLICKEY_LOCATION.name();
  public static final String JWKS_LOCATION = CaseopsConfig.AUTH_JWKS_LOCATION.name();
  public static final String CLOCK_SKEW_SECONDS = CaseopsConfig.AUTH_CLOCK_SKEW_SECONDS.name();

  /** The settings of this process. */
  public static AuthSettings fromEnvironment() {
    return from(CaseopsConfig.current());
  }

  /**
   * The settings found by {@code lookup}, which gets a property name and answers its value or null.
   */
  public static AuthSettings from(UnaryOperator<String> lookup) {
    return from(CaseopsConfig.of(lookup));
  }

  /** The token settings of a configuration, checked together. */
  public static AuthSettings from(CaseopsConfig config) {
    AuthSettings settings =
        new AuthSettings(
            config.authIssuer().orElse(null),
            config.authAudiences(),
            config.authPublicKeyLocation().orElse(null),
            config.authJwksLocation().orElse(null),
            config.authClockSkewSeconds(),
            config.dataDir());
    settings.check();
    return settings;
  }

  /**
   * Whether the server makes and trusts its own development key: only when no key source is
   * configured.
   */
  public boolean developmentMode() {
    return publicKeyLocation == null && jwksLocation == null;
  }

  private void check() {
    if (publicKeyLocation != null && jwksLocation != null) {
      throw new IllegalArgumentException(
          "set either " + PUBLIC_KEY_LOCATION + " or " + JWKS_LOCATION + ", not both");
    }
    if (developmentMode()) {
      if (issuer != null || !audiences.isEmpty()) {
        throw new IllegalArgumentException(
            ISSUER
                + " or "
                + AUDIENCE
                + " is set but no key to check signatures with: set "
                + PUBLIC_KEY_LOCATION
                + " or "
                + JWKS_LOCATION);
      }
      return;
    }
    if (issuer == null || audiences.isEmpty()) {
      throw new IllegalArgumentException(
          "with a token signing key configured, "
              + ISSUER
              + " and "
              + AUDIENCE
              + " must be set too");
    }
  }

  /**
   * The environment variable that stands in for a property: {@code caseops.auth.issuer} →
   * CASEOPS_AUTH_ISSUER.
   */
  static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  static String setting(
      String property, UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String value = trimmed(properties.apply(property));
    return value != null ? value : trimmed(environment.apply(envName(property)));
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
