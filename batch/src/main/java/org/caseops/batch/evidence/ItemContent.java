package org.caseops.batch.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.domain.custodians.SourceKind;

/**
 * Reads catalogued items' bytes again from their source folders, by their locations: a file ({@code
 * path}), or one message of an mbox file ({@code path#offset}), un-quoted as {@link MboxSplitter}
 * catalogued it. An instance remembers the real paths of the files it has checked lately (at most
 * {@link #REMEMBERED}), so that the many messages of one mbox cost one check; make one per step,
 * and share it between threads as needed.
 */
public final class ItemContent {
  private static final Pattern MBOX_MESSAGE = Pattern.compile("(.+)#(\\d+)");

  /**
   * Read beyond a message's own size: its From_ line, quoting, and the next From_ line that ends
   * it.
   */
  private static final int MBOX_READ_SLACK = 2 * 1024;

  private static final int MBOX_READ_LIMIT = 64 * 1024;

  /** At most this many real paths are remembered, the least recently used forgotten first. */
  static final int REMEMBERED = 1024;

  /**
   * The real paths checked lately: bounded, because a job that reads a file per item (a search
   * export of 100,000 messages in .eml files) would otherwise keep one entry per file to its end.
   */
  private final Map<Path, Path> realFiles =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Path> eldest) {
              return size() > REMEMBERED;
            }
          });

  /** How many real paths are remembered (for tests). */
  int remembered() {
    return realFiles.size();
  }

  /**
   * Whether the item at this location of a source of this kind is a message (rather than a
   * document).
   */
  public static boolean isMessage(SourceKind kind, String location) {
    if (kind != SourceKind.USER) {
      return false;
    }
    if (MBOX_MESSAGE.matcher(location).matches()) {
      return true;
    }
    String name = location.toLowerCase(Locale.ROOT);
    return name.endsWith(".eml") || name.endsWith(".msg");
  }

  /** The file name of the item at this location (an mbox message has its mbox file's name). */
  public static String fileName(String location) {
    Matcher m = MBOX_MESSAGE.matcher(location);
    String path = m.matches() ? m.group(1) : location;
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /**
   * Opens the item's bytes; the caller closes the stream. {@code size} is the catalogued size (0
   * when unknown), so that a message is read with little more than its own bytes.
   *
   * @throws IOException saying why when the folder, the file or the message cannot be read (any
   *     more)
   */
  public InputStream open(SourceFolder folder, String location, long size, long maxMessageBytes)
      throws IOException {
    if (!folder.readable()) {
      throw new IOException("the source folder cannot be read: " + folder.problem());
    }
    Path file = resolve(folder, location);
    if (file != null) {
      return Files.newInputStream(file);
    }
    Matcher m = MBOX_MESSAGE.matcher(location);
    if (!m.matches() || (file = resolve(folder, m.group(1))) == null) {
      throw new IOException(location + " no longer exists");
    }
    long offset = Long.parseLong(m.group(2));
    int readSize =
        size > 0 && size < MBOX_READ_LIMIT ? (int) size + MBOX_READ_SLACK : MBOX_READ_LIMIT;
    InputStream in = Files.newInputStream(file);
    try (MboxSplitter splitter = new MboxSplitter(in, offset, maxMessageBytes, readSize)) {
      in.skipNBytes(offset);
      MboxSplitter.Message message = splitter.next();
      if (message == null || message.offset() != offset) {
        throw new IOException(location + ": no message starts at that offset any more");
      }
      if (message.tooLarge()) {
        throw new IOException(
            location + ": the message is larger than " + maxMessageBytes + " bytes");
      }
      return new ByteArrayInputStream(message.content());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The file that holds the whole item at this location, or {@code null} when the item is a message
   * inside an mbox file (or its file is gone).
   *
   * @throws IOException when the folder cannot be read, or the file lies outside the evidence root
   */
  public Path wholeFile(SourceFolder folder, String location) throws IOException {
    if (!folder.readable()) {
      throw new IOException("the source folder cannot be read: " + folder.problem());
    }
    return resolve(folder, location);
  }

  /** The regular file at the relative path inside the folder, or {@code null}. */
  private Path resolve(SourceFolder folder, String relativePath) throws IOException {
    Path candidate = folder.folder().resolve(relativePath).normalize();
    Path known = realFiles.get(candidate);
    if (known != null) {
      return known;
    }
    if (!candidate.startsWith(folder.folder())
        || !Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(folder.root())) {
      throw new IOException(relativePath + " lies outside the evidence root");
    }
    realFiles.put(candidate, real);
    return real;
  }
}
