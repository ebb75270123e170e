package org.caseops.batch.pdf;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;

/**
 * Reads the files to convert: on opening, the ids of the files in scope ({@link PdfScope}), in id
 * order, are its total work; then a page of ids at a time, it hands on the files whose rendition is
 * missing or not current (another source content or renderer version). Its checkpoint is the last
 * file id handled, so a restart resumes after it.
 */
@Dependent
@Named
public class PdfFileReader extends AbstractItemReader {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject ReviewSetRepository reviewSets;
  @Inject PdfRenditionRepository renditions;
  @Inject PdfScope scope;

  @Inject @BatchProperty String pageSize;

  private String reviewSetId;
  private int page;
  private String[] ids = new String[0];
  private int next;
  private String pageEnd;
  private String lastHandedOut;
  private final Deque<ReviewSetItem> buffer = new ArrayDeque<>();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    OperationTarget target = operations.find(run.operationId()).orElseThrow().getTarget();
    reviewSetId = target.getReviewSetId();
    page =
        pageSize == null || pageSize.isBlank()
            ? 100
            : Math.max(1, Integer.parseInt(pageSize.trim()));
    ids = scope.fileIds(run.caseId(), target).toArray(String[]::new);
    if (checkpoint instanceof PdfCheckpoint c && c.afterId() != null) {
      pageEnd = c.afterId();
      int at = Arrays.binarySearch(ids, c.afterId());
      next = at >= 0 ? at + 1 : -at - 1;
    }
    run.totalWork(ids.length);
    run.doneWork(next);
  }

  @Override
  public Object readItem() throws Exception {
    while (buffer.isEmpty()) {
      if (next >= ids.length) {
        return null;
      }
      nextPage();
    }
    ReviewSetItem file = buffer.poll();
    lastHandedOut = file.getId();
    return file;
  }

  private void nextPage() {
    int end = Math.min(ids.length, next + page);
    List<String> pageIds = Arrays.asList(ids).subList(next, end);
    pageEnd = ids[end - 1];
    next = end;
    OperationRun.of(jobContext).doneWork(next);
    Map<String, PdfRendition> existing = renditions.findAll(pageIds);
    // One read for the page's files, handed out in id order as the checkpoint expects.
    List<ReviewSetItem> files =
        new java.util.ArrayList<>(reviewSets.findItems(reviewSetId, pageIds));
    files.sort(java.util.Comparator.comparing(ReviewSetItem::getId));
    for (ReviewSetItem file : files) {
      PdfRendition r = existing.get(file.getId());
      if (r == null || !r.isCurrentFor(file, PdfRenderer.VERSION)) {
        buffer.add(file);
      }
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return new PdfCheckpoint(buffer.isEmpty() ? pageEnd : lastHandedOut, next - buffer.size());
  }
}
