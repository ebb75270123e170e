package org.caseops.batch.pdf;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;

/**
 * Links a chunk's renditions to their files in one batch, within the chunk's transaction (their
 * bytes are in the content store already).
 */
@Dependent
@Named
public class PdfRenditionWriter extends AbstractItemWriter {
  @Inject PdfRenditionRepository renditions;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    List<PdfRendition> rows = new ArrayList<>(items.size());
    for (Object item : items) {
      rows.add((PdfRendition) item);
    }
    renditions.saveAll(rows);
  }
}
