package org.caseops.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JWT: signed with RS256 by a trusted key, issued by the configured issuer to one of the
 * configured audiences, with an {@code exp} not passed and an {@code nbf} reached (both give or
 * take the clock skew).
 */
public final class TokenVerifier {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  private TokenVerifier(
      JWSKeySelector<SecurityContext> keys, String issuer, Set<String> audiences, int skewSeconds) {
    processor.setJWSKeySelector(keys);
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        // Plain hash sets: the library asks them whether they contain null, which immutable sets
        // refuse.
        new DefaultJWTClaimsVerifier<>(
            new HashSet<>(audiences),
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            new HashSet<>(Set.of("exp")),
            new HashSet<>());
    claims.setMaxClockSkew(skewSeconds);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** A verifier that trusts one RSA public key. */
  public static TokenVerifier forKey(
      RSAPublicKey key, String issuer, Set<String> audiences, int skewSeconds) {
    return new TokenVerifier(
        new SingleKeyJWSKeySelector<>(JWSAlgorithm.RS256, key), issuer, audiences, skewSeconds);
  }

  /** A verifier that trusts the RSA keys of a JWK set, selected by the token's {@code kid}. */
  public static TokenVerifier forKeys(
      JWKSource<SecurityContext> keys, String issuer, Set<String> audiences, int skewSeconds) {
    return new TokenVerifier(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys), issuer, audiences, skewSeconds);
  }

  /** The verifier the settings describe; not for development mode, which has its own key. */
  public static TokenVerifier fromSettings(AuthSettings settings)
      throws IOException, GeneralSecurityException {
    if (settings.publicKeyLocation() != null) {
      String pem = Files.readString(Path.of(settings.publicKeyLocation()));
      return forKey(
          Pem.readPublicKey(pem),
          settings.issuer(),
          settings.audiences(),
          settings.clockSkewSeconds());
    }
    return forKeys(
        jwkSource(settings.jwksLocation()),
        settings.issuer(),
        settings.audiences(),
        settings.clockSkewSeconds());
  }

  /** A JWK set from an http(s) URL (fetched when needed, cached and refreshed) or from a file. */
  static JWKSource<SecurityContext> jwkSource(String location) throws IOException {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return JWKSourceBuilder.create(new URI(location).toURL()).retrying(true).build();
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IOException("not a URL: " + location, e);
      }
    }
    Path file = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    try {
      return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(file)));
    } catch (ParseException e) {
      throw new IOException("not a JWK set: " + file, e);
    }
  }

  /** The claims of an accepted token. */
  public Map<String, Object> verify(String token) throws TokenRejected {
    try {
      return processor.process(token, null).getClaims();
    } catch (ParseException e) {
      throw new TokenRejected("The token is not a well-formed signed JWT.");
    } catch (BadJWSException e) {
      throw new TokenRejected("The token signature is invalid.");
    } catch (BadJWTException e) {
      throw new TokenRejected(describe(e.getMessage()));
    } catch (BadJOSEException e) {
      throw new TokenRejected("The token is not signed with RS256 by a trusted key.");
    } catch (JOSEException e) {
      throw new TokenRejected("The token could not be checked: the signing keys are unavailable.");
    }
  }

  private static String describe(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("expired")) {
      return "The token has expired.";
    }
    if (m.contains("before use")) {
      return "The token is not valid yet.";
    }
    if (m.contains("missing required")) {
      return "The token lacks a required claim (exp, iss or aud).";
    }
    if (m.contains("aud")) {
      return "The token is not meant for this service (wrong audience).";
    }
    if (m.contains("iss")) {
      return "The token was not issued by the trusted issuer.";
    }
    return "The token was rejected.";
  }
}
