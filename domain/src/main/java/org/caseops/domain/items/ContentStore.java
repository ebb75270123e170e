package org.caseops.domain.items;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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

  /**
   * Stores the content of {@code file} for the case as a hard link to the file itself rather than a
   * copy of its bytes, where the store's file system allows: the link is made under a temporary
   * name, its bytes are read once to check that their SHA-256 is the expected one, and it is then
   * moved into place. When the case already holds that content, nothing is linked or read. A linked
   * copy shares its bytes with the file: removing or renaming the file, or replacing it with
   * another, leaves the copy as it was, but bytes written into the file in place would reach it.
   *
   * @return whether the content is now stored; false, with nothing stored, when no link can be made
   *     (another file system, one without hard links, or no permission), so that the caller copies
   *     the bytes instead
   * @throws ContentMismatchException when the file's bytes have another SHA-256 (nothing is stored)
   */
  default boolean link(String caseId, String expectedSha256, Path file) throws IOException {
    return contains(caseId, expectedSha256);
  }

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
