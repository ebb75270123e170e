package org.caseops.domain.items;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The case's own copies of content, addressed by their SHA-256 and stored once per case however
 * many review sets hold them.
 */
public interface ContentStore {
  /** Whether the case holds content with this SHA-256. */
  boolean contains(String caseId, String sha256);

  /**
   * Stores the stream's bytes for the case unless content with the same SHA-256 is there already,
   * and returns their SHA-256 (lower-case hex). The stream is read to its end and not closed. A
   * copy appears whole or not at all.
   */
  String put(String caseId, InputStream content) throws IOException;

  /**
   * Stores the stream's bytes for the case as {@link #put(String, InputStream)} does, checking that
   * their SHA-256 is the expected one; when the case already holds that content the stream is not
   * read at all.
   *
   * @throws ContentMismatchException when the bytes have another SHA-256 (nothing is stored)
   */
  void put(String caseId, String expectedSha256, InputStream content) throws IOException;

  /** The stored content, if the case holds it; the caller closes the stream. */
  Optional<InputStream> open(String caseId, String sha256) throws IOException;

  /** The size of the stored content, if the case holds it. */
  Optional<Long> size(String caseId, String sha256) throws IOException;

  /**
   * Removes the case's copy of this content, if it holds one. Only the caller knows that nothing
   * needs it any more (no hold preserves it, no review-set file holds it).
   */
  void delete(String caseId, String sha256) throws IOException;

  /** Removes every copy the case holds. */
  void deleteCase(String caseId) throws IOException;
}
