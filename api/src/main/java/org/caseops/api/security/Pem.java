package org.caseops.api.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads and writes RSA keys as PEM text: public keys as {@code PUBLIC KEY} (X.509), private keys as
 * PKCS#8.
 */
public final class Pem {
  private static final String PUBLIC = "PUBLIC KEY";
  private static final String PRIVATE = "PRIVATE KEY";

  private Pem() {}

  public static RSAPublicKey readPublicKey(String pem) throws GeneralSecurityException {
    byte[] der = body(pem, PUBLIC);
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }

  public static RSAPrivateCrtKey readPrivateKey(String pem) throws GeneralSecurityException {
    byte[] der = body(pem, PRIVATE);
    return (RSAPrivateCrtKey)
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  /** The public half of a private key. */
  public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
  }

  public static String write(RSAPublicKey key) {
    return text(PUBLIC, key.getEncoded());
  }

  public static String write(RSAPrivateCrtKey key) {
    return text(PRIVATE, key.getEncoded());
  }

  private static String text(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] body(String pem, String type) throws GeneralSecurityException {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new GeneralSecurityException(
          "no '" + begin + "' block (an RSA key in PEM form is expected)");
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("the '" + type + "' block is not valid Base64", e);
    }
  }
}
