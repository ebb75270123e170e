package org.caseops.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.caseops.api.security.BearerAuthentication.Accepted;
import org.caseops.api.security.BearerAuthentication.Decision;
import org.caseops.api.security.BearerAuthentication.Forbidden;
import org.caseops.api.security.BearerAuthentication.Unauthenticated;
import org.caseops.domain.identity.IdentitySet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BearerAuthenticationTest {
  private static final String ISSUER = "https://login.example.test/tenant/v2.0";
  private static final String AUDIENCE = "api://caseops";

  private static KeyPair trusted;
  private static KeyPair other;
  private static BearerAuthentication authentication;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    trusted = generator.generateKeyPair();
    other = generator.generateKeyPair();
    authentication =
        new BearerAuthentication(
            TokenVerifier.forKey((RSAPublicKey) trusted.getPublic(), ISSUER, Set.of(AUDIENCE), 60));
  }

  private static String token(KeyPair keys, Consumer<JWTClaimsSet.Builder> changes)
      throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject("sub-1")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
            .claim("oid", "oid-1")
            .claim("name", "Alice Wong")
            .claim("scp", "User.Read eDiscovery.ReadWrite.All");
    changes.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
            claims.build());
    jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    return jwt.serialize();
  }

  private static String token(Consumer<JWTClaimsSet.Builder> changes) throws Exception {
    return token(trusted, changes);
  }

  private static Decision decide(String token, String method) {
    return authentication.decide("Bearer " + token, method);
  }

  private static String rejection(Decision decision) {
    assertThat(decision).isInstanceOf(Unauthenticated.class);
    Unauthenticated refused = (Unauthenticated) decision;
    assertThat(refused.tokenSent()).isTrue();
    return refused.description();
  }

  @Test
  void aValidDelegatedTokenIsAcceptedAsItsUser() throws Exception {
    Decision decision = decide(token(c -> {}), "POST");

    assertThat(decision).isInstanceOf(Accepted.class);
    AuthenticatedCaller caller = ((Accepted) decision).caller();
    assertThat(caller.subject()).isEqualTo("user:oid-1");
    assertThat(caller.identity()).isEqualTo(IdentitySet.user("oid-1", "Alice Wong"));
    assertThat(caller.permissions()).contains("eDiscovery.ReadWrite.All", "User.Read");
  }

  @Test
  void theSchemeIsCaseInsensitive() throws Exception {
    assertThat(authentication.decide("bearer " + token(c -> {}), "GET"))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void aTokenSignedByAnotherKeyIsRejected() throws Exception {
    assertThat(rejection(decide(token(other, c -> {}), "GET")))
        .isEqualTo("The token signature is invalid.");
  }

  @Test
  void aTamperedPayloadIsRejected() throws Exception {
    String[] parts = token(c -> {}).split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace("Alice Wong", "Mallory")
                    .getBytes());
    assertThat(rejection(decide(parts[0] + "." + forged + "." + parts[2], "GET")))
        .isEqualTo("The token signature is invalid.");
  }

  @Test
  void aTokenWithAnotherAlgorithmIsRejected() throws Exception {
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("scp", Permissions.READ_WRITE)
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
    hmac.sign(new MACSigner(new byte[32]));
    assertThat(rejection(decide(hmac.serialize(), "GET")))
        .isEqualTo("The token is not signed with RS256 by a trusted key.");
  }

  @Test
  void anExpiredTokenIsRejected() throws Exception {
    String expired =
        token(c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10)))));
    assertThat(rejection(decide(expired, "GET"))).isEqualTo("The token has expired.");
  }

  @Test
  void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkew() throws Exception {
    String justExpired = token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5))));
    assertThat(decide(justExpired, "GET")).isInstanceOf(Accepted.class);
  }

  @Test
  void aTokenWithoutExpiryIsRejected() throws Exception {
    assertThat(rejection(decide(token(c -> c.expirationTime(null)), "GET")))
        .isEqualTo("The token lacks a required claim (exp, iss or aud).");
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() throws Exception {
    assertThat(rejection(decide(token(c -> c.issuer("https://evil.example.test")), "GET")))
        .isEqualTo("The token was not issued by the trusted issuer.");
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() throws Exception {
    assertThat(rejection(decide(token(c -> c.audience("https://graph.microsoft.com")), "GET")))
        .isEqualTo("The token is not meant for this service (wrong audience).");
  }

  @Test
  void malformedHeadersAndTokensAreRejected() {
    Decision none = authentication.decide(null, "GET");
    assertThat(none).isEqualTo(new Unauthenticated(false, "Access token is empty."));
    assertThat(authentication.decide("  ", "GET")).isEqualTo(none);
    assertThat(rejection(authentication.decide("Basic YWxpY2U6c2VjcmV0", "GET")))
        .contains("Bearer <token>");
    assertThat(rejection(authentication.decide("Bearer", "GET"))).contains("Bearer <token>");
    assertThat(rejection(authentication.decide("Bearer not-a-jwt", "GET")))
        .isEqualTo("The token is not a well-formed signed JWT.");
    assertThat(rejection(authentication.decide("Bearer a.b.c", "GET")))
        .isEqualTo("The token is not a well-formed signed JWT.");
  }

  @Test
  void aTokenWithoutAnyEdiscoveryPermissionIsForbiddenEvenToRead() throws Exception {
    Decision decision = decide(token(c -> c.claim("scp", "User.Read")), "GET");

    assertThat(decision).isInstanceOf(Forbidden.class);
    Forbidden forbidden = (Forbidden) decision;
    assertThat(forbidden.permission()).isEqualTo(Permissions.READ);
    assertThat(forbidden.message())
        .contains("eDiscovery.Read.All or eDiscovery.ReadWrite.All")
        .contains("delegated permission (scp)");
    // The refused caller is known, so that the refusal can be audited under its name.
    assertThat(forbidden.caller().permissions()).containsExactly("User.Read");
  }

  @Test
  void aReadOnlyScopeReadsButCannotWrite() throws Exception {
    String readOnly = token(c -> c.claim("scp", "eDiscovery.Read.All"));

    assertThat(decide(readOnly, "GET")).isInstanceOf(Accepted.class);
    for (String method : List.of("POST", "PATCH", "DELETE", "PUT")) {
      Decision decision = decide(readOnly, method);
      assertThat(decision).isInstanceOf(Forbidden.class);
      assertThat(((Forbidden) decision).permission()).isEqualTo(Permissions.READ_WRITE);
      assertThat(((Forbidden) decision).message())
          .contains(method)
          .contains("eDiscovery.ReadWrite.All");
    }
  }

  @Test
  void anApplicationTokenGrantsByRoles() throws Exception {
    String app =
        token(
            c ->
                c.claim("scp", null)
                    .claim("oid", "sp-oid")
                    .claim("name", null)
                    .claim("roles", List.of("eDiscovery.ReadWrite.All"))
                    .claim("appid", "app-1")
                    .claim("app_displayname", "Review Bot"));

    Decision decision = decide(app, "POST");

    assertThat(decision).isInstanceOf(Accepted.class);
    AuthenticatedCaller caller = ((Accepted) decision).caller();
    assertThat(caller.subject()).isEqualTo("application:app-1");
    assertThat(caller.identity()).isEqualTo(IdentitySet.application("app-1", "Review Bot"));
  }

  @Test
  void aReadRoleDoesNotAllowWritesAndTheMessageSaysRoles() throws Exception {
    String app =
        token(
            c ->
                c.claim("scp", null)
                    .claim("roles", List.of("eDiscovery.Read.All"))
                    .claim("appid", "a"));

    assertThat(decide(app, "GET")).isInstanceOf(Accepted.class);
    Decision decision = decide(app, "POST");
    assertThat(decision).isInstanceOf(Forbidden.class);
    assertThat(((Forbidden) decision).message()).contains("application permission (roles)");
  }

  @Test
  void aDelegatedTokenWithRolesTooIsGrantedTheUnionButStaysAUser() throws Exception {
    String both =
        token(
            c ->
                c.claim("scp", "eDiscovery.Read.All")
                    .claim("roles", List.of("eDiscovery.ReadWrite.All")));
    Decision decision = decide(both, "POST");
    assertThat(decision).isInstanceOf(Accepted.class);
    assertThat(((Accepted) decision).caller().subject()).isEqualTo("user:oid-1");
  }

  @Test
  void aJwkSetSelectsTheKeyByKeyId() throws Exception {
    RSAKey jwk = new RSAKey.Builder((RSAPublicKey) trusted.getPublic()).keyID("k1").build();
    BearerAuthentication byJwks =
        new BearerAuthentication(
            TokenVerifier.forKeys(
                new ImmutableJWKSet<>(new JWKSet(jwk)), ISSUER, Set.of(AUDIENCE), 60));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of("other", AUDIENCE))
                .claim("scp", Permissions.READ)
                .claim("oid", "o")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build());
    jwt.sign(new RSASSASigner((RSAPrivateKey) trusted.getPrivate()));

    assertThat(byJwks.decide("Bearer " + jwt.serialize(), "GET")).isInstanceOf(Accepted.class);
    assertThat(byJwks.decide("Bearer " + token(other, c -> {}), "GET"))
        .isInstanceOf(Unauthenticated.class);
  }
}
