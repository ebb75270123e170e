package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Makes the case's own copy of an item: its content goes to the content store under its SHA-256 (read from the
 * evidence only when the case does not hold that content yet, and checked against the catalogued hash), and the review
 * set's file is built from the catalog entry. An item whose content can no longer be read is left out (the step's
 * summary counts it).
 */
@Dependent
@Named
public class CopyItemProcessor implements ItemProcessor {
  private static final Logger LOG = Logger.getLogger(CopyItemProcessor.class.getName());

  @Inject JobContext jobContext;
  @Inject ContentStore store;
  @Inject CustodianRepository custodians;
  @Inject CaseOperationRepository operations;

  @Inject @BatchProperty String caseId;
  @Inject @BatchProperty String maxItemBytes;

  private Map<String, SourceFolder> folders;
  private long maxBytes;
  private String reviewSetId;

  @Override
  public Object processItem(Object read) throws Exception {
    Item item = (Item) read;
    if (folders == null) {
      folders = new HashMap<>();
      Path root = CaseopsPaths.evidenceRoot();
      for (CustodianSource source : custodians.listSourcesOfCase(caseId)) {
        folders.put(source.getId(), SourceFolder.locate(root, source));
      }
      maxBytes = Long.parseLong(maxItemBytes.trim());
      reviewSetId =
          operations.find(OperationRun.of(jobContext).operationId()).orElseThrow().getTarget().getReviewSetId();
    }
    SourceFolder folder = folders.get(item.getSourceId());
    if (folder == null) {
      return null;
    }
    if (!store.contains(caseId, item.getSha256())) {
      try (InputStream content = ItemContent.open(folder, item.getLocation(), maxBytes)) {
        store.put(caseId, item.getSha256(), content);
      } catch (IOException e) {
        LOG.log(Level.FINE, () -> "item " + item.getId() + " cannot be copied: " + e.getMessage());
        return null;
      }
    }
    boolean email = ItemContent.isMessage(folder.source().getKind(), item.getLocation());
    String name = email ? item.getSubject() : ItemContent.fileName(item.getLocation());
    return ReviewSetItem.copyOf(
        reviewSetId,
        item,
        email ? IndexFields.KIND_EMAIL : IndexFields.KIND_DOCS,
        name,
        OperationRun.of(jobContext).operationId(),
        Instant.now());
  }
}
