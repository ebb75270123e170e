package org.caseops.batch.contentexport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The first ZIP part of a production, which holds the load files at its root: they are only whole
 * when every row is written, so the first part is written last. While the export runs, the first
 * part's documents go to a ZIP of their own in the work folder (its body, finished and renamed like
 * any part, so a restart keeps it). At the end, the load files are appended to the body's entries
 * and a central directory that lists them first replaces the body's, which then becomes the first
 * part by a rename ({@link #append}): the body's entries are neither copied nor moved. When the
 * load files do not fit beside them within the part size, the first part is instead written from
 * the load files followed by the body's entries, copied as they are (neither inflated nor
 * compressed again, with Apache Commons Compress), and a document whose entries would take the part
 * past its size limit goes, with the documents after it, to one more part at the end of the
 * production ({@link #assemble}); the load files' paths are relative to the root of every part, so
 * they do not change.
 */
final class FirstPart {
  /**
   * The deflate level of the load files at the root of the first part: zlib's fastest. Their rows
   * compress well at any level; at level 6, as the natives, deflating them (about 1.1 KB of rows a
   * file) took about 0.15 s of CPU more for 10,000 files, a tenth of the job's own, for about 20%
   * less of their compressed size (under 3% of a part of small messages).
   */
  static final int LOAD_FILE_LEVEL = java.util.zip.Deflater.BEST_SPEED;

  /**
   * A document's id in an entry's name: {@code natives/.../DOC0000001_name.eml}; what {@link
   * #docId} finds.
   */
  static final Pattern DOC_ID = Pattern.compile("(?:^|/)(DOC\\d+)[^/]*$");

  /** Bytes a ZIP entry takes besides its name and data (local header, central record, ZIP64). */
  private static final long ENTRY_OVERHEAD = 30 + 46 + 2 * 32 + 16;

  private FirstPart() {}

  /** A part written: its SHA-256 and size. */
  record Written(Path file, String sha256, long size) {}

  /**
   * Writes the first part to {@code target} (through {@code target}'s temporary name in {@code
   * work}): the {@code root} files (name in the part, file) deflated first, then the entries of
   * {@code body}, in order, while they fit in {@code limit} bytes; the rest go to {@code overflow}.
   * Returns the parts written: the first, then the overflow part when there is one.
   */
  static List<Written> assemble(
      Path body,
      Map<String, Path> root,
      Path work,
      Path target,
      Path overflow,
      long limit,
      long time)
      throws IOException {
    List<Written> written = new ArrayList<>();
    Path temporary = work.resolve(target.getFileName() + ".tmp");
    Path overflowTemporary = work.resolve(overflow.getFileName() + ".tmp");
    Files.deleteIfExists(overflowTemporary);
    // The body's local headers are not read as it is opened (each would be one more read): an
    // entry's data is found from its local header when it is copied.
    try (ZipFile source =
        body == null
            ? null
            : ZipFile.builder().setPath(body).setIgnoreLocalFileHeader(true).get()) {
      List<ZipArchiveEntry> entries =
          source == null ? List.of() : Collections.list(source.getEntriesInPhysicalOrder());
      Sink first = new Sink(temporary);
      Sink rest = null;
      try {
        for (Map.Entry<String, Path> file : root.entrySet()) {
          first.addFile(file.getKey(), file.getValue(), time);
        }
        int i = 0;
        while (i < entries.size() && rest == null) {
          int end = documentEnd(entries, i);
          long bytes = 0;
          for (int j = i; j < end; j++) {
            bytes += entries.get(j).getCompressedSize() + overhead(entries.get(j));
          }
          if (first.estimate() + bytes > limit) {
            rest = new Sink(overflowTemporary);
          } else {
            for (int j = i; j < end; j++) {
              first.addRaw(source, entries.get(j));
            }
            i = end;
          }
        }
        for (; i < entries.size(); i++) {
          rest.addRaw(source, entries.get(i));
        }
        written.add(first.finish(target));
        if (rest != null) {
          written.add(rest.finish(overflow));
        }
      } finally {
        first.close();
        if (rest != null) {
          rest.close();
        }
      }
    }
    return written;
  }

  /** End of central directory record: signature, and its size without a comment. */
  private static final int EOCD = 0x06054b50;

  private static final int EOCD_SIZE = 22;

  /** The ZIP64 end of central directory locator's signature, and its size. */
  private static final int ZIP64_LOCATOR = 0x07064b50;

  private static final int ZIP64_LOCATOR_SIZE = 20;

  /** A central directory file header's signature, fixed size and where it keeps the offset. */
  private static final int CENTRAL = 0x02014b50;

  private static final int CENTRAL_SIZE = 46;

  /** Where a ZIP's central directory starts, how long it is, and how many entries it lists. */
  record Directory(long offset, long size, int entries) {}

  /**
   * The central directory of a ZIP without ZIP64 records and without a comment (as java.util.zip
   * writes a part of fewer than 65,535 entries and 4 GiB), or null for any other.
   */
  static Directory directory(FileChannel zip) throws IOException {
    long size = zip.size();
    if (size < EOCD_SIZE) {
      return null;
    }
    ByteBuffer end = ByteBuffer.allocate(EOCD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    readFully(zip, end, size - EOCD_SIZE);
    if (end.getInt(0) != EOCD || end.getShort(20) != 0) {
      return null;
    }
    if (size >= EOCD_SIZE + ZIP64_LOCATOR_SIZE) {
      ByteBuffer locator = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      readFully(zip, locator, size - EOCD_SIZE - ZIP64_LOCATOR_SIZE);
      if (locator.getInt(0) == ZIP64_LOCATOR) {
        return null;
      }
    }
    int entries = Short.toUnsignedInt(end.getShort(10));
    long cdSize = Integer.toUnsignedLong(end.getInt(12));
    long cdOffset = Integer.toUnsignedLong(end.getInt(16));
    if (entries == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
      return null;
    }
    if (cdOffset + cdSize != size - EOCD_SIZE) {
      return null;
    }
    return new Directory(cdOffset, cdSize, entries);
  }

  /**
   * Puts a first part's body back as it was before {@link #append} began on it, from the tail
   * {@code append} kept (the body's central directory and end record, after its offset): whatever
   * was appended is cut off and the tail written again. Does nothing without a tail.
   */
  static void restore(Path body, Path tail) throws IOException {
    if (!Files.exists(tail) || !Files.exists(body)) {
      return;
    }
    byte[] kept = Files.readAllBytes(tail);
    long offset = ByteBuffer.wrap(kept, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    try (FileChannel out = FileChannel.open(body, StandardOpenOption.WRITE)) {
      out.truncate(offset);
      writeFully(out, ByteBuffer.wrap(kept, 8, kept.length - 8), offset);
      out.force(false);
    }
  }

  /**
   * Makes the first part from its body without copying the body's entries: the {@code root} files
   * (name in the part, file) are deflated after the body's entries, a central directory that lists
   * them first and then the body's entries (their records as they were: the entries do not move)
   * replaces the body's own, and the body is renamed to {@code target}. Before the body changes,
   * its central directory is kept in {@code tail} (written to a temporary name and renamed), so
   * that {@link #restore} can put the body back as it was if this is interrupted; a restart calls
   * {@code restore} first, then this again. {@code prefix} is the SHA-256 state of the body's
   * entries, if known (else they are read again for the part's hash). Returns null, the body
   * untouched, when the part would pass {@code limit} bytes or need ZIP64 records ({@link
   * #assemble} then copies).
   */
  static Written append(
      Path body,
      Path tail,
      Map<String, Path> root,
      Path work,
      Path target,
      long limit,
      long time,
      ZipPart.Prefix prefix)
      throws IOException {
    Path rootZip = work.resolve(target.getFileName() + ".root.tmp");
    try (FileChannel out =
        FileChannel.open(body, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      Directory directory = directory(out);
      if (directory == null) {
        return null;
      }
      // The root files as a ZIP of their own, whose entries are then moved behind the body's.
      Files.deleteIfExists(rootZip);
      try (ZipOutputStream zip =
          new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(rootZip), 65536))) {
        zip.setLevel(LOAD_FILE_LEVEL);
        for (Map.Entry<String, Path> file : root.entrySet()) {
          ZipEntry entry = new ZipEntry(file.getKey());
          entry.setTime(time);
          entry.setMethod(ZipEntry.DEFLATED);
          zip.putNextEntry(entry);
          try (InputStream in = Files.newInputStream(file.getValue())) {
            in.transferTo(zip);
          }
          zip.closeEntry();
        }
      }
      try (FileChannel rootIn = FileChannel.open(rootZip, StandardOpenOption.READ)) {
        Directory rootDirectory = directory(rootIn);
        if (rootDirectory == null) {
          return null;
        }
        long entries = (long) directory.entries() + rootDirectory.entries();
        long rootOffset = directory.offset();
        long cdOffset = rootOffset + rootDirectory.offset();
        long cdSize = directory.size() + rootDirectory.size();
        long size = cdOffset + cdSize + EOCD_SIZE;
        if (size > limit || entries >= 0xFFFF || cdOffset >= 0xFFFFFFFFL || cdSize >= 0xFFFFFFFFL) {
          return null;
        }
        // The body's tail, kept before anything of the body changes.
        byte[] bodyTail = keepTail(out, directory, tail);
        MessageDigest sha =
            prefix != null && prefix.length() == directory.offset() ? prefix.copy() : null;
        if (sha == null) {
          sha = ZipPart.sha256();
          hash(out, sha, directory.offset());
        }
        out.truncate(directory.offset());
        long at = directory.offset();
        // The root entries, as they are.
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        for (long from = 0; from < rootDirectory.offset(); ) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), rootDirectory.offset() - from));
          readFully(rootIn, buffer, from);
          buffer.flip();
          from += buffer.remaining();
          at = append(out, sha, buffer, at);
        }
        // The root's directory records, their offsets moved by the body's entries, first.
        ByteBuffer records =
            ByteBuffer.allocate((int) rootDirectory.size()).order(ByteOrder.LITTLE_ENDIAN);
        readFully(rootIn, records, rootDirectory.offset());
        for (int r = 0; r < records.capacity(); ) {
          if (records.getInt(r) != CENTRAL) {
            throw new IOException("the load files' ZIP has an unexpected central directory");
          }
          long local = Integer.toUnsignedLong(records.getInt(r + 42));
          records.putInt(r + 42, (int) (local + rootOffset));
          r +=
              CENTRAL_SIZE
                  + Short.toUnsignedInt(records.getShort(r + 28))
                  + Short.toUnsignedInt(records.getShort(r + 30))
                  + Short.toUnsignedInt(records.getShort(r + 32));
        }
        at = append(out, sha, records.clear(), at);
        // The body's records as they were: its entries have not moved.
        at = append(out, sha, ByteBuffer.wrap(bodyTail, 0, (int) directory.size()), at);
        ByteBuffer end = ByteBuffer.allocate(EOCD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(EOCD).putShort((short) 0).putShort((short) 0);
        end.putShort((short) entries).putShort((short) entries);
        end.putInt((int) cdSize).putInt((int) cdOffset).putShort((short) 0);
        at = append(out, sha, end.flip(), at);
        if (at != size) {
          throw new IOException("the first part has " + at + " bytes, not " + size);
        }
        out.force(false);
        String hex = HexFormat.of().formatHex(sha.digest());
        out.close();
        Files.move(
            body, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(tail);
        return new Written(target, hex, size);
      }
    } finally {
      Files.deleteIfExists(rootZip);
    }
  }

  /**
   * Keeps a ZIP's central directory and end record, after their offset, in {@code tail} (through a
   * temporary name), what {@link #restore} needs; returns them.
   */
  static byte[] keepTail(FileChannel zip, Directory directory, Path tail) throws IOException {
    ByteBuffer kept = ByteBuffer.allocate((int) (8 + directory.size() + EOCD_SIZE));
    kept.order(ByteOrder.LITTLE_ENDIAN).putLong(0, directory.offset()).position(8);
    readFully(zip, kept, directory.offset());
    Path temporary = tail.resolveSibling(tail.getFileName() + ".tmp");
    try (FileChannel t =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(t, ByteBuffer.wrap(kept.array()), 0);
      t.force(false);
    }
    Files.move(
        temporary, tail, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return java.util.Arrays.copyOfRange(kept.array(), 8, kept.capacity());
  }

  /** Writes the buffer's bytes at {@code at}, hashed; returns the position after them. */
  private static long append(FileChannel out, MessageDigest sha, ByteBuffer bytes, long at)
      throws IOException {
    sha.update(bytes.duplicate());
    int n = bytes.remaining();
    writeFully(out, bytes, at);
    return at + n;
  }

  /** Hashes a file's first {@code length} bytes. */
  private static void hash(FileChannel in, MessageDigest sha, long length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(65536);
    for (long from = 0; from < length; ) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), length - from));
      readFully(in, buffer, from);
      buffer.flip();
      from += buffer.remaining();
      sha.update(buffer);
    }
  }

  private static void readFully(FileChannel in, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = in.read(buffer, at);
      if (n < 0) {
        throw new IOException("the ZIP ends before byte " + at);
      }
      at += n;
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += out.write(buffer, at);
    }
  }

  /** The index after the last entry of the document whose first entry is at {@code from}. */
  private static int documentEnd(List<ZipArchiveEntry> entries, int from) {
    String doc = docId(entries.get(from).getName());
    int end = from + 1;
    while (end < entries.size() && doc != null && doc.equals(docId(entries.get(end).getName()))) {
      end++;
    }
    return end;
  }

  static String docId(String entryName) {
    // What DOC_ID finds, without a regular expression: this runs twice an entry.
    int start = entryName.lastIndexOf('/') + 1;
    if (!entryName.startsWith("DOC", start)) {
      return null;
    }
    int end = start + 3;
    while (end < entryName.length()
        && entryName.charAt(end) >= '0'
        && entryName.charAt(end) <= '9') {
      end++;
    }
    return end > start + 3 ? entryName.substring(start, end) : null;
  }

  private static long overhead(ZipArchiveEntry entry) {
    return ENTRY_OVERHEAD + 2L * entry.getName().getBytes(StandardCharsets.UTF_8).length;
  }

  /** One ZIP being written to a temporary file, hashed and counted as it is. */
  private static final class Sink implements AutoCloseable {
    private final Path temporary;
    private final MessageDigest digest = ZipPart.sha256();
    private final ZipArchiveOutputStream zip;
    private long central = 22;
    private boolean finished;

    Sink(Path temporary) throws IOException {
      this.temporary = temporary;
      Files.deleteIfExists(temporary);
      OutputStream out =
          new BufferedOutputStream(
              new DigestOutputStream(Files.newOutputStream(temporary), digest), 65536);
      zip = new ZipArchiveOutputStream(out);
      zip.setUseZip64(Zip64Mode.AsNeeded);
      // Only the load files are deflated here; the documents' entries are copied as they are.
      zip.setLevel(LOAD_FILE_LEVEL);
    }

    /** Bytes the part would take if it were finished now. */
    long estimate() {
      return zip.getBytesWritten() + central;
    }

    void addFile(String name, Path file, long time) throws IOException {
      ZipArchiveEntry entry = new ZipArchiveEntry(name);
      entry.setTime(time);
      entry.setMethod(ZipArchiveEntry.DEFLATED);
      entry.setSize(Files.size(file));
      zip.putArchiveEntry(entry);
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(zip);
      }
      zip.closeArchiveEntry();
      central += overhead(entry) / 2;
    }

    void addRaw(ZipFile source, ZipArchiveEntry entry) throws IOException {
      try (InputStream raw = source.getRawInputStream(entry)) {
        zip.addRawArchiveEntry(entry, raw);
      }
      central += overhead(entry) / 2;
    }

    Written finish(Path target) throws IOException {
      zip.finish();
      zip.close();
      finished = true;
      long size = Files.size(temporary);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Written(target, HexFormat.of().formatHex(digest.digest()), size);
    }

    @Override
    public void close() throws IOException {
      if (!finished) {
        try {
          zip.close();
        } catch (IOException ignored) {
          // The part is abandoned anyway.
        }
        Files.deleteIfExists(temporary);
      }
    }
  }
}
