package org.caseops.batch.index;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
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
import org.caseops.domain.items.Item;

/**
 * Turns a read item into its catalog entry. Unchanged items are filtered out (not parsed again).
 * For the others, the extraction the reader started ahead is awaited (or the item is parsed here);
 * an item that can be indexed has its Lucene document added or replaced (keyed by the item id, so a
 * re-run never duplicates it), one that cannot is catalogued as unindexed with its reason and any
 * older document of it is removed. Documents go to the case's index writer here, which buffers them
 * within bounded memory; the chunk's writer commits them.
 */
@Dependent
@Named
public class IndexItemProcessor implements ItemProcessor {
  @Inject JobContext jobContext;
  @Inject TextExtractor extractor;
  @Inject CaseIndexes indexes;

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
    if (!extraction.indexed()) {
      item.unindexed(extraction.unindexedReason());
      writer.deleteDocuments(id);
      return item;
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
    return item;
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
