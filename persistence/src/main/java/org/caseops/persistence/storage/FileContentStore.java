package org.caseops.persistence.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.domain.items.ContentMismatchException;
import org.caseops.domain.items.ContentStore;

/**
 * The {@link ContentStore} on the file system: {@code <data
 * dir>/content/<caseId>/<sha[0..2]>/<sha>}. A copy is written to a temporary file (in its own
 * folder when the hash is known, else in the case's folder) while its SHA-256 is computed, then
 * moved into place atomically, so a reader never sees half a copy; copies of the same content made
 * at once end as one. A file on the same file system can be stored as a hard link to it instead
 * ({@link #link}): made under a temporary name, its bytes read once to check their SHA-256, then
 * moved into place the same way. A deleted case loses its copies.
 */
@ApplicationScoped
public class FileContentStore implements ContentStore {
  private static final Logger LOG = Logger.getLogger(FileContentStore.class.getName());
  private static final String TEMP_SUFFIX = ".part";
  private static final int COPY_BUFFER = 16 * 1024;
  private static final int HASH_BUFFER = 64 * 1024;

  /** The folder of the case's copies. */
  public static Path caseDir(String caseId) {
    return CaseopsPaths.contentDir(caseId);
  }

  private static Path path(String caseId, String sha256) {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return caseDir(caseId).resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  /**
   * Whether the value is 64 lower-case hex digits. Checked by hand: it is checked for every copy a
   * job reads, and a regular expression's matcher was about 4% of a production's own CPU on small
   * messages.
   */
  static boolean isSha256(String value) {
    if (value == null || value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean contains(String caseId, String sha256) {
    return Files.isRegularFile(path(caseId, sha256), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public String put(String caseId, InputStream content) throws IOException {
    return store(caseId, null, content);
  }

  @Override
  public void put(String caseId, String expectedSha256, InputStream content) throws IOException {
    if (contains(caseId, expectedSha256)) {
      return;
    }
    store(caseId, expectedSha256, content);
  }

  @Override
  public boolean link(String caseId, String expectedSha256, Path file) throws IOException {
    Path target = path(caseId, expectedSha256);
    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    Path temp = target.resolveSibling(tempName());
    try {
      try {
        Files.createLink(temp, file);
      } catch (NoSuchFileException e) {
        Files.createDirectories(temp.getParent());
        // Fails with NoSuchFileException again when the file is gone: then nothing can be stored.
        Files.createLink(temp, file);
      }
    } catch (NoSuchFileException e) {
      throw e;
    } catch (FileSystemException | UnsupportedOperationException e) {
      // Another file system (EXDEV), one without hard links, or links not permitted (EPERM): the
      // caller copies.
      LOG.log(Level.FINE, () -> "no hard link to " + file + ": " + e);
      return false;
    }
    boolean moved = false;
    try {
      String sha = sha256Of(temp);
      if (!expectedSha256.equals(sha)) {
        throw new ContentMismatchException(expectedSha256, sha);
      }
      move(temp, target);
      moved = true;
      return true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** The SHA-256 of a file's bytes, read once. */
  private static String sha256Of(Path file) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[HASH_BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String tempName() {
    return "put-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX;
  }

  private String store(String caseId, String expected, InputStream content) throws IOException {
    // With the hash known, the temporary file is made next to its copy: files made at once in one
    // folder wait for each other, and the copies are spread over 256 folders. Folders are made when
    // a file cannot be made without them, so that a copy costs no look-ups: one create, the writes,
    // one rename.
    Path folder = expected == null ? caseDir(caseId) : path(caseId, expected).getParent();
    Path temp = folder.resolve(tempName());
    boolean moved = false;
    try {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[COPY_BUFFER];
      try (OutputStream out = create(temp)) {
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      String sha = HexFormat.of().formatHex(digest.digest());
      if (expected != null && !expected.equals(sha)) {
        throw new ContentMismatchException(expected, sha);
      }
      // Copies of the same content made at once replace each other with the same bytes.
      Path target = path(caseId, sha);
      try {
        move(temp, target);
      } catch (NoSuchFileException e) {
        Files.createDirectories(target.getParent());
        move(temp, target);
      }
      moved = true;
      return sha;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** A new file to write, made with its folders when they do not exist yet. */
  private static OutputStream create(Path file) throws IOException {
    try {
      return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      Files.createDirectories(file.getParent());
      return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public Optional<InputStream> open(String caseId, String sha256) throws IOException {
    Path file = path(caseId, sha256);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(Files.newInputStream(file));
  }

  @Override
  public Optional<Long> size(String caseId, String sha256) throws IOException {
    Path file = path(caseId, sha256);
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(Files.size(file))
        : Optional.empty();
  }

  @Override
  public void delete(String caseId, String sha256) throws IOException {
    Files.deleteIfExists(path(caseId, sha256));
  }

  @Override
  public void deleteCase(String caseId) throws IOException {
    Path folder = caseDir(caseId);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Removes the copies of a deleted case. */
  void onCaseDeleted(@Observes CaseDeleted deleted) {
    try {
      deleteCase(deleted.caseId());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not remove the content copies of case " + deleted.caseId(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
