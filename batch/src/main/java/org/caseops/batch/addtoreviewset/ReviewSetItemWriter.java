package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;

/**
 * Copies a chunk's contents into the case's content store, several at once ({@link CopyPool}),
 * while it adds in one batch, within the chunk's transaction, the review-set files of the chunk's
 * items; the files whose content could not be stored are taken out again before the chunk commits.
 * A content is read from the evidence only when the case does not hold it yet, once per SHA-256
 * (from the next item that has it when one cannot be read), and checked against the catalogued
 * hash. An item whose content can no longer be read is left out (the job's summary counts it).
 */
@Dependent
@Named
public class ReviewSetItemWriter extends AbstractItemWriter {
  private static final Logger LOG = Logger.getLogger(ReviewSetItemWriter.class.getName());

  @Inject JobContext jobContext;
  @Inject ReviewSetRepository reviewSets;
  @Inject ContentStore store;
  @Inject CopyPool pool;

  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String copyThreads;

  private final ItemContent contents = new ItemContent();

  @Override
  public void writeItems(List<Object> items) throws Exception {
    String caseId = OperationRun.of(jobContext).caseId();
    long maxBytes = Long.parseLong(maxItemBytes.trim());
    int threads =
        copyThreads == null || copyThreads.isBlank()
            ? CopyPool.DEFAULT_PARALLELISM
            : Math.max(1, Integer.parseInt(copyThreads.trim()));
    Map<String, List<ItemCopy>> bySha = new LinkedHashMap<>();
    for (Object item : items) {
      ItemCopy copy = (ItemCopy) item;
      bySha.computeIfAbsent(copy.item().getSha256(), k -> new ArrayList<>()).add(copy);
    }
    // The files go to the database while their contents are copied; the chunk commits once both are
    // done, without the files whose content could not be read.
    Set<String> lost = ConcurrentHashMap.newKeySet();
    CopyPool.Running copying =
        pool.start(
            new ArrayList<>(bySha.values()),
            threads,
            sameContent -> {
              if (!copy(caseId, sameContent, maxBytes)) {
                lost.add(sameContent.get(0).item().getSha256());
              }
            });
    List<ReviewSetItem> files = new ArrayList<>(items.size());
    for (Object item : items) {
      files.add(((ItemCopy) item).file());
    }
    try {
      reviewSets.addItems(files);
    } catch (RuntimeException e) {
      try {
        copying.await();
      } catch (Exception alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
    copying.await();
    if (!lost.isEmpty()) {
      reviewSets.removeItems(
          files.stream()
              .filter(f -> lost.contains(f.getSha256()))
              .map(ReviewSetItem::getId)
              .toList());
    }
  }

  /**
   * Makes sure the content of these items (all of one SHA-256) is stored; false when none of them
   * can be read.
   */
  private boolean copy(String caseId, List<ItemCopy> sameContent, long maxBytes)
      throws IOException {
    String sha = sameContent.get(0).item().getSha256();
    if (store.contains(caseId, sha)) {
      return true;
    }
    for (ItemCopy copy : sameContent) {
      Item item = copy.item();
      try (InputStream content =
          contents.open(copy.folder(), item.getLocation(), item.getSize(), maxBytes)) {
        store.put(caseId, sha, content);
        return true;
      } catch (IOException e) {
        LOG.log(Level.FINE, () -> "item " + item.getId() + " cannot be copied: " + e.getMessage());
      }
    }
    return false;
  }
}
