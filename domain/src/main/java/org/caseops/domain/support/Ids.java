package org.caseops.domain.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Identifier rules: GUIDs for cases, custodians and sources; 32 lowercase hex characters for
 * operations and items.
 */
public final class Ids {
  private Ids() {}

  public static String newGuid() {
    return UUID.randomUUID().toString();
  }

  public static String newHex32() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * A stable 32-hex id derived from the given parts, so that the same source location always names
   * the same item, whichever run or restart catalogues it.
   */
  public static String stableHex32(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
