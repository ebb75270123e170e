package org.caseops.web.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens for the integration tests, signed with the test-only key in {@code
 * src/test/resources/auth/} whose public half the test server trusts (see {@code payara.cmdOptions}
 * in the WAR's pom), for the issuer and audience given to the tests as {@code
 * caseops.it.auth.issuer} and {@code caseops.it.auth.audience}.
 */
final class TestTokens {
  static final String READ = "eDiscovery.Read.All";
  static final String READ_WRITE = "eDiscovery.ReadWrite.All";
  static final String AUDIT = "caseops.Audit.Read.All";
  private static final PrivateKey TRUSTED = readPrivateKey();
  private static final PrivateKey UNTRUSTED = generatePrivateKey();

  private TestTokens() {}

  static String issuer() {
    return System.getProperty("caseops.it.auth.issuer", "https://issuer.caseops.test");
  }

  static String audience() {
    return System.getProperty("caseops.it.auth.audience", "api://caseops-it");
  }

  /** A delegated token for a user with the given scopes (space-separated). */
  static String user(String oid, String name, String scopes) {
    return sign(
        TRUSTED,
        claims(c -> c.subject(oid).claim("oid", oid).claim("name", name).claim("scp", scopes)));
  }

  /** An application token with the given roles. */
  static String application(String appId, String displayName, List<String> roles) {
    return sign(
        TRUSTED,
        claims(
            c ->
                c.subject(appId)
                    .claim("appid", appId)
                    .claim("app_displayname", displayName)
                    .claim("roles", roles)));
  }

  /** A read-write user token signed with a key the server does not trust. */
  static String untrustedSignature(String oid) {
    return sign(UNTRUSTED, claims(c -> c.subject(oid).claim("oid", oid).claim("scp", READ_WRITE)));
  }

  /** A read-write user token that expired an hour ago. */
  static String expired(String oid) {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    return sign(
        TRUSTED,
        claims(
            c ->
                c.subject(oid)
                    .claim("oid", oid)
                    .claim("scp", READ_WRITE)
                    .issueTime(Date.from(past))
                    .notBeforeTime(Date.from(past))
                    .expirationTime(Date.from(past.plus(Duration.ofHours(1))))));
  }

  /** A read-write user token issued for another service. */
  static String otherAudience(String oid) {
    return sign(
        TRUSTED,
        claims(
            c ->
                c.subject(oid)
                    .claim("oid", oid)
                    .claim("scp", READ_WRITE)
                    .audience("https://graph.microsoft.com")));
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> details) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .audience(audience())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(4))))
            .jwtID(UUID.randomUUID().toString());
    details.accept(claims);
    return claims.build();
  }

  private static String sign(PrivateKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey readPrivateKey() {
    try (InputStream in = TestTokens.class.getResourceAsStream("/auth/test-only-private-key.pem")) {
      if (in == null) {
        throw new IllegalStateException(
            "the test key auth/test-only-private-key.pem is not on the test classpath");
      }
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String body =
          pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
      byte[] der = Base64.getMimeDecoder().decode(body);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the test key", e);
    }
  }

  private static PrivateKey generatePrivateKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
