package org.caseops.batch.contentexport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One ZIP part being written: to a temporary file, renamed to its final name only when it is
 * complete, so that no file that looks whole is ever partial. java.util.zip writes ZIP64 records
 * when the part or an entry needs them. The part's own SHA-256 and size are known when it is done.
 * Every entry carries the same given time, so that a part written again (a restarted export) has
 * the same bytes.
 */
public final class ZipPart implements AutoCloseable {
  private final Path temporary;
  private final Path target;
  private final MessageDigest digest;
  private final Counting counting;
  private final ZipOutputStream zip;
  private final long entryTime;
  private int entries;
  private Prefix entriesDigest;

  /** A part whose entries are all dated {@code entryTime} (milliseconds since the epoch). */
  public ZipPart(Path temporary, Path target, long entryTime) throws IOException {
    this(temporary, target, entryTime, true);
  }

  /**
   * A part whose entries are all dated {@code entryTime}; without {@code hashed}, its own SHA-256
   * is not computed (a ZIP whose entries are copied into another, which is hashed as it is
   * written).
   */
  public ZipPart(Path temporary, Path target, long entryTime, boolean hashed) throws IOException {
    this.temporary = temporary;
    this.target = target;
    this.entryTime = entryTime;
    this.digest = hashed ? sha256() : null;
    Files.deleteIfExists(temporary);
    OutputStream file = Files.newOutputStream(temporary);
    counting = new Counting(hashed ? new DigestOutputStream(file, digest) : file);
    zip = new ZipOutputStream(counting);
  }

  /** Bytes written so far (compressed entries count as they are flushed). */
  public long written() {
    return counting.count;
  }

  public int entries() {
    return entries;
  }

  /**
   * Adds an entry whose size and CRC-32 are known: stored as is ({@code store}) or deflated. The
   * stream's bytes are hashed with SHA-256 as they are copied; the hash is returned.
   */
  public String add(String name, InputStream content, long size, long crc, boolean store)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(entryTime);
    if (store) {
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(size);
      entry.setCompressedSize(size);
      entry.setCrc(crc);
    } else {
      entry.setMethod(ZipEntry.DEFLATED);
    }
    zip.putNextEntry(entry);
    MessageDigest sha = sha256();
    byte[] buffer = new byte[65536];
    long copied = 0;
    int n;
    while ((n = content.read(buffer)) > 0) {
      sha.update(buffer, 0, n);
      zip.write(buffer, 0, n);
      copied += n;
    }
    zip.closeEntry();
    if (copied != size) {
      throw new IOException(name + " changed while it was written: " + copied + " bytes");
    }
    entries++;
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Adds a deflated entry from bytes in memory. */
  public void add(String name, byte[] content) throws IOException {
    add(name, content, false);
  }

  /**
   * Adds an entry from bytes in memory, stored as they are ({@code store}) or deflated, in one
   * write: their hash is the caller's to check, and the CRC-32 is computed here only for a stored
   * entry (the ZIP writer computes a deflated entry's as it compresses).
   */
  public void add(String name, byte[] content, boolean store) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(entryTime);
    if (store) {
      CRC32 crc = new CRC32();
      crc.update(content);
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(content.length);
      entry.setCompressedSize(content.length);
      entry.setCrc(crc.getValue());
    } else {
      entry.setMethod(ZipEntry.DEFLATED);
    }
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
    entries++;
  }

  /**
   * The SHA-256 of the part's entries alone (its bytes before the central directory), when it is
   * hashed and finished: a state that more bytes can be added to (a ZIP whose central directory is
   * replaced); null before.
   */
  public Prefix entriesDigest() {
    return entriesDigest;
  }

  /** The SHA-256 state of a file's first {@code length} bytes. */
  public record Prefix(MessageDigest state, long length) {
    /** A copy that more bytes can be added to, leaving this one as it is. */
    public MessageDigest copy() {
      try {
        return (MessageDigest) state.clone();
      } catch (CloneNotSupportedException e) {
        return null;
      }
    }
  }

  /** Finishes the ZIP and renames it to its final name; returns its SHA-256 (null unhashed). */
  public String finish() throws IOException {
    if (digest != null) {
      // Every entry is whole in the file once the last is closed: what the digest has seen now is
      // the part up to its central directory.
      counting.flush();
      try {
        entriesDigest = new Prefix((MessageDigest) digest.clone(), counting.count);
      } catch (CloneNotSupportedException e) {
        entriesDigest = null;
      }
    }
    zip.finish();
    zip.close();
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return digest == null ? null : HexFormat.of().formatHex(digest.digest());
  }

  /** Closes without finishing: the temporary file is removed. */
  @Override
  public void close() throws IOException {
    try {
      zip.close();
    } catch (IOException ignored) {
      // The part is abandoned anyway.
    }
    Files.deleteIfExists(temporary);
  }

  private static final Set<String> COMPRESSED =
      Set.of(
          "pdf", "zip", "gz", "tgz", "7z", "rar", "bz2", "xz", "docx", "docm", "dotx", "xlsx",
          "xlsm", "xltx", "pptx", "pptm", "potx", "ppsx", "vsdx", "odt", "ods", "odp", "epub",
          "jar", "jpg", "jpeg", "png", "gif", "webp", "heic", "tif", "tiff", "mp3", "m4a", "aac",
          "ogg", "oga", "opus", "flac", "wma", "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv");

  /**
   * Whether a native of this extension (lower case) and media type is compressed already (PDF, ZIP,
   * Office Open XML and OpenDocument, images, audio, video), so that it is stored, not deflated.
   */
  public static boolean alreadyCompressed(String extension, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return COMPRESSED.contains(extension)
        || type.startsWith("image/")
        || type.startsWith("audio/")
        || type.startsWith("video/")
        || type.equals("application/pdf")
        || type.equals("application/zip");
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Counts and buffers what the ZIP writer writes, without a lock: java.util.zip writes every
   * header and central directory record a byte at a time, and a {@link
   * java.io.BufferedOutputStream} takes its lock for each.
   */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private final byte[] buffer = new byte[65536];
    private int buffered;
    long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      if (buffered == buffer.length) {
        drain();
      }
      buffer[buffered++] = (byte) b;
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len >= buffer.length) {
        drain();
        out.write(b, off, len);
      } else {
        if (len > buffer.length - buffered) {
          drain();
        }
        System.arraycopy(b, off, buffer, buffered, len);
        buffered += len;
      }
      count += len;
    }

    private void drain() throws IOException {
      if (buffered > 0) {
        out.write(buffer, 0, buffered);
        buffered = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      drain();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
      } finally {
        out.close();
      }
    }
  }
}
