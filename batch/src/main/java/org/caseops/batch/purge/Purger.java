package org.caseops.batch.purge;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.caseops.batch.evidence.MboxCatalog;
import org.caseops.batch.evidence.MboxCatalog.Move;
import org.caseops.batch.evidence.MboxSplitter;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.extraction.Extraction;
import org.caseops.batch.extraction.TextExtractor;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.purge.PurgedItem;
import org.caseops.domain.support.Ids;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Removes the items of one {@link PurgeUnit} from their source, and makes the catalog and the
 * case's index follow. Whatever a hold covers is left alone: the hold rule ({@link
 * HoldRepository#heldItemIds}) is asked again for the unit's items right before anything is
 * removed. An item whose source no longer holds it as catalogued (changed or gone) is left alone
 * too.
 *
 * <p>A file (eml or document) is moved into the purge's recoverable store ({@code <purge
 * dir>/items/<itemId>}), or deleted for a permanent purge. Messages of an mbox are removed by one
 * rewrite of the mbox per purge: the messages kept are copied, byte for byte, to a temporary file
 * in the same folder, which is forced to disk and renamed over the mbox; a recoverable purge first
 * keeps each removed message's bytes as they stood in the mbox (its {@code From_} line included) in
 * the recoverable store. Before the rename, a journal of the rewrite (the new file's SHA-256, what
 * was removed or skipped, where each kept message moved) is written and forced: a purge restarted
 * after the rename and before its checkpoint finds the mbox it wrote, and takes what it did from
 * the journal instead of removing anything again.
 *
 * <p>The catalog and the index follow: purged items leave both; the messages after a removed one
 * have moved in their mbox, so their catalog entries, index documents (parsed again from their
 * unchanged bytes) and hold records move to their new location.
 */
@Dependent
public class Purger {
  static final String HELD = "under a hold";
  static final String NOT_AT_SOURCE =
      "not at its source as it was catalogued (changed or gone since it was indexed)";
  static final String GONE = "already gone from its source";

  private static final int TEXT_LIMIT = 10_000_000;
  private static final long MAX_MESSAGE_BYTES = 50L * 1024 * 1024;

  @Inject HoldRepository holds;
  @Inject ItemRepository catalog;
  @Inject CaseIndexes indexes;
  @Inject TextExtractor extractor;
  @Inject MboxCatalog mboxes;

  /**
   * The items of whole-file units (eml files, documents) that a hold covers, asked of the hold rule
   * for a chunk of them at once, right before they are removed.
   */
  public Set<String> heldFiles(String caseId, List<PurgeUnit> units) {
    List<String> ids = new ArrayList<>();
    for (PurgeUnit unit : units) {
      if (!unit.mbox()) {
        unit.targets().forEach(t -> ids.add(t.itemId()));
      }
    }
    return ids.isEmpty() ? Set.of() : holds.heldItemIds(caseId, ids);
  }

  /**
   * Purges one unit; returns what was done with each of its items. {@code held} holds what the hold
   * rule said of the unit's items right before (for a whole-file unit; an mbox asks it again
   * itself, right before its rewrite); the ids of purged whole files are added to {@code gone}, for
   * {@link #forget} once per chunk.
   */
  public List<PurgedItem> purge(
      String caseId,
      String operationId,
      CustodianSource source,
      PurgeUnit unit,
      boolean permanent,
      Set<String> held,
      List<String> gone)
      throws IOException {
    SourceFolder folder = SourceFolder.locate(CaseopsPaths.evidenceRoot(), source);
    Path dir = CaseopsPaths.purgeDir(caseId, operationId);
    return unit.mbox()
        ? purgeMbox(caseId, operationId, folder, unit, permanent, dir)
        : purgeFile(caseId, operationId, folder, unit, permanent, dir, held, gone);
  }

  // ---- files -----------------------------------------------------------------------------------

  private List<PurgedItem> purgeFile(
      String caseId,
      String operationId,
      SourceFolder folder,
      PurgeUnit unit,
      boolean permanent,
      Path dir,
      Set<String> held,
      List<String> gone)
      throws IOException {
    Instant now = Instant.now();
    List<PurgedItem> outcomes = new ArrayList<>();
    // What the hold rule said of the file's items, right before the chunk's removals. Besides the
    // item that follows the file, a unit may name earlier versions kept at the same location: they
    // are preservedOnly, hence held, and never removed.
    PurgeUnit.Target item = null;
    for (PurgeUnit.Target t : unit.targets()) {
      if (held.contains(t.itemId())) {
        outcomes.add(skipped(caseId, operationId, t, HELD, now));
      } else if (item == null) {
        item = t;
      } else {
        outcomes.add(skipped(caseId, operationId, t, NOT_AT_SOURCE, now));
      }
    }
    if (item == null) {
      return outcomes;
    }
    Path kept = dir.resolve("items").resolve(item.itemId());
    Path file = resolve(folder, unit.path());
    String reason = null;
    if (file == null) {
      if (!permanent && Files.isRegularFile(kept) && item.sha256().equals(sha256(kept))) {
        reason = null; // moved by an earlier run of this purge
      } else {
        reason = GONE;
      }
    } else {
      if (!item.sha256().equals(sha256(file))) {
        outcomes.add(skipped(caseId, operationId, item, NOT_AT_SOURCE, now));
        return outcomes;
      }
      if (permanent) {
        Files.delete(file);
      } else {
        Files.createDirectories(kept.getParent());
        move(file, kept);
      }
    }
    gone.add(item.itemId());
    outcomes.add(purged(caseId, operationId, item, permanent ? null : kept, reason, now));
    return outcomes;
  }

  /** Moves a file into the recoverable store, atomically when both lie on one file system. */
  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Path temp = to.resolveSibling(to.getFileName() + ".tmp");
      try (InputStream in = Files.newInputStream(from)) {
        writeForced(temp, in);
      }
      Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Files.delete(from);
    }
  }

  // ---- mbox files ------------------------------------------------------------------------------

  private List<PurgedItem> purgeMbox(
      String caseId,
      String operationId,
      SourceFolder folder,
      PurgeUnit unit,
      boolean permanent,
      Path dir)
      throws IOException {
    Instant now = Instant.now();
    Path file = resolve(folder, unit.path());
    Path journalFile =
        dir.resolve("journal").resolve(Ids.stableHex32(unit.sourceId(), unit.path()) + ".journal");
    Journal journal = null;
    if (file != null && Files.isRegularFile(journalFile)) {
      Journal written = Journal.read(journalFile);
      if (written.newSha256().equals(sha256(file))) {
        journal = written; // this purge rewrote the mbox already; its checkpoint was not reached
      }
    }
    if (journal == null) {
      journal = rewrite(caseId, file, unit, permanent, dir, journalFile);
    }
    List<PurgedItem> outcomes = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (PurgeUnit.Target item : unit.targets()) {
      String skip = journal.skipped().get(item.itemId());
      if (skip != null) {
        outcomes.add(skipped(caseId, operationId, item, skip, now));
      } else {
        removed.add(item.itemId());
        Path kept = permanent ? null : dir.resolve("items").resolve(item.itemId());
        outcomes.add(purged(caseId, operationId, item, kept, null, now));
      }
    }
    // Purged entries leave first; the moved messages keep their ids at their new locations.
    forget(caseId, removed);
    if (!journal.moves().isEmpty()) {
      mboxes.relocate(unit.sourceId(), unit.path(), journal.moves(), removed);
    }
    return outcomes;
  }

  /**
   * Decides what to remove from the mbox and rewrites it; returns the journal of what was done
   * (with no moves when nothing was removed).
   */
  private Journal rewrite(
      String caseId, Path file, PurgeUnit unit, boolean permanent, Path dir, Path journalFile)
      throws IOException {
    Map<String, String> skipped = new LinkedHashMap<>();
    if (file == null) {
      for (PurgeUnit.Target item : unit.targets()) {
        skipped.put(item.itemId(), NOT_AT_SOURCE);
      }
      return new Journal("", skipped, Map.of());
    }
    List<MboxSplitter.Message> messages = MboxCatalog.split(file);
    Map<Long, MboxSplitter.Message> byOffset = new HashMap<>();
    for (MboxSplitter.Message m : messages) {
      byOffset.put(m.offset(), m);
    }
    // The hold rule, asked right before the removal.
    Set<String> held =
        holds.heldItemIds(caseId, unit.targets().stream().map(PurgeUnit.Target::itemId).toList());
    Map<Long, String> remove = new TreeMap<>();
    for (PurgeUnit.Target item : unit.targets()) {
      MboxSplitter.Message m = byOffset.get(MboxCatalog.offsetOf(item.location()));
      if (held.contains(item.itemId())) {
        skipped.put(item.itemId(), HELD);
      } else if (m == null || !m.sha256().equals(item.sha256())) {
        skipped.put(item.itemId(), NOT_AT_SOURCE);
      } else {
        remove.put(m.offset(), item.itemId());
      }
    }
    if (remove.isEmpty()) {
      return new Journal("", skipped, Map.of());
    }
    Path temp = file.resolveSibling("." + file.getFileName() + ".purge.tmp");
    Map<Long, Move> moves = new TreeMap<>();
    MessageDigest digest = sha256Digest();
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      if (!permanent) {
        Files.createDirectories(dir.resolve("items"));
        for (MboxSplitter.Message m : messages) {
          String itemId = remove.get(m.offset());
          if (itemId != null) {
            Path kept = dir.resolve("items").resolve(itemId);
            Path keptTemp = kept.resolveSibling(itemId + ".tmp");
            try (FileChannel out =
                FileChannel.open(
                    keptTemp,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
              copy(in, m.offset(), m.endOffset(), out);
              out.force(true);
            }
            Files.move(
                keptTemp,
                kept,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      long written = 0;
      long firstStart = messages.isEmpty() ? in.size() : messages.get(0).offset();
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        OutputStream hashed = new DigestOutputStream(Channels.newOutputStream(out), digest);
        // Whatever precedes the first message (blank lines) stays.
        written += copy(in, 0, firstStart, hashed);
        for (MboxSplitter.Message m : messages) {
          if (remove.containsKey(m.offset())) {
            continue;
          }
          moves.put(m.offset(), new Move(written, m.sha256()));
          written += copy(in, m.offset(), m.endOffset(), hashed);
        }
        hashed.flush();
        out.force(true);
      }
    }
    moves.entrySet().removeIf(e -> e.getKey() == e.getValue().offset());
    Journal journal =
        new Journal(HexFormat.of().formatHex(digest.digest()), skipped, Map.copyOf(moves));
    journal.write(journalFile);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceFolder(file.getParent());
    return journal;
  }

  /**
   * The id to catalogue an item put back at a location under: the id it had when it was purged,
   * unless another item has it now; else the location's own id or an alternate one ({@link
   * Item#idFor}).
   */
  String freeIdFor(String sourceId, String location, String formerId) {
    List<String> candidates = new ArrayList<>();
    candidates.add(formerId);
    candidates.add(Item.idFor(sourceId, location));
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1 || candidates.size() == 2) {
        for (String id : candidates) {
          List<Item> found = catalog.findAll(List.of(id));
          if (found.isEmpty() || found.get(0).getLocation().equals(location)) {
            return id;
          }
        }
      }
      candidates = List.of(Item.alternateIdFor(sourceId, location, attempt));
    }
  }

  /**
   * Catalogues an item again and indexes it from its bytes (a restored item), as the index job
   * would.
   */
  void catalogue(
      Item entry, byte[] content, boolean email, boolean rfc822, String fileName, String fileType) {
    Item item = entry;
    Extraction extraction = extractor.extract(content, fileName, rfc822, TEXT_LIMIT);
    item.withContentType(extraction.contentType());
    IndexWriter writer = indexes.writer(entry.getCaseId());
    Term id = new Term(IndexFields.ID, item.getId());
    try {
      if (!extraction.indexed()) {
        item.unindexed(extraction.unindexedReason());
        writer.deleteDocuments(id);
      } else {
        if (email) {
          item.withMessage(
              extraction.subject(),
              extraction.from(),
              extraction.to(),
              extraction.cc(),
              extraction.sent(),
              extraction.messageId(),
              extraction.attachmentCount());
        } else {
          item.withTitle(extraction.title());
        }
        item.indexed();
        writer.updateDocument(
            id, IndexFields.document(item, email, fileName, fileType, extraction));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    catalog.saveAll(List.of(item));
  }

  /** Takes purged items out of the catalog and the case's index. */
  void forget(String caseId, List<String> itemIds) throws IOException {
    if (itemIds.isEmpty()) {
      return;
    }
    IndexWriter writer = indexes.writer(caseId);
    for (String id : itemIds) {
      writer.deleteDocuments(new Term(IndexFields.ID, id));
    }
    catalog.deleteAll(itemIds);
  }

  // ---- records ---------------------------------------------------------------------------------

  private static PurgedItem purged(
      String caseId,
      String operationId,
      PurgeUnit.Target item,
      Path kept,
      String reason,
      Instant now) {
    return PurgedItem.purged(
        caseId,
        operationId,
        item.sourceId(),
        item.itemId(),
        item.location(),
        item.sha256(),
        item.size(),
        kept == null ? null : CaseopsPaths.dataDir().relativize(kept).toString(),
        reason,
        now);
  }

  private static PurgedItem skipped(
      String caseId, String operationId, PurgeUnit.Target item, String reason, Instant now) {
    return PurgedItem.skipped(
        caseId,
        operationId,
        item.sourceId(),
        item.itemId(),
        item.location(),
        item.sha256(),
        item.size(),
        reason,
        now);
  }

  // ---- the journal of an mbox rewrite ----------------------------------------------------------

  /**
   * What one rewrite of an mbox did: the SHA-256 of the mbox it wrote (empty when it wrote none),
   * the items it skipped and why, and where each kept message that moved went (old offset to new).
   */
  record Journal(String newSha256, Map<String, String> skipped, Map<Long, Move> moves) {
    static Journal read(Path file) throws IOException {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      }
      Map<String, String> skipped = new LinkedHashMap<>();
      Map<Long, Move> moves = new TreeMap<>();
      for (String name : p.stringPropertyNames()) {
        if (name.startsWith("skipped.")) {
          skipped.put(name.substring(8), p.getProperty(name));
        } else if (name.startsWith("move.")) {
          String[] to = p.getProperty(name).split(" ", 2);
          moves.put(Long.parseLong(name.substring(5)), new Move(Long.parseLong(to[0]), to[1]));
        }
      }
      return new Journal(p.getProperty("newSha256", ""), skipped, moves);
    }

    void write(Path file) throws IOException {
      Properties p = new Properties();
      p.setProperty("newSha256", newSha256);
      skipped.forEach((id, reason) -> p.setProperty("skipped." + id, reason));
      moves.forEach((from, to) -> p.setProperty("move." + from, to.offset() + " " + to.sha256()));
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      p.store(bytes, "mbox rewrite of a purge");
      writeForced(temp, new ByteArrayInputStream(bytes.toByteArray()));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // ---- files and bytes -------------------------------------------------------------------------

  /** The regular file at the relative path inside the source folder, or {@code null}. */
  static Path resolve(SourceFolder folder, String relativePath) throws IOException {
    if (!folder.readable()) {
      return null;
    }
    Path candidate = folder.folder().resolve(relativePath).normalize();
    if (!candidate.startsWith(folder.folder())
        || !Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Path real = candidate.toRealPath();
    if (!real.startsWith(folder.root())) {
      throw new IOException(relativePath + " lies outside the evidence root");
    }
    return real;
  }

  private static long copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
    long done = 0;
    while (from + done < to) {
      long n = in.transferTo(from + done, to - from - done, out);
      if (n <= 0) {
        throw new IOException("the mbox ended before offset " + to);
      }
      done += n;
    }
    return done;
  }

  private static long copy(FileChannel in, long from, long to, OutputStream out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    long position = from;
    while (position < to) {
      buffer.clear();
      buffer.limit((int) Math.min(buffer.capacity(), to - position));
      int n = in.read(buffer, position);
      if (n <= 0) {
        throw new IOException("the mbox ended before offset " + to);
      }
      out.write(buffer.array(), 0, n);
      position += n;
    }
    return to - from;
  }

  static void writeForced(Path file, InputStream in) throws IOException {
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      in.transferTo(Channels.newOutputStream(out));
      out.force(true);
    }
  }

  /** Forces a folder's entries (a rename in it) to disk, where the platform allows it. */
  static void forceFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform opens folders; the rename itself is atomic either way.
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256Digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
