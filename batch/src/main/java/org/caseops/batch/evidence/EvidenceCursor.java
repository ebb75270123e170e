package org.caseops.batch.evidence;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.caseops.domain.custodians.SourceKind;

/**
 * Reads the items of a case's sources one after the other, in a stable order (sources in the given
 * order, files in {@link EvidenceWalk} order, messages in file order), starting after a position. A
 * mailbox source holds messages ({@code .eml} and {@code .msg} files, one message each; {@code
 * .mbox} files and extension-less files that start with {@code "From "}, split into messages) and
 * documents (any other file); a site source holds documents. An item is read into memory only up to
 * {@code maxItemBytes}; a larger one is streamed through SHA-256 and reported too large.
 */
public final class EvidenceCursor implements Closeable {
  private static final Set<String> MESSAGE_FILES = Set.of("eml", "msg");

  private final List<SourceFolder> folders;
  private final long maxItemBytes;
  private EvidencePosition resumeAt;
  private int sourceIndex;
  private EvidenceWalk walk;
  private long bytesRead;

  private MboxSplitter mbox;
  private EvidenceFile mboxFile;
  private long mboxBase;

  public EvidenceCursor(
      List<SourceFolder> folders, EvidencePosition start, long bytesRead, long maxItemBytes) {
    this.folders = folders;
    this.resumeAt = start;
    this.sourceIndex = start == null ? 0 : start.sourceIndex();
    this.bytesRead = bytesRead;
    this.maxItemBytes = maxItemBytes;
  }

  /** The next item, or {@code null} when every source has been read. */
  public EvidenceItem next() {
    while (true) {
      if (mbox != null) {
        EvidenceItem message = nextMessage();
        if (message != null) {
          return message;
        }
        continue;
      }
      if (sourceIndex >= folders.size()) {
        return null;
      }
      SourceFolder folder = folders.get(sourceIndex);
      if (walk == null) {
        if (!folder.readable()) {
          nextSource();
          continue;
        }
        String startAt =
            resumeAt != null && resumeAt.sourceIndex() == sourceIndex ? resumeAt.path() : null;
        try {
          walk = new EvidenceWalk(folder.root(), folder.folder(), startAt);
        } catch (IOException e) {
          EvidenceItem problem =
              problem(folder, "", "the source folder cannot be listed: " + e.getMessage());
          nextSource();
          return problem;
        }
      }
      EvidenceFile file = walk.next();
      if (file == null) {
        nextSource();
        continue;
      }
      EvidenceItem item = open(folder, file);
      if (item != null) {
        return item;
      }
    }
  }

  private void nextSource() {
    walk = null;
    sourceIndex++;
    resumeAt = null;
  }

  /** Reads a whole-file item, or starts splitting an mbox file (and returns {@code null}). */
  private EvidenceItem open(SourceFolder folder, EvidenceFile file) {
    boolean resuming = resumeAt != null && resumeAt.path().equals(file.relativePath());
    long resumeOffset = resuming ? resumeAt.nextOffset() : 0;
    resumeAt = null;
    EvidencePosition whole = new EvidencePosition(sourceIndex, file.relativePath(), -1);
    if (file.problem() != null) {
      return resuming ? null : problem(folder, file.relativePath(), file.problem());
    }
    boolean mailbox = folder.source().getKind() == SourceKind.USER;
    try {
      if (mailbox && isMbox(file)) {
        if (resuming && resumeOffset < 0) {
          return null;
        }
        InputStream in = Files.newInputStream(file.path());
        try {
          in.skipNBytes(resumeOffset);
        } catch (IOException e) {
          in.close();
          throw e;
        }
        mbox = new MboxSplitter(in, resumeOffset, maxItemBytes);
        mboxFile = file;
        mboxBase = bytesRead - resumeOffset;
        return null;
      }
      if (resuming) {
        return null;
      }
      boolean message = mailbox && MESSAGE_FILES.contains(file.extension());
      Read read = read(file.path(), file.size());
      bytesRead += file.size();
      return new EvidenceItem(
          folder.source(),
          file.relativePath(),
          file.fileName(),
          file.extension(),
          message,
          message && file.extension().equals("eml"),
          read.size,
          read.sha256,
          read.content,
          read.content == null,
          null,
          whole,
          bytesRead);
    } catch (IOException e) {
      bytesRead += file.size();
      closeMbox();
      return unreadable(folder, file, "cannot be read: " + e.getMessage(), whole);
    }
  }

  /** A whole file that could not be read: catalogued with the reason, never dropped. */
  private EvidenceItem unreadable(
      SourceFolder folder, EvidenceFile file, String reason, EvidencePosition position) {
    return new EvidenceItem(
        folder.source(),
        file.relativePath(),
        file.fileName(),
        file.extension(),
        false,
        false,
        file.size(),
        null,
        null,
        false,
        reason,
        position,
        bytesRead);
  }

  private EvidenceItem nextMessage() {
    SourceFolder folder = folders.get(sourceIndex);
    EvidenceFile file = mboxFile;
    try {
      MboxSplitter.Message message = mbox.next();
      if (message == null) {
        bytesRead = Math.max(bytesRead, mboxBase + file.size());
        closeMbox();
        return null;
      }
      bytesRead = mboxBase + message.endOffset();
      return new EvidenceItem(
          folder.source(),
          file.relativePath() + "#" + message.offset(),
          file.fileName(),
          "eml",
          true,
          true,
          message.size(),
          message.sha256(),
          message.content(),
          message.tooLarge(),
          null,
          new EvidencePosition(sourceIndex, file.relativePath(), message.endOffset()),
          bytesRead);
    } catch (IOException e) {
      bytesRead = Math.max(bytesRead, mboxBase + file.size());
      closeMbox();
      return unreadable(
          folder,
          file,
          "cannot be read to its end: " + e.getMessage(),
          new EvidencePosition(sourceIndex, file.relativePath(), -1));
    }
  }

  private EvidenceItem problem(SourceFolder folder, String relativePath, String problem) {
    int slash = relativePath.lastIndexOf('/');
    return new EvidenceItem(
        folder.source(),
        relativePath,
        slash < 0 ? relativePath : relativePath.substring(slash + 1),
        "",
        false,
        false,
        0,
        null,
        null,
        false,
        problem,
        new EvidencePosition(sourceIndex, relativePath, -1),
        bytesRead);
  }

  private static boolean isMbox(EvidenceFile file) throws IOException {
    if (file.extension().equals("mbox")) {
      return true;
    }
    if (!file.extension().isEmpty() || file.size() < 5) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file.path())) {
      byte[] start = in.readNBytes(5);
      return start.length == 5 && new String(start, StandardCharsets.US_ASCII).equals("From ");
    }
  }

  private record Read(byte[] content, long size, String sha256) {}

  private Read read(Path path, long size) throws IOException {
    MessageDigest digest = MboxSplitter.sha256();
    if (size <= maxItemBytes) {
      byte[] bytes = Files.readAllBytes(path);
      digest.update(bytes);
      String sha = HexFormat.of().formatHex(digest.digest());
      return new Read(bytes.length <= maxItemBytes ? bytes : null, bytes.length, sha);
    }
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        total += n;
      }
    }
    return new Read(null, total, HexFormat.of().formatHex(digest.digest()));
  }

  private void closeMbox() {
    if (mbox != null) {
      try {
        mbox.close();
      } catch (IOException e) {
        // Nothing more is read from it.
      }
    }
    mbox = null;
    mboxFile = null;
  }

  @Override
  public void close() {
    closeMbox();
  }
}
