package org.caseops.batch.index;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.caseops.batch.evidence.EvidenceItem;
import org.caseops.batch.extraction.Extraction;
import org.caseops.batch.extraction.TextExtractor;
import org.caseops.batch.extraction.UnindexedReasons;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;

/**
 * Turns a read item into its catalog entry. Unchanged items are filtered out (not parsed again).
 * For the others, the extraction the reader started ahead is awaited (or the item is parsed here);
 * an item that can be indexed has its Lucene document added or replaced (keyed by the item id, so a
 * re-run never duplicates it), one that cannot is catalogued as unindexed with its reason and any
 * older document of it is removed. Documents go to the case's index writer here, which buffers them
 * within bounded memory; the chunk's writer commits them.
 *
 * <p>An item of a held source that changed keeps its earlier version when a hold preserved it: that
 * version becomes an item of its own ({@code preservedOnly}, at the same location, with its own
 * id), whose document is made again from the preserved copy, so that both versions are found. An
 * item whose bytes are those of a kept earlier version again takes its place.
 */
@Dependent
@Named
public class IndexItemProcessor implements ItemProcessor {
  @Inject JobContext jobContext;
  @Inject TextExtractor extractor;
  @Inject CaseIndexes indexes;
  @Inject StepContext stepContext;
  @Inject ItemRepository catalog;
  @Inject HoldRepository holds;
  @Inject ContentStore store;

  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String textLimit;

  private long maxBytes = -1;
  private int maxText;

  @Override
  public Object processItem(Object read) throws Exception {
    ReadItem readItem = (ReadItem) read;
    EvidenceItem evidence = readItem.evidence();
    if (evidence.unchanged()) {
      return null;
    }
    if (maxBytes < 0) {
      maxBytes = Long.parseLong(maxItemBytes.trim());
      maxText = Integer.parseInt(textLimit.trim());
    }
    OperationRun run = OperationRun.of(jobContext);
    String caseId = run.caseId();
    Item item =
        Item.catalogued(
            caseId,
            evidence.source().getId(),
            evidence.location(),
            evidence.size(),
            evidence.sha256(),
            run.operationId(),
            Instant.now());
    if (evidence.itemId() != null) {
      item.identifiedAs(evidence.itemId());
    }
    Extraction extraction;
    if (evidence.tooLarge()) {
      extraction = Extraction.unindexed(UnindexedReasons.tooLarge(evidence.size(), maxBytes), null);
    } else if (readItem.extraction() != null) {
      extraction = done(readItem.extraction());
    } else {
      extraction =
          extractor.extract(evidence.content(), evidence.fileName(), evidence.rfc822(), maxText);
    }
    item.withContentType(extraction.contentType());
    IndexWriter writer = indexes.writer(caseId);
    Term id = new Term(IndexFields.ID, item.getId());
    Item kept = null;
    String dropped = null;
    if (held(evidence)) {
      kept = keepEarlierVersion(caseId, evidence, writer);
      dropped = dropKeptVersion(evidence, writer);
    }
    if (!extraction.indexed()) {
      item.unindexed(extraction.unindexedReason());
      writer.deleteDocuments(id);
      return new CatalogEntry(item, kept, dropped);
    }
    if (evidence.email()) {
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
        id,
        IndexFields.document(
            item, evidence.email(), evidence.fileName(), evidence.fileType(), extraction));
    return new CatalogEntry(item, kept, dropped);
  }

  private boolean held(EvidenceItem evidence) {
    return stepContext.getTransientUserData() instanceof IndexStepState state
        && state.heldSources().containsKey(evidence.source().getId());
  }

  /**
   * The earlier version of a changed item, as an item of its own with its document made again from
   * the preserved copy, when a hold preserved that version; null otherwise.
   */
  private Item keepEarlierVersion(String caseId, EvidenceItem evidence, IndexWriter writer)
      throws IOException {
    String before = evidence.previousSha256();
    if (before == null) {
      return null;
    }
    String itemId =
        evidence.itemId() != null
            ? evidence.itemId()
            : Item.idFor(evidence.source().getId(), evidence.location());
    List<Item> found = catalog.findAll(List.of(itemId));
    if (found.isEmpty()
        || !found.get(0).getSha256().equals(before)
        || !holds.preservedIds(caseId, Map.of(itemId, before)).contains(itemId)) {
      return null;
    }
    Item version = found.get(0).keptVersion();
    Term versionId = new Term(IndexFields.ID, version.getId());
    if (!version.isIndexed()) {
      writer.deleteDocuments(versionId);
      return version;
    }
    Extraction extraction;
    Optional<Long> size = store.size(caseId, before);
    if (size.isEmpty()) {
      return null;
    }
    if (size.get() > maxBytes) {
      extraction = Extraction.unindexed(UnindexedReasons.tooLarge(size.get(), maxBytes), null);
    } else {
      byte[] bytes;
      try (InputStream in = store.open(caseId, before).orElseThrow()) {
        bytes = in.readAllBytes();
      }
      extraction = extractor.extract(bytes, evidence.fileName(), evidence.rfc822(), maxText);
    }
    if (!extraction.indexed()) {
      version.unindexed(extraction.unindexedReason());
      writer.deleteDocuments(versionId);
      return version;
    }
    writer.updateDocument(
        versionId,
        IndexFields.document(
            version, evidence.email(), evidence.fileName(), evidence.fileType(), extraction));
    return version;
  }

  /**
   * The id of the kept earlier version whose bytes the item has again, whose document goes; null
   * when there is none.
   */
  private String dropKeptVersion(EvidenceItem evidence, IndexWriter writer) throws IOException {
    if (evidence.previousSha256() == null) {
      return null;
    }
    String versionId =
        Item.versionIdFor(evidence.source().getId(), evidence.location(), evidence.sha256());
    if (catalog.knownHashes(List.of(versionId)).isEmpty()) {
      return null;
    }
    writer.deleteDocuments(new Term(IndexFields.ID, versionId));
    return versionId;
  }

  private static Extraction done(Future<Extraction> extraction) throws Exception {
    try {
      return extraction.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
