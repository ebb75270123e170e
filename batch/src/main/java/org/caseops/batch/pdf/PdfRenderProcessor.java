package org.caseops.batch.pdf;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.ReviewSetItem;

/**
 * Renders one review-set file ({@link FileRenderer}) and keeps the PDF in the case's content store;
 * hands on the rendition's row for {@link PdfRenditionWriter}. A file that cannot be rendered is
 * handed on as {@link NotRendered}, for the writer to record among the operation's failed items;
 * the job's summary names it too, as it has no current rendition.
 */
@Dependent
@Named
public class PdfRenderProcessor implements ItemProcessor {
  private static final Logger LOG = Logger.getLogger(PdfRenderProcessor.class.getName());

  @Inject JobContext jobContext;
  @Inject FileRenderer renderer;

  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String textLimit;

  @Override
  public Object processItem(Object read) throws Exception {
    ReviewSetItem file = (ReviewSetItem) read;
    OperationRun run = OperationRun.of(jobContext);
    try {
      FileRenderer.Stored stored =
          renderer.renderAndStore(
              run.caseId(),
              file,
              parse(maxItemBytes, FileRenderer.DEFAULT_MAX_ITEM_BYTES),
              (int) parse(textLimit, FileRenderer.DEFAULT_TEXT_LIMIT));
      return PdfRendition.of(
          file,
          stored.sha256(),
          stored.size(),
          stored.pages(),
          PdfRenderer.VERSION,
          stored.replacedCharacters(),
          run.operationId(),
          Instant.now().truncatedTo(ChronoUnit.MICROS));
    } catch (FileRenderer.NotRenderableException e) {
      LOG.log(
          Level.INFO,
          () -> "review-set file " + file.getId() + " cannot be rendered: " + e.getMessage());
      return new NotRendered(file, e.getMessage());
    }
  }

  private static long parse(String value, long otherwise) {
    return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
  }
}
