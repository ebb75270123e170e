package org.caseops.batch.index;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.evidence.EvidenceCursor;
import org.caseops.batch.evidence.EvidenceItem;
import org.caseops.batch.evidence.EvidencePosition;
import org.caseops.batch.evidence.EvidenceWalk;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.MboxCatalog;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.extraction.Extraction;
import org.caseops.batch.extraction.ExtractionPool;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldCoverage;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemState;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Reads the items of every source of the case from the evidence root. Before reading, it walks the
 * sources once to learn the total bytes (the operation's measure of progress). It reads ahead
 * blocks of items (up to {@code lookaheadItems} items or {@code lookaheadBytes} bytes in memory
 * each) and looks their hashes up in the catalog in one query per block, marking those whose
 * SHA-256 is unchanged, so they are not parsed again. The next {@code extractionThreads} changed
 * items (0: one per processor) are extracted ahead on other threads; extraction has no side
 * effects, the processor still indexes and catalogues items in order. Its checkpoint is the
 * position after the last item it returned, so a restart neither repeats nor misses an item.
 *
 * <p>An operation that names custodians (a custodian's {@code updateIndex}) reads their sources
 * only. A new or changed item of a source under a hold that covers it whole (see {@link
 * HoldCoverage}) has its bytes copied into the case's content store as soon as they are read,
 * before the item is parsed or catalogued.
 */
@Dependent
@Named
public class EvidenceItemReader implements ItemReader {
  private static final Logger LOG = Logger.getLogger(EvidenceItemReader.class.getName());

  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject CustodianRepository custodians;
  @Inject ItemRepository items;
  @Inject CaseOperationRepository operations;
  @Inject LegalHoldRepository legalHolds;

  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String lookaheadItems;
  @Inject @BatchProperty String lookaheadBytes;
  @Inject @BatchProperty String extractionThreads;
  @Inject @BatchProperty String textLimit;

  @Inject ExtractionPool extraction;
  @Inject CaseIndexes indexes;
  @Inject ContentStore store;
  @Inject MboxCatalog mboxes;

  /** Whether the case's index is in an older format, so that unchanged items are read again too. */
  private boolean rewriteAll;

  private final Deque<Pending> block = new ArrayDeque<>();
  private EvidenceCursor cursor;
  private EvidencePosition position;
  private long bytesRead;
  private IndexTally tally;
  private OperationRun run;
  private int blockItems;
  private long blockBytes;
  private int window;
  private int maxText;
  private boolean exhausted;
  private String caseId;
  private long maxBytes;
  private final Map<String, SourceFolder> heldFolders = new HashMap<>();
  private final Map<String, SourceFolder> foldersById = new HashMap<>();

  /**
   * Per mbox ({@code sourceId/path}) read in this run: the highest offset of a current catalog
   * entry in it before this run changed any (looked up when a message no entry names is read), or
   * -1 once its entries followed the mbox, or when it had none (nothing can have moved).
   */
  private final Map<String, Long> mboxState = new HashMap<>();

  private final AtomicBoolean readToEnd = new AtomicBoolean();
  private final ItemContent contents = new ItemContent();

  /** An item read ahead, and its extraction once started. */
  private static final class Pending {
    final EvidenceItem item;
    Future<Extraction> extraction;

    Pending(EvidenceItem item) {
      this.item = item;
    }

    boolean extractable() {
      return item.problem() == null && !item.unchanged() && !item.tooLarge();
    }
  }

  @Override
  public void open(Serializable checkpoint) throws IOException {
    run = OperationRun.of(jobContext);
    caseId = run.caseId();
    if (caseId == null) {
      throw new IllegalArgumentException("the index job needs a caseId job parameter");
    }
    maxBytes = Long.parseLong(maxItemBytes.trim());
    blockItems = Math.max(1, Integer.parseInt(lookaheadItems.trim()));
    blockBytes = Math.max(1, Long.parseLong(lookaheadBytes.trim()));
    int threads = Integer.parseInt(extractionThreads.trim());
    window = threads > 0 ? threads : ExtractionPool.defaultParallelism();
    maxText = Integer.parseInt(textLimit.trim());
    rewriteAll = !indexes.holdsCurrentFormat(caseId);
    ReaderCheckpoint start = (ReaderCheckpoint) checkpoint;
    mboxState.clear();
    foldersById.clear();
    position = start == null ? null : start.position();
    bytesRead = start == null ? 0 : start.bytesRead();
    tally = start == null ? new IndexTally() : start.tally().copy();

    Path root = CaseopsPaths.evidenceRoot();
    List<SourceFolder> folders = new ArrayList<>();
    List<String> sourceIds = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long total = 0;
    long skippedLinks = 0;
    Map<String, CustodianSource> held = new HashMap<>();
    List<String> readHeld = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    List<String> only =
        run.operationId() == null
            ? List.of()
            : operations
                .find(run.operationId())
                .map(op -> op.getTarget().getCustodianIds())
                .orElse(List.of());
    List<CustodianSource> read = new ArrayList<>();
    for (CustodianSource source : custodians.listSourcesOfCase(caseId)) {
      if (only.isEmpty() || only.contains(source.containerId())) {
        read.add(source);
      }
    }
    HoldCoverage coverage = HoldCoverage.of(read, legalHolds.inForce(caseId));
    for (CustodianSource source : read) {
      SourceFolder folder = SourceFolder.locate(root, source);
      folders.add(folder);
      foldersById.put(source.getId(), folder);
      sourceIds.add(source.getId());
      names.put(source.getId(), source.getDisplayName());
      if (coverage.coversWhole(source.getId())) {
        held.put(source.getId(), source);
        heldFolders.put(source.getId(), folder);
      } else if (coverage.queried().stream()
          .anyMatch(q -> q.sourceIds().contains(source.getId()))) {
        // Its items are preserved once indexed, when a legal hold's query matches them.
        held.put(source.getId(), source);
      }
      if (!folder.readable()) {
        String where =
            folder.relativePath() == null ? source.getDisplayName() : folder.relativePath();
        notes.add(where + " (" + folder.problem() + ")");
        continue;
      }
      if (held.containsKey(source.getId())) {
        readHeld.add(source.getId());
      }
      EvidenceWalk.Summary summary = EvidenceWalk.summarize(folder.root(), folder.folder());
      total += summary.bytes();
      skippedLinks += summary.skippedLinks();
    }
    run.totalWork(total, OperationRun.BYTES);
    run.doneWork(bytesRead);
    stepContext.setTransientUserData(
        new IndexStepState(
            tally,
            List.copyOf(sourceIds),
            List.copyOf(notes),
            skippedLinks,
            Map.copyOf(held),
            coverage,
            only.isEmpty(),
            List.copyOf(readHeld),
            readToEnd,
            Map.copyOf(names)));
    cursor = new EvidenceCursor(folders, position, bytesRead, maxBytes);
  }

  @Override
  public Object readItem() throws UnreadableItemException {
    while (!exhausted && block.size() <= window) {
      exhausted = !fillBlock();
    }
    Pending next = block.poll();
    if (next == null) {
      readToEnd.set(true);
      return null;
    }
    extractAhead(next);
    extractAhead();
    EvidenceItem item = next.item;
    position = item.after();
    bytesRead = item.bytesReadAfter();
    run.doneWork(bytesRead);
    if (item.problem() != null) {
      String name = item.source().getDisplayName() + ": " + item.location();
      tally.unreadable(name + " " + item.problem());
      throw new UnreadableItemException(name, item.problem());
    }
    tally.seen();
    return new ReadItem(item, next.extraction);
  }

  /**
   * Gives each readable item its catalog id. An item keeps its id when it moves (a message of an
   * mbox that a purge or a restore rewrote), so a message is looked up by its location: the item
   * catalogued there (the current one rather than one kept from its preserved copy only) gives its
   * id; a new message gets {@link Item#idFor}, or an alternate id when an item that moved from
   * elsewhere has that one. Files (not messages of an mbox) never move: their id is their path's.
   */
  private void identify(List<EvidenceItem> added) {
    Map<String, List<EvidenceItem>> messages = new LinkedHashMap<>();
    for (EvidenceItem item : added) {
      if (item.problem() != null) {
        continue;
      }
      String sourceId = item.source().getId();
      item.identify(Item.idFor(sourceId, item.location()));
      if (item.location().contains("#")) {
        messages.computeIfAbsent(sourceId, k -> new ArrayList<>()).add(item);
      }
    }
    for (Map.Entry<String, List<EvidenceItem>> source : messages.entrySet()) {
      Map<String, Item> catalogued = catalogued(source.getKey(), source.getValue());
      if (followEditedMboxes(source.getKey(), source.getValue(), catalogued)) {
        catalogued = catalogued(source.getKey(), source.getValue());
      }
      List<EvidenceItem> fresh = new ArrayList<>();
      for (EvidenceItem item : source.getValue()) {
        Item there = catalogued.get(item.location());
        if (there != null) {
          item.identify(there.getId());
        } else {
          fresh.add(item);
        }
      }
      if (fresh.isEmpty()) {
        continue;
      }
      Map<String, String> taken = new HashMap<>();
      for (Item item : items.findAll(fresh.stream().map(EvidenceItem::itemId).toList())) {
        taken.put(item.getId(), item.getLocation());
      }
      for (EvidenceItem item : fresh) {
        String location = taken.get(item.itemId());
        for (int attempt = 1; location != null && !location.equals(item.location()); attempt++) {
          item.identify(Item.alternateIdFor(source.getKey(), item.location(), attempt));
          List<Item> other = items.findAll(List.of(item.itemId()));
          location = other.isEmpty() ? null : other.get(0).getLocation();
        }
      }
    }
  }

  /** The items catalogued at the messages' locations, the current one where there are two. */
  private Map<String, Item> catalogued(String sourceId, List<EvidenceItem> messages) {
    Map<String, Item> catalogued = new HashMap<>();
    for (Item item :
        items.atLocations(sourceId, messages.stream().map(EvidenceItem::location).toList())) {
      catalogued.merge(
          item.getLocation(), item, (a, b) -> a.getState() == ItemState.current ? a : b);
    }
    return catalogued;
  }

  /**
   * Makes the catalog entries of each mbox that was edited at its source follow its messages before
   * they are identified ({@link MboxCatalog#follow}): a message removed, added or changed before
   * others moves them, and a moved message is the item catalogued with its bytes, not a new one. An
   * mbox counts as edited when one of its messages is read at an offset whose entry has other
   * bytes, or at an offset no entry names while an entry names a later one; messages only added at
   * its end are not an edit. The mbox is split once more to learn where each message now stands,
   * once per run. Returns whether any entry may have moved.
   */
  private boolean followEditedMboxes(
      String sourceId, List<EvidenceItem> messages, Map<String, Item> catalogued) {
    boolean followed = false;
    for (EvidenceItem message : messages) {
      String location = message.location();
      long offset = MboxCatalog.offsetOf(location);
      if (offset < 0) {
        continue; // a file with '#' in its name, not a message of an mbox
      }
      String path = MboxCatalog.pathOf(location);
      String key = sourceId + "/" + path;
      Long last = mboxState.get(key);
      if (last != null && last < 0) {
        continue;
      }
      Item there = catalogued.get(location);
      boolean edited;
      if (there != null) {
        edited = !there.getSha256().equals(message.sha256());
      } else {
        if (last == null) {
          last = lastCatalogued(sourceId, path);
          mboxState.put(key, last);
        }
        edited = offset < last;
      }
      if (edited) {
        mboxState.put(key, -1L);
        followed |= follow(sourceId, path);
      }
    }
    return followed;
  }

  /** The highest offset of a current entry of the mbox, -1 when it has none. */
  private long lastCatalogued(String sourceId, String path) {
    long last = -1;
    for (Item item : items.listInFile(sourceId, path)) {
      if (item.getState() == ItemState.current && !item.isEarlierVersion()) {
        last = Math.max(last, MboxCatalog.offsetOf(item.getLocation()));
      }
    }
    return last;
  }

  private boolean follow(String sourceId, String path) {
    SourceFolder folder = foldersById.get(sourceId);
    try {
      mboxes.follow(sourceId, path, MboxCatalog.split(folder.folder().resolve(path)));
      return true;
    } catch (IOException e) {
      // Read again below as it comes; a message that moved is then catalogued at its new offset.
      LOG.warning(
          "the catalog entries of mbox "
              + path
              + " could not follow its messages: "
              + e.getMessage());
      return false;
    }
  }

  /** Reads one more block and looks its hashes up; false when there was nothing more to read. */
  private boolean fillBlock() {
    List<EvidenceItem> added = new ArrayList<>();
    long held = 0;
    while (added.size() < blockItems && held < blockBytes) {
      EvidenceItem next = cursor.next();
      if (next == null) {
        break;
      }
      added.add(next);
      held += next.heldBytes();
    }
    List<String> ids = new ArrayList<>(added.size());
    identify(added);
    for (EvidenceItem item : added) {
      if (item.problem() == null) {
        ids.add(item.itemId());
      }
    }
    Map<String, String> known = ids.isEmpty() ? Map.of() : items.knownHashes(ids);
    List<String> heldUnchanged = new ArrayList<>();
    for (EvidenceItem item : added) {
      if (item.problem() == null) {
        String id = item.itemId();
        String before = known.get(id);
        boolean isHeld = heldFolders.containsKey(item.source().getId());
        if (before != null && !before.equals(item.sha256())) {
          item.markChanged(before);
        }
        if (item.sha256().equals(before) && isHeld) {
          // Found at its source as catalogued: kept apart from the items the source lost.
          heldUnchanged.add(id);
        }
        if (!rewriteAll && item.sha256().equals(before)) {
          item.markUnchanged();
        } else if (isHeld) {
          preserve(item);
        }
      }
      block.add(new Pending(item));
    }
    if (!heldUnchanged.isEmpty() && run.operationId() != null) {
      items.markSeen(heldUnchanged, run.operationId());
    }
    return !added.isEmpty();
  }

  /**
   * Copies a new or changed item of a held source into the case's content store before anything
   * else sees it; the index's writer records it under the hold once its catalog entry is written.
   * An item whose bytes cannot be copied is left unrecorded, and the hold's next application names
   * it.
   */
  private void preserve(EvidenceItem item) {
    try {
      if (store.contains(caseId, item.sha256())) {
        return;
      }
      if (item.content() != null) {
        store.put(caseId, item.sha256(), new ByteArrayInputStream(item.content()));
        return;
      }
      try (InputStream in =
          contents.open(
              heldFolders.get(item.source().getId()), item.location(), item.size(), maxBytes)) {
        store.put(caseId, item.sha256(), in);
      }
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "item "
              + item.location()
              + " of a held source could not be preserved: "
              + e.getMessage());
    }
  }

  /** Keeps the extractions of the next {@code window} changed items running. */
  private void extractAhead() {
    int started = 0;
    for (Pending pending : block) {
      if (started >= window) {
        break;
      }
      if (pending.extractable()) {
        extractAhead(pending);
        started++;
      }
    }
  }

  private void extractAhead(Pending pending) {
    if (pending.extraction == null && pending.extractable()) {
      EvidenceItem item = pending.item;
      pending.extraction =
          extraction.submit(item.content(), item.fileName(), item.rfc822(), maxText);
      item.releaseContent();
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return new ReaderCheckpoint(position, bytesRead, tally.copy());
  }

  @Override
  public void close() {
    for (Pending pending : block) {
      if (pending.extraction != null) {
        pending.extraction.cancel(true);
      }
    }
    block.clear();
    if (cursor != null) {
      cursor.close();
    }
  }
}
