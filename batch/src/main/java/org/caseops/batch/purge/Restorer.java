package org.caseops.batch.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.MboxCatalog;
import org.caseops.batch.evidence.MboxSplitter;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.Item;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgeRestorer;
import org.caseops.domain.purge.PurgedItem;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ResourceNotFoundException;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * {@link PurgeRestorer} on the evidence folders. A file goes back to its path (its bytes checked
 * against the SHA-256 it was purged with; a different file standing there is a conflict, the same
 * bytes count as restored). The messages of one mbox go back together, in the order of their
 * original offsets, each at its original offset when a message starts there (or the file ends
 * there), else at the end of the mbox: the mbox is rewritten once, into a temporary file in its
 * folder, forced to disk and renamed over it, and the messages that were there move, with their
 * catalog entries, index documents and hold records, as a purge moves them. The case's sources are
 * read once. Each item is catalogued and indexed again from its bytes, the index committed; its
 * purge record is marked restored, then the purge's copy is removed, so that a restore stopped
 * half-way (the process killed included) finds what it put back and, run again, finishes the rest.
 */
@ApplicationScoped
public class Restorer implements PurgeRestorer {
  private static final int TEXT_LIMIT = 10_000_000;

  /** The most files put back between two commits of the index (each commit forces it to disk). */
  private static final int FILES_PER_COMMIT = 100;

  @Inject PurgeRepository purges;
  @Inject CustodianRepository custodians;
  @Inject CaseIndexes indexes;
  @Inject Purger purger;
  @Inject MboxCatalog mboxes;

  @Override
  public synchronized Restored restore(String caseId, String operationId, List<String> itemIds) {
    List<PurgedItem> records = new ArrayList<>();
    if (itemIds.isEmpty()) {
      String after = null;
      while (true) {
        List<PurgedItem> page = purges.listOfOperation(operationId, after, 1000);
        page.stream().filter(PurgedItem::isPurged).forEach(records::add);
        if (page.size() < 1000) {
          break;
        }
        after = page.get(page.size() - 1).getId();
      }
    } else {
      for (String id : itemIds) {
        PurgedItem record =
            purges
                .find(operationId, id)
                .filter(PurgedItem::isPurged)
                .orElseThrow(
                    () ->
                        new ResourceNotFoundException(
                            "The purge '" + operationId + "' did not purge an item '" + id + "'."));
        records.add(record);
      }
    }
    // Messages of an mbox in the order of their original offsets: a whole restore gives the mbox
    // back as it was.
    records.sort(
        Comparator.comparing((PurgedItem p) -> p.getSourceId())
            .thenComparing(p -> MboxCatalog.pathOf(p.getLocation()))
            .thenComparingLong(p -> MboxCatalog.offsetOf(p.getLocation())));
    List<String> restored = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<PurgedItem> pending = new ArrayList<>();
    for (PurgedItem record : records) {
      if (record.isRestored()) {
        already.add(record.getItemId());
      } else if (record.getRecoverablePath() == null) {
        throw new InvalidRequestException(
            "The purge '"
                + operationId
                + "' deleted its items permanently (purgeType permanentlyDelete): there is nothing"
                + " to restore.");
      } else {
        pending.add(record);
      }
    }
    // The case's sources, read once; the records come grouped by source and file.
    Map<String, CustodianSource> sources = new HashMap<>();
    if (!pending.isEmpty()) {
      for (CustodianSource s : custodians.listSourcesOfCase(caseId)) {
        sources.put(s.getId(), s);
      }
    }
    List<PutBack> unrecorded = new ArrayList<>();
    try {
      int i = 0;
      while (i < pending.size()) {
        PurgedItem first = pending.get(i);
        String path = MboxCatalog.pathOf(first.getLocation());
        CustodianSource source = sources.get(first.getSourceId());
        if (source == null) {
          throw new ConflictException(
              "The source of item '"
                  + first.getItemId()
                  + "' no longer exists in the case; it cannot be restored.");
        }
        kept(first);
        SourceFolder folder = writableFolder(source);
        if (MboxCatalog.offsetOf(first.getLocation()) < 0) {
          Path kept = kept(first);
          restoreFile(caseId, source, folder, first, kept, path);
          unrecorded.add(new PutBack(first, kept));
          if (unrecorded.size() >= FILES_PER_COMMIT) {
            record(caseId, operationId, unrecorded, restored);
          }
          i++;
          continue;
        }
        record(caseId, operationId, unrecorded, restored);
        // Every message purged from one mbox goes back in one rewrite of it.
        int j = i;
        List<PurgedItem> group = new ArrayList<>();
        while (j < pending.size()
            && pending.get(j).getSourceId().equals(first.getSourceId())
            && MboxCatalog.pathOf(pending.get(j).getLocation()).equals(path)
            && MboxCatalog.offsetOf(pending.get(j).getLocation()) >= 0) {
          group.add(pending.get(j));
          j++;
        }
        restoreMessages(caseId, source, folder, group, path, restored);
        i = j;
      }
      record(caseId, operationId, unrecorded, restored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    commit(caseId);
    return new Restored(restored, already);
  }

  /** A file put back and catalogued, its record not yet marked restored. */
  private record PutBack(PurgedItem record, Path kept) {}

  /**
   * Records the files put back as restored: first the case's index is committed, for a restore run
   * again skips what the records say is restored, so a document still uncommitted when the process
   * dies would be lost for good; then each record is marked, and the purge's copy removed once the
   * record says so (a restore stopped before can find it).
   */
  private void record(
      String caseId, String operationId, List<PutBack> unrecorded, List<String> restored)
      throws IOException {
    if (unrecorded.isEmpty()) {
      return;
    }
    commit(caseId);
    for (PutBack p : unrecorded) {
      purges.markRestored(operationId, p.record().getItemId(), Instant.now());
      Files.deleteIfExists(p.kept());
      restored.add(p.record().getItemId());
    }
    unrecorded.clear();
  }

  /** Commits what the case's index writer holds. */
  private void commit(String caseId) {
    try {
      indexes.writer(caseId).commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path kept(PurgedItem record) {
    Path kept = CaseopsPaths.dataDir().resolve(record.getRecoverablePath()).normalize();
    if (!kept.startsWith(CaseopsPaths.dataDir()) || !Files.isRegularFile(kept)) {
      throw new ConflictException(
          "The purge's copy of item '"
              + record.getItemId()
              + "' is missing; it cannot be restored.");
    }
    return kept;
  }

  private static SourceFolder writableFolder(CustodianSource source) {
    SourceFolder folder = SourceFolder.locate(CaseopsPaths.evidenceRoot(), source);
    if (!folder.readable()) {
      throw new ConflictException(
          "The folder of source '"
              + source.getDisplayName()
              + "' cannot be written: "
              + folder.problem()
              + ".");
    }
    return folder;
  }

  private void restoreFile(
      String caseId,
      CustodianSource source,
      SourceFolder folder,
      PurgedItem record,
      Path kept,
      String path)
      throws IOException {
    if (!record.getSha256().equals(Purger.sha256(kept))) {
      throw new ConflictException(
          "The purge's copy of '" + record.getLocation() + "' is damaged; it cannot be restored.");
    }
    Path target = folder.folder().resolve(path).normalize();
    if (!target.startsWith(folder.folder())) {
      throw new ConflictException(record.getLocation() + " lies outside its source folder.");
    }
    if (Files.exists(target)) {
      if (!Files.isRegularFile(target) || !record.getSha256().equals(Purger.sha256(target))) {
        throw new ConflictException(
            "Another file now stands at '"
                + record.getLocation()
                + "' of source '"
                + source.getDisplayName()
                + "'; move it away, then restore again.");
      }
    } else {
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling("." + target.getFileName() + ".restore.tmp");
      try (InputStream in = Files.newInputStream(kept)) {
        Purger.writeForced(temp, in);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      Purger.forceFolder(target.getParent());
    }
    String fileName = ItemContent.fileName(path);
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    boolean email = ItemContent.isMessage(source.getKind(), path);
    byte[] content = Files.readAllBytes(target);
    purger.catalogue(
        Item.catalogued(
                caseId,
                source.getId(),
                path,
                content.length,
                record.getSha256(),
                record.getOperationId(),
                Instant.now())
            .identifiedAs(purger.freeIdFor(source.getId(), path, record.getItemId())),
        content,
        email,
        email && extension.equals("eml"),
        fileName,
        extension);
  }

  /**
   * Puts back every message of {@code group} (one mbox, in the order of their original offsets) by
   * one rewrite of the mbox. Where each goes is decided as if they were put back one after another:
   * at its original offset when a message starts there (or the file ends there), else at the end; a
   * message found at its original offset with its bytes (put back by a restore that stopped before
   * it was recorded) is not added twice.
   */
  private void restoreMessages(
      String caseId,
      CustodianSource source,
      SourceFolder folder,
      List<PurgedItem> group,
      String path,
      List<String> restored)
      throws IOException {
    Path target = folder.folder().resolve(path).normalize();
    Map<PurgedItem, Long> sizes = new HashMap<>();
    for (PurgedItem record : group) {
      Path kept = kept(record);
      MboxSplitter.Message message = sliceOf(kept);
      if (message == null || !record.getSha256().equals(message.sha256())) {
        throw new ConflictException(
            "The purge's copy of '"
                + record.getLocation()
                + "' is damaged; it cannot be restored.");
      }
      if (!target.startsWith(folder.folder())) {
        throw new ConflictException(record.getLocation() + " lies outside its source folder.");
      }
      sizes.put(record, message.size());
    }
    boolean exists = Files.isRegularFile(target);
    Layout layout = new Layout(target, exists ? Files.size(target) : 0);
    if (exists) {
      List<MboxSplitter.Message> inMbox = MboxCatalog.split(target);
      // A restore stopped after its rewrite was renamed into place and before the catalog followed
      // left the entries of the messages that moved at their old offsets, and the messages it put
      // back uncatalogued: the entries follow the mbox by SHA-256 first, and a message no entry
      // names with the bytes of one to put back is that message, found back.
      Set<Long> uncatalogued = mboxes.follow(source.getId(), path, inMbox);
      for (MboxSplitter.Message m : inMbox) {
        Placed placed = new Placed(m.offset(), m.offset(), m.sha256(), null);
        placed.uncatalogued = uncatalogued.contains(m.offset());
        layout.messages.add(placed);
      }
    }
    for (PurgedItem record : group) {
      layout.put(record, kept(record));
    }
    if (layout.inserted) {
      Path temp = target.resolveSibling("." + target.getFileName() + ".restore.tmp");
      Files.createDirectories(target.getParent());
      layout.write(temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Purger.forceFolder(target.getParent());
    }
    // The messages that were there move by what was put back before them.
    Map<Long, MboxCatalog.Move> moves = new TreeMap<>();
    for (Placed p : layout.messages) {
      if (p.original >= 0 && p.offset != p.original) {
        moves.put(p.original, new MboxCatalog.Move(p.offset, p.sha256));
      }
    }
    if (!moves.isEmpty()) {
      mboxes.relocate(source.getId(), path, moves, List.of());
    }
    List<PurgedItem> catalogued = new ArrayList<>();
    for (Placed p : layout.messages) {
      if (p.record == null) {
        continue;
      }
      PurgedItem record = p.record;
      Path kept = kept(record);
      MboxSplitter.Message message = sliceOf(kept);
      String location = path + "#" + p.offset;
      purger.catalogue(
          Item.catalogued(
                  caseId,
                  source.getId(),
                  location,
                  sizes.get(record),
                  record.getSha256(),
                  record.getOperationId(),
                  Instant.now())
              .identifiedAs(purger.freeIdFor(source.getId(), location, record.getItemId())),
          message.content(),
          true,
          true,
          ItemContent.fileName(path),
          "eml");
      catalogued.add(record);
    }
    // The index documents are committed before any record says restored (see record).
    commit(caseId);
    for (PurgedItem record : catalogued) {
      purges.markRestored(record.getOperationId(), record.getItemId(), Instant.now());
      Files.delete(kept(record));
      restored.add(record.getItemId());
    }
  }

  /** The message a purge kept (its bytes as they stood in the mbox), or {@code null}. */
  private static MboxSplitter.Message sliceOf(Path kept) throws IOException {
    byte[] slice = Files.readAllBytes(kept);
    try (MboxSplitter splitter =
        new MboxSplitter(new ByteArrayInputStream(slice), 0, Long.MAX_VALUE)) {
      return splitter.next();
    }
  }

  /**
   * A message of the mbox being put together: where it stands now, where it stood in the mbox
   * before ({@code -1} for one put back), its SHA-256, and the record of one put back or found
   * back.
   */
  private static final class Placed {
    long offset;
    final long original;
    final String sha256;
    PurgedItem record;

    /** A message that was in the mbox with no catalog entry naming it. */
    boolean uncatalogued;

    Placed(long offset, long original, String sha256, PurgedItem record) {
      this.offset = offset;
      this.original = original;
      this.sha256 = sha256;
      this.record = record;
    }
  }

  /** A run of the new mbox's bytes: a range of a file, or a few bytes. */
  private record Piece(Path file, long from, long length, byte[] bytes) {
    static Piece of(byte[] bytes) {
      return new Piece(null, 0, bytes.length, bytes);
    }

    Piece cut(long start, long end) {
      return bytes != null
          ? of(java.util.Arrays.copyOfRange(bytes, (int) start, (int) end))
          : new Piece(file, from + start, end - start, null);
    }
  }

  /**
   * The mbox as the messages put back make it, kept as pieces of the mbox and of the purge's copies
   * until it is written once.
   */
  private static final class Layout {
    final List<Piece> pieces = new ArrayList<>();
    final List<Placed> messages = new ArrayList<>();
    long size;
    boolean inserted;

    Layout(Path mbox, long size) {
      this.size = size;
      if (size > 0) {
        pieces.add(new Piece(mbox, 0, size, null));
      }
    }

    /** Puts one message back, as a restore of it alone into the mbox as it now stands would. */
    void put(PurgedItem record, Path kept) throws IOException {
      long offset = MboxCatalog.offsetOf(record.getLocation());
      boolean boundary = offset == size;
      Placed foundBack = null;
      for (Placed m : messages) {
        if (m.uncatalogued
            && m.record == null
            && m.sha256.equals(record.getSha256())
            && (foundBack == null || (m.offset == offset && foundBack.offset != offset))) {
          foundBack = m;
        }
      }
      if (foundBack != null) {
        // Put back by a restore that stopped before the catalog followed its rewrite.
        foundBack.record = record;
        return;
      }
      for (Placed m : messages) {
        if (m.offset == offset) {
          if (m.sha256.equals(record.getSha256())) {
            // Put back by a restore that stopped before it was recorded: not added twice.
            if (m.record == null) {
              m.record = record;
            }
            return;
          }
          boundary = true;
        }
      }
      long at = boundary ? offset : size;
      // A From_ line starts a message only after a blank line: one is added where needed, outside
      // any message's bytes.
      byte[] tail = bytes(Math.max(0, at - 4), at);
      boolean blank = endsWithBlankLine(tail) || (tail.length == 1 && tail[0] == '\n');
      byte[] before = at > 0 && !blank ? NL : NONE;
      long sliceSize = Files.size(kept);
      boolean more = at < size;
      byte[] after = more && !endsWithBlankLine(readTail(kept, sliceSize)) ? NL : NONE;
      long inserted = before.length + sliceSize + after.length;
      List<Piece> add = new ArrayList<>();
      if (before.length > 0) {
        add.add(Piece.of(before));
      }
      add.add(new Piece(kept, 0, sliceSize, null));
      if (after.length > 0) {
        add.add(Piece.of(after));
      }
      insert(at, add);
      int index = 0;
      for (Placed m : messages) {
        if (m.offset >= at) {
          m.offset += inserted;
        } else {
          index++;
        }
      }
      messages.add(index, new Placed(at + before.length, -1, record.getSha256(), record));
      size += inserted;
      this.inserted = true;
    }

    private void insert(long at, List<Piece> add) {
      long position = 0;
      for (int i = 0; i < pieces.size(); i++) {
        Piece p = pieces.get(i);
        if (at == position) {
          pieces.addAll(i, add);
          return;
        }
        if (at < position + p.length()) {
          pieces.set(i, p.cut(0, at - position));
          pieces.add(i + 1, p.cut(at - position, p.length()));
          pieces.addAll(i + 1, add);
          return;
        }
        position += p.length();
      }
      pieces.addAll(add);
    }

    /** The bytes of the mbox as it now stands from {@code from} to {@code to}. */
    private byte[] bytes(long from, long to) throws IOException {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      long position = 0;
      for (Piece p : pieces) {
        long start = Math.max(from, position);
        long end = Math.min(to, position + p.length());
        if (start < end) {
          if (p.bytes() != null) {
            out.write(p.bytes(), (int) (start - position), (int) (end - start));
          } else {
            out.write(read(p.file(), p.from() + start - position, (int) (end - start)));
          }
        }
        position += p.length();
      }
      return out.toByteArray();
    }

    /** Writes the mbox into {@code temp} and forces it to disk. */
    void write(Path temp) throws IOException {
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        Map<Path, FileChannel> open = new HashMap<>();
        try {
          for (Piece p : pieces) {
            if (p.bytes() != null) {
              java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(p.bytes());
              while (buffer.hasRemaining()) {
                out.write(buffer);
              }
            } else {
              FileChannel in = open.get(p.file());
              if (in == null) {
                in = FileChannel.open(p.file(), StandardOpenOption.READ);
                open.put(p.file(), in);
              }
              long done = 0;
              while (done < p.length()) {
                long n = in.transferTo(p.from() + done, p.length() - done, out);
                if (n <= 0) {
                  throw new IOException(
                      p.file() + " ended before offset " + (p.from() + p.length()));
                }
                done += n;
              }
            }
          }
        } finally {
          for (FileChannel in : open.values()) {
            in.close();
          }
        }
        out.force(true);
      }
    }
  }

  private static final byte[] NL = {'\n'};
  private static final byte[] NONE = {};

  private static byte[] readTail(Path file, long size) throws IOException {
    return read(file, Math.max(0, size - 4), (int) Math.min(4, size));
  }

  private static byte[] read(Path file, long from, int length) throws IOException {
    byte[] bytes = new byte[length];
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        if (in.read(buffer, from + buffer.position()) < 0) {
          throw new IOException(file + " ended before offset " + (from + length));
        }
      }
    }
    return bytes;
  }

  private static boolean endsWithBlankLine(byte[] bytes) {
    int n = bytes.length;
    return (n >= 2 && bytes[n - 1] == '\n' && bytes[n - 2] == '\n')
        || (n >= 4
            && bytes[n - 1] == '\n'
            && bytes[n - 2] == '\r'
            && bytes[n - 3] == '\n'
            && bytes[n - 4] == '\r');
  }
}
