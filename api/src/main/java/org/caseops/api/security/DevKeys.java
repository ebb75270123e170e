package org.caseops.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development key pair of a server without a configured issuer: RSA 2048, kept in {@code <data
 * dir>/auth/} as {@code dev-private-key.pem} (readable by its owner only) and {@code
 * dev-public-key.pem}. Tokens it signs carry issuer {@code caseops-local} and audience {@code
 * caseops}.
 */
public final class DevKeys {
  public static final String ISSUER = "caseops-local";
  public static final String AUDIENCE = "caseops";
  public static final String PRIVATE_KEY_FILE = "dev-private-key.pem";
  public static final String PUBLIC_KEY_FILE = "dev-public-key.pem";

  /** The user that development tokens name unless told otherwise. */
  public static final String DEFAULT_USER = "Local developer";

  private final RSAPrivateCrtKey privateKey;
  private final RSAPublicKey publicKey;

  private DevKeys(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
    this.privateKey = privateKey;
    this.publicKey = Pem.publicKeyOf(privateKey);
  }

  /** The folder of the development key under a data directory. */
  public static Path folder(Path dataDir) {
    return dataDir.resolve("auth");
  }

  /** The key pair in {@code folder}, made there first if there is none. */
  public static DevKeys loadOrCreate(Path folder) throws IOException, GeneralSecurityException {
    Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
    if (!Files.exists(privateFile)) {
      create(folder);
    }
    return load(folder);
  }

  /** The key pair in {@code folder}; fails when there is none. */
  public static DevKeys load(Path folder) throws IOException, GeneralSecurityException {
    Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
    if (!Files.isRegularFile(privateFile)) {
      throw new IOException("no development key at " + privateFile);
    }
    return new DevKeys(Pem.readPrivateKey(Files.readString(privateFile)));
  }

  private static void create(Path folder) throws IOException, GeneralSecurityException {
    Files.createDirectories(folder);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    Path temp = folder.resolve(PRIVATE_KEY_FILE + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temp);
      temp.toFile().setReadable(false, false);
      temp.toFile().setWritable(false, false);
      temp.toFile().setReadable(true, true);
      temp.toFile().setWritable(true, true);
    }
    Files.writeString(temp, Pem.write(key), StandardCharsets.US_ASCII);
    try {
      // Another process that made a key at the same moment wins; its key is kept.
      Files.move(temp, folder.resolve(PRIVATE_KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      if (!Files.exists(folder.resolve(PRIVATE_KEY_FILE))) {
        throw e;
      }
    }
    DevKeys made = load(folder);
    Files.writeString(
        folder.resolve(PUBLIC_KEY_FILE), Pem.write(made.publicKey), StandardCharsets.US_ASCII);
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** A verifier for tokens this key signed. */
  public TokenVerifier verifier(int clockSkewSeconds) {
    return TokenVerifier.forKey(publicKey, ISSUER, java.util.Set.of(AUDIENCE), clockSkewSeconds);
  }

  /**
   * A delegated token for a user, granting {@code scopes} (space-separated) for {@code validity}.
   */
  public String userToken(String userName, String scopes, Duration validity) {
    String oid =
        UUID.nameUUIDFromBytes(("caseops-local-user:" + userName).getBytes(StandardCharsets.UTF_8))
            .toString();
    return sign(
        claims(validity)
            .subject(oid)
            .claim("oid", oid)
            .claim("name", userName)
            .claim("scp", scopes)
            .claim("azp", "caseops-local-cli")
            .build());
  }

  /** An application token for a client, granting {@code roles} for {@code validity}. */
  public String applicationToken(String applicationName, List<String> roles, Duration validity) {
    String appId =
        UUID.nameUUIDFromBytes(
                ("caseops-local-app:" + applicationName).getBytes(StandardCharsets.UTF_8))
            .toString();
    return sign(
        claims(validity)
            .subject(appId)
            .claim("appid", appId)
            .claim("app_displayname", applicationName)
            .claim("roles", roles)
            .build());
  }

  private static JWTClaimsSet.Builder claims(Duration validity) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(validity)))
        .jwtID(UUID.randomUUID().toString());
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(privateKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("the development key cannot sign", e);
    }
  }
}
