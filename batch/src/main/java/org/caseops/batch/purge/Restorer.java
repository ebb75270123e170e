package org.caseops.batch.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.batch.evidence.ItemContent;
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
 * bytes count as restored). A message goes back into its mbox at its original offset when a message
 * starts there (or the file ends there), else at the end of the mbox: the mbox is rewritten into a
 * temporary file in its folder, forced to disk and renamed over it, and the messages after it move,
 * with their catalog entries, index documents and hold records, as a purge moves them. The item is
 * catalogued and indexed again from its bytes; its purge record is marked restored and the purge's
 * copy is removed.
 */
@ApplicationScoped
public class Restorer implements PurgeRestorer {
  private static final int TEXT_LIMIT = 10_000_000;

  @Inject PurgeRepository purges;
  @Inject CustodianRepository custodians;
  @Inject CaseIndexes indexes;
  @Inject Purger purger;

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
            .thenComparing(p -> PurgeUnit.pathOf(p.getLocation()))
            .thenComparingLong(p -> PurgeUnit.offsetOf(p.getLocation())));
    List<String> restored = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (PurgedItem record : records) {
      if (record.isRestored()) {
        already.add(record.getItemId());
        continue;
      }
      if (record.getRecoverablePath() == null) {
        throw new InvalidRequestException(
            "The purge '"
                + operationId
                + "' deleted its items permanently (purgeType permanentlyDelete): there is nothing"
                + " to restore.");
      }
      CustodianSource source =
          custodians.listSourcesOfCase(caseId).stream()
              .filter(s -> s.getId().equals(record.getSourceId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConflictException(
                          "The source of item '"
                              + record.getItemId()
                              + "' no longer exists in the case; it cannot be restored."));
      try {
        restoreOne(caseId, source, record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      restored.add(record.getItemId());
    }
    try {
      indexes.writer(caseId).commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Restored(restored, already);
  }

  private void restoreOne(String caseId, CustodianSource source, PurgedItem record)
      throws IOException {
    Path kept = CaseopsPaths.dataDir().resolve(record.getRecoverablePath()).normalize();
    if (!kept.startsWith(CaseopsPaths.dataDir()) || !Files.isRegularFile(kept)) {
      throw new ConflictException(
          "The purge's copy of item '"
              + record.getItemId()
              + "' is missing; it cannot be restored.");
    }
    SourceFolder folder = SourceFolder.locate(CaseopsPaths.evidenceRoot(), source);
    if (!folder.readable()) {
      throw new ConflictException(
          "The folder of source '"
              + source.getDisplayName()
              + "' cannot be written: "
              + folder.problem()
              + ".");
    }
    long offset = PurgeUnit.offsetOf(record.getLocation());
    String path = PurgeUnit.pathOf(record.getLocation());
    if (offset < 0) {
      restoreFile(caseId, source, folder, record, kept, path);
    } else {
      restoreMessage(caseId, source, folder, record, kept, path, offset);
    }
    purges.markRestored(record.getOperationId(), record.getItemId(), Instant.now());
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
      Files.delete(kept);
    } else {
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling("." + target.getFileName() + ".restore.tmp");
      try (InputStream in = Files.newInputStream(kept)) {
        Purger.writeForced(temp, in);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      Purger.forceFolder(target.getParent());
      Files.delete(kept);
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

  private void restoreMessage(
      String caseId,
      CustodianSource source,
      SourceFolder folder,
      PurgedItem record,
      Path kept,
      String path,
      long offset)
      throws IOException {
    byte[] slice = Files.readAllBytes(kept);
    MboxSplitter.Message message;
    try (MboxSplitter splitter =
        new MboxSplitter(new ByteArrayInputStream(slice), 0, Long.MAX_VALUE)) {
      message = splitter.next();
    }
    if (message == null || !record.getSha256().equals(message.sha256())) {
      throw new ConflictException(
          "The purge's copy of '" + record.getLocation() + "' is damaged; it cannot be restored.");
    }
    Path target = folder.folder().resolve(path).normalize();
    if (!target.startsWith(folder.folder())) {
      throw new ConflictException(record.getLocation() + " lies outside its source folder.");
    }
    List<MboxSplitter.Message> messages =
        Files.isRegularFile(target) ? Purger.split(target) : List.of();
    long size = Files.isRegularFile(target) ? Files.size(target) : 0;
    for (MboxSplitter.Message m : messages) {
      if (m.offset() == offset && m.sha256().equals(record.getSha256())) {
        // Put back by a restore that stopped before it was recorded: catalogued again, not added
        // twice.
        purger.catalogue(
            Item.catalogued(
                    caseId,
                    source.getId(),
                    path + "#" + offset,
                    message.size(),
                    record.getSha256(),
                    record.getOperationId(),
                    Instant.now())
                .identifiedAs(
                    purger.freeIdFor(source.getId(), path + "#" + offset, record.getItemId())),
            message.content(),
            true,
            true,
            ItemContent.fileName(path),
            "eml");
        Files.delete(kept);
        return;
      }
    }
    long at = size;
    boolean boundary = offset == size;
    for (MboxSplitter.Message m : messages) {
      if (m.offset() == offset) {
        boundary = true;
      }
    }
    if (boundary) {
      at = offset;
    }
    // A From_ line starts a message only after a blank line: one is added where needed, outside
    // any message's bytes.
    byte[] before = at > 0 && !endsWithBlankLine(target, at) ? new byte[] {'\n'} : new byte[0];
    boolean more = at < size;
    byte[] after = more && !endsWithBlankLine(slice) ? new byte[] {'\n'} : new byte[0];
    long inserted = before.length + slice.length + after.length;
    Path temp = target.resolveSibling("." + target.getFileName() + ".restore.tmp");
    Files.createDirectories(target.getParent());
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OutputStream stream = Channels.newOutputStream(out);
      if (size > 0) {
        try (FileChannel in = FileChannel.open(target, StandardOpenOption.READ)) {
          in.transferTo(0, at, out);
          out.position(at);
          stream.write(before);
          stream.write(slice);
          stream.write(after);
          long written = at + inserted;
          out.position(written);
          in.transferTo(at, size - at, out);
        }
      } else {
        stream.write(slice);
      }
      stream.flush();
      out.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Purger.forceFolder(target.getParent());
    // The messages after it move by what was inserted.
    Map<Long, Purger.Move> moves = new TreeMap<>();
    for (MboxSplitter.Message m : messages) {
      if (m.offset() >= at) {
        moves.put(m.offset(), new Purger.Move(m.offset() + inserted, m.sha256()));
      }
    }
    if (!moves.isEmpty()) {
      purger.relocate(caseId, source.getId(), path, moves, List.of());
    }
    long restoredAt = at + before.length;
    purger.catalogue(
        Item.catalogued(
                caseId,
                source.getId(),
                path + "#" + restoredAt,
                message.size(),
                record.getSha256(),
                record.getOperationId(),
                Instant.now())
            .identifiedAs(
                purger.freeIdFor(source.getId(), path + "#" + restoredAt, record.getItemId())),
        message.content(),
        true,
        true,
        ItemContent.fileName(path),
        "eml");
    Files.delete(kept);
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

  private static boolean endsWithBlankLine(Path file, long end) throws IOException {
    int n = (int) Math.min(4, end);
    byte[] tail = new byte[n];
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(tail);
      while (buffer.hasRemaining() && in.read(buffer, end - n + buffer.position()) > 0) {
        // reads the last bytes before the insertion point
      }
    }
    return endsWithBlankLine(tail) || (n == 1 && tail[0] == '\n');
  }
}
