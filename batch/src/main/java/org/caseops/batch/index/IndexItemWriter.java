package org.caseops.batch.index;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;

/**
 * Ends a chunk: commits the case's Lucene index, then saves the chunk's catalog entries in one
 * batch within the chunk's transaction. Lucene commits first, so a crash between the two leaves the
 * index ahead of the catalog, never behind; the re-read items then replace their own documents.
 */
@Dependent
@Named
public class IndexItemWriter extends AbstractItemWriter {
  @Inject JobContext jobContext;
  @Inject CaseIndexes indexes;
  @Inject ItemRepository catalog;

  @Override
  public void writeItems(List<Object> items) throws Exception {
    indexes.writer(OperationRun.of(jobContext).caseId()).commit();
    if (items.isEmpty()) {
      return;
    }
    List<Item> entries = new ArrayList<>(items.size());
    for (Object item : items) {
      entries.add((Item) item);
    }
    catalog.saveAll(entries);
  }
}
