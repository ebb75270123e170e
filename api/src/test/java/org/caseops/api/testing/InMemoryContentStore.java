package org.caseops.api.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.items.ContentMismatchException;
import org.caseops.domain.items.ContentStore;

/** Content in a map keyed by case and SHA-256. */
public class InMemoryContentStore implements ContentStore {
  public final Map<String, byte[]> stored = new LinkedHashMap<>();

  /** When set, {@link #open} throws it. */
  public IOException openFailure;

  @Override
  public boolean contains(String caseId, String sha256) {
    return stored.containsKey(caseId + "/" + sha256);
  }

  @Override
  public String put(String caseId, InputStream content) throws IOException {
    byte[] bytes = content.readAllBytes();
    String sha;
    try {
      sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    stored.putIfAbsent(caseId + "/" + sha, bytes);
    return sha;
  }

  @Override
  public void put(String caseId, String expectedSha256, InputStream content) throws IOException {
    if (contains(caseId, expectedSha256)) {
      return;
    }
    byte[] bytes = content.readAllBytes();
    String sha;
    try {
      sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (!sha.equals(expectedSha256)) {
      throw new ContentMismatchException(expectedSha256, sha);
    }
    stored.put(caseId + "/" + sha, bytes);
  }

  @Override
  public Optional<InputStream> open(String caseId, String sha256) throws IOException {
    if (openFailure != null) {
      throw openFailure;
    }
    byte[] bytes = stored.get(caseId + "/" + sha256);
    return bytes == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(bytes));
  }

  @Override
  public Optional<Long> size(String caseId, String sha256) {
    byte[] bytes = stored.get(caseId + "/" + sha256);
    return bytes == null ? Optional.empty() : Optional.of((long) bytes.length);
  }

  @Override
  public void delete(String caseId, String sha256) {
    stored.remove(caseId + "/" + sha256);
  }

  @Override
  public void deleteCase(String caseId) {
    stored.keySet().removeIf(k -> k.startsWith(caseId + "/"));
  }
}
