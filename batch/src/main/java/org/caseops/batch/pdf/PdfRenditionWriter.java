package org.caseops.batch.pdf;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;

/**
 * Links a chunk's renditions to their files in one batch, within the chunk's transaction (their
 * bytes are in the content store already), and records the files that could not be rendered among
 * the operation's failed items in the same transaction.
 */
@Dependent
@Named
public class PdfRenditionWriter extends AbstractItemWriter {
  @Inject PdfRenditionRepository renditions;
  @Inject ItemFailureRepository failures;
  @Inject JobContext jobContext;
  @Inject StepContext stepContext;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<PdfRendition> rows = new ArrayList<>(items.size());
    List<ItemFailure> failed = new ArrayList<>();
    OperationRun run = OperationRun.of(jobContext);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    for (Object item : items) {
      if (item instanceof NotRendered not) {
        if (run.operationId() != null) {
          failed.add(
              ItemFailure.of(
                  run.operationId(),
                  run.caseId(),
                  stepContext.getStepName(),
                  name(not.file()),
                  "cannot be rendered as PDF: " + not.reason(),
                  now));
        }
      } else {
        rows.add((PdfRendition) item);
      }
    }
    renditions.saveAll(rows);
    failures.record(failed);
  }

  private static String name(org.caseops.domain.reviewsets.ReviewSetItem file) {
    String name = file.getName();
    if (name == null || name.isBlank()) {
      name = file.getSubject();
    }
    return name == null || name.isBlank() ? file.getId() : name.strip();
  }
}
