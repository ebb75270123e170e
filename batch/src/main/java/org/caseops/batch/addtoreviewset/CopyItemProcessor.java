package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Builds the review set's file of an item from its catalog entry, with the folder of its source,
 * for {@link ReviewSetItemWriter} to copy the content and add the file. An item of a source the
 * case no longer has is left out.
 */
@Dependent
@Named
public class CopyItemProcessor implements ItemProcessor {
  @Inject JobContext jobContext;
  @Inject CustodianRepository custodians;
  @Inject CaseOperationRepository operations;

  private Map<String, SourceFolder> folders;
  private String reviewSetId;

  @Override
  public Object processItem(Object read) throws Exception {
    Item item = (Item) read;
    if (folders == null) {
      folders = new HashMap<>();
      Path root = CaseopsPaths.evidenceRoot();
      for (CustodianSource source :
          custodians.listSourcesOfCase(OperationRun.of(jobContext).caseId())) {
        folders.put(source.getId(), SourceFolder.locate(root, source));
      }
      reviewSetId =
          operations
              .find(OperationRun.of(jobContext).operationId())
              .orElseThrow()
              .getTarget()
              .getReviewSetId();
    }
    SourceFolder folder = folders.get(item.getSourceId());
    if (folder == null) {
      return null;
    }
    boolean email = ItemContent.isMessage(folder.source().getKind(), item.getLocation());
    String name = email ? item.getSubject() : ItemContent.fileName(item.getLocation());
    return new ItemCopy(
        item,
        folder,
        ReviewSetItem.copyOf(
            reviewSetId,
            item,
            email ? IndexFields.KIND_EMAIL : IndexFields.KIND_DOCS,
            name,
            OperationRun.of(jobContext).operationId(),
            Instant.now()));
  }
}
