package org.caseops.reliability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Read-write tokens for many users of a server in development mode, signed with the development key
 * the server keeps in {@code <data dir>/auth/dev-private-key.pem} (as {@code bin/token} signs
 * them): each user is a client of its own for the server's throttling.
 */
final class Tokens {
  private final PrivateKey key;

  Tokens(Path dataDir) throws IOException, GeneralSecurityException {
    String pem =
        Files.readString(dataDir.resolve("auth/dev-private-key.pem"), StandardCharsets.US_ASCII);
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  String user(String name) {
    String oid =
        UUID.nameUUIDFromBytes(("caseops-local-user:" + name).getBytes(StandardCharsets.UTF_8))
            .toString();
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("caseops-local")
            .audience("caseops")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plus(Duration.ofHours(8))))
            .jwtID(UUID.randomUUID().toString())
            .subject(oid)
            .claim("oid", oid)
            .claim("name", name)
            .claim("scp", "eDiscovery.ReadWrite.All")
            .claim("azp", "caseops-reliability")
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
