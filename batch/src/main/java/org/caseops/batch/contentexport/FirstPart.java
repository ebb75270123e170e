package org.caseops.batch.contentexport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The first ZIP part of a production, which holds the load files at its root: they are only whole
 * when every row is written, so the first part is written last. While the export runs, the first
 * part's documents go to a ZIP of their own in the work folder (its body, finished and renamed like
 * any part, so a restart keeps it). At the end, the first part is written from the load files
 * followed by the body's entries, copied as they are (neither inflated nor compressed again, with
 * Apache Commons Compress). A document whose entries would take the part past its size limit goes,
 * with the documents after it, to one more part at the end of the production; the load files' paths
 * are relative to the root of every part, so they do not change.
 */
final class FirstPart {
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
