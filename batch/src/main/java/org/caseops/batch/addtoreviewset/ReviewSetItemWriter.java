package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;

/** Adds a chunk's review-set files in one batch, within the chunk's transaction. */
@Dependent
@Named
public class ReviewSetItemWriter extends AbstractItemWriter {
  @Inject ReviewSetRepository reviewSets;

  @Override
  public void writeItems(List<Object> items) {
    List<ReviewSetItem> files = new ArrayList<>(items.size());
    for (Object item : items) {
      files.add((ReviewSetItem) item);
    }
    reviewSets.addItems(files);
  }
}
