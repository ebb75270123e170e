package org.caseops.batch.holdpolicysync;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperationRepository;

/**
 * Reads the catalogued items a legal hold covers, in id order, {@code pageSize} at a time: every
 * item of its sources, or those its contentQuery matches; nothing when the hold is disabled or
 * deleted. Its checkpoint is the id of the last item it handed out, so a restart neither repeats
 * nor misses an item.
 */
@Dependent
@Named
public class PolicyItemReader extends AbstractItemReader {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CustodianRepository custodians;
  @Inject LegalHoldRepository legalHolds;
  @Inject ItemRepository catalog;

  @Inject @BatchProperty String pageSize;

  private PolicyScope scope;
  private List<String> sourceIds = List.of();
  private int page;
  private String afterId;
  private long done;
  private String lastFetched;
  private boolean exhausted;
  private final Deque<Item> buffer = new ArrayDeque<>();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    scope =
        PolicyScope.of(operations.find(run.operationId()).orElseThrow(), legalHolds, custodians);
    page = pageSize == null || pageSize.isBlank() ? 1000 : Math.max(1, Integer.parseInt(pageSize));
    sourceIds = scope.coveredSourceIds();
    if (checkpoint instanceof PolicyCheckpoint c) {
      afterId = c.afterId();
      done = c.done();
    }
    lastFetched = afterId;
    run.totalWork(
        scope.matches() == null ? catalog.countInSources(sourceIds) : scope.matches().size());
    run.doneWork(done);
  }

  @Override
  public Object readItem() {
    while (true) {
      if (buffer.isEmpty() && !exhausted) {
        List<Item> next = catalog.listInSourcesAfter(sourceIds, lastFetched, page);
        exhausted = next.size() < page;
        if (!next.isEmpty()) {
          lastFetched = next.get(next.size() - 1).getId();
        }
        buffer.addAll(next);
      }
      Item item = buffer.poll();
      if (item == null) {
        return null;
      }
      afterId = item.getId();
      if (scope.matches() != null && !scope.matches().contains(item.getId())) {
        continue;
      }
      done++;
      OperationRun.of(jobContext).doneWork(done);
      return item;
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return new PolicyCheckpoint(afterId, done);
  }
}
