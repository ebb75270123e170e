package org.caseops.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * Signed download grants: the {@code grant} of an export file's {@code downloadUrl}, which lets
 * whoever holds the URL download that one file, without a token, until it expires. A grant is
 * {@code <expiry in epoch seconds>.<HMAC-SHA256 of case id, file id and expiry, base64url>}, signed
 * with a key of 32 random bytes kept in {@code <data dir>/auth/download-grant.key}, made on first
 * use and readable by its owner only. Grants last {@code caseops.download.grant.hours} ({@code
 * CASEOPS_DOWNLOAD_GRANT_HOURS}) hours, 24 by default.
 */
public final class DownloadGrants {
  public static final String KEY_FILE = "download-grant.key";
  public static final String HOURS = CaseopsConfig.DOWNLOAD_GRANT_HOURS.name();
  public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

  /** What a grant is worth for a file. */
  public enum Verdict {
    VALID,
    EXPIRED,
    INVALID
  }

  private final byte[] key;
  private final Duration validity;

  public DownloadGrants(byte[] key, Duration validity) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a download grant key has at least 32 bytes");
    }
    this.key = key.clone();
    this.validity = validity;
  }

  /** The grants of the server: its key in the data directory, its configured validity. */
  public static DownloadGrants fromEnvironment() {
    CaseopsConfig config = CaseopsConfig.current();
    Duration validity = config.downloadGrantValidity();
    try {
      Path folder = DevKeys.folder(config.dataDir());
      return new DownloadGrants(loadOrCreateKey(folder), validity);
    } catch (IOException e) {
      throw new IllegalStateException("the download grant key cannot be read or made", e);
    }
  }

  /** The key in the folder, made (32 random bytes, owner-only) when there is none. */
  public static byte[] loadOrCreateKey(Path folder) throws IOException {
    Path file = folder.resolve(KEY_FILE);
    if (!Files.exists(file)) {
      Files.createDirectories(folder);
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Path temp = folder.resolve(KEY_FILE + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(temp);
      }
      Files.writeString(temp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(temp);
      }
      if (Files.exists(temp)) {
        Files.deleteIfExists(temp);
      }
    }
    return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
  }

  public Duration validity() {
    return validity;
  }

  /** A grant for one file of one case, valid from now for the configured time. */
  public String issue(String caseId, String fileId, Instant now) {
    long expiry = now.plus(validity).getEpochSecond();
    return expiry + "." + sign(caseId, fileId, expiry);
  }

  /** Whether the grant lets its holder download this file of this case now. */
  public Verdict verify(String caseId, String fileId, String grant, Instant now) {
    if (grant == null) {
      return Verdict.INVALID;
    }
    int dot = grant.indexOf('.');
    if (dot <= 0 || dot != grant.lastIndexOf('.')) {
      return Verdict.INVALID;
    }
    long expiry;
    try {
      expiry = Long.parseLong(grant.substring(0, dot));
    } catch (NumberFormatException e) {
      return Verdict.INVALID;
    }
    byte[] expected = sign(caseId, fileId, expiry).getBytes(StandardCharsets.US_ASCII);
    byte[] given = grant.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Verdict.INVALID;
    }
    return now.getEpochSecond() < expiry ? Verdict.VALID : Verdict.EXPIRED;
  }

  private String sign(String caseId, String fileId, long expiry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig =
          mac.doFinal(
              ("caseops-download\n" + caseId + "\n" + fileId + "\n" + expiry)
                  .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
