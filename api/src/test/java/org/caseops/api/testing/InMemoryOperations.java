package org.caseops.api.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationLifecycle;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.support.ListQuery;

/**
 * Operations in a map; records every call in {@link #calls} so that tests can check the submission
 * order.
 */
public class InMemoryOperations implements CaseOperationRepository {
  public final Map<String, CaseOperation> stored = new LinkedHashMap<>();
  public final List<String> calls = new ArrayList<>();
  public final Map<String, Long> executions = new LinkedHashMap<>();
  public int findCalls;

  @Override
  public void add(CaseOperation operation) {
    calls.add("add " + operation.getId());
    stored.put(operation.getId(), operation);
  }

  /**
   * As the database does it: checks the action's conflicts and stores, as one step; links are not
   * kept here.
   */
  @Override
  public synchronized void submit(CaseOperation operation) {
    ActionRules rules = ActionRules.of(operation.getAction()).orElseThrow();
    rules.requireNoConflict(operation.getTarget(), listOpen(operation.getCaseId()));
    add(operation);
  }

  /** As the database does it: all checked before any is stored, then all stored, or none. */
  @Override
  public synchronized void submitAll(List<CaseOperation> operations, List<Runnable> changes) {
    List<CaseOperation> open = new ArrayList<>();
    for (CaseOperation operation : operations) {
      List<CaseOperation> blocking = new ArrayList<>(listOpen(operation.getCaseId()));
      blocking.addAll(open);
      ActionRules.of(operation.getAction())
          .orElseThrow()
          .requireNoConflict(operation.getTarget(), blocking);
      open.add(operation);
    }
    for (int i = 0; i < operations.size(); i++) {
      changes.get(i).run();
      add(operations.get(i));
    }
  }

  @Override
  public synchronized boolean withdraw(CaseOperation operation) {
    calls.add("withdraw " + operation.getId());
    CaseOperation op = stored.get(operation.getId());
    if (op == null
        || op.getStatus() != CaseOperationStatus.notStarted
        || executions.containsKey(op.getId())) {
      return false;
    }
    stored.remove(op.getId());
    return true;
  }

  @Override
  public synchronized boolean requestCancel(String operationId, IdentitySet by, Instant at) {
    calls.add("requestCancel " + operationId);
    CaseOperation op = stored.get(operationId);
    if (op == null || !OperationLifecycle.isOpen(op.getStatus())) {
      return false;
    }
    Fields.set(op, "cancelRequestedBy", by);
    Fields.set(op, "cancelRequestedAt", at);
    return true;
  }

  @Override
  public synchronized boolean retry(CaseOperation operation) {
    calls.add("retry " + operation.getId());
    ActionRules.of(operation.getAction())
        .orElseThrow()
        .requireNoConflict(
            operation.getTarget(),
            listOpen(operation.getCaseId()).stream()
                .filter(o -> !o.getId().equals(operation.getId()))
                .toList());
    CaseOperation op = stored.get(operation.getId());
    if (op == null || op.getStatus() != CaseOperationStatus.failed) {
      return false;
    }
    Fields.set(op, "status", CaseOperationStatus.notStarted);
    Fields.set(op, "completedDateTime", null);
    Fields.set(op, "resultInfo", null);
    Fields.set(op, "cancelRequestedBy", null);
    Fields.set(op, "cancelRequestedAt", null);
    return true;
  }

  @Override
  public Optional<CaseOperation> find(String caseId, String operationId) {
    findCalls++;
    return find(operationId).filter(op -> op.getCaseId().equals(caseId));
  }

  @Override
  public Optional<CaseOperation> find(String operationId) {
    return Optional.ofNullable(stored.get(operationId));
  }

  private static final InMemoryListQueries<CaseOperation> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", CaseOperation::getId,
              "status", CaseOperation::getStatus,
              "action", CaseOperation::getAction,
              "createdDateTime", CaseOperation::getCreatedDateTime,
              "completedDateTime", CaseOperation::getCompletedDateTime,
              "percentProgress", CaseOperation::getPercentProgress,
              "caseId", CaseOperation::getCaseId),
          List.of(new ListQuery.OrderKey("createdDateTime", true)));

  @Override
  public List<CaseOperation> list(String caseId, ListQuery query) {
    return QUERIES.list(ofCase(caseId), query);
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(ofCase(caseId), filter);
  }

  @Override
  public List<CaseOperation> listAll(ListQuery query) {
    return QUERIES.list(List.copyOf(stored.values()), query);
  }

  @Override
  public long countAll(ListQuery.Condition filter) {
    return QUERIES.count(List.copyOf(stored.values()), filter);
  }

  @Override
  public int deleteEndedBefore(Instant instant) {
    List<String> ended =
        stored.values().stream()
            .filter(
                op ->
                    op.getStatus().isTerminal()
                        && op.getCompletedDateTime() != null
                        && op.getCompletedDateTime().isBefore(instant))
            .map(CaseOperation::getId)
            .toList();
    ended.forEach(stored::remove);
    return ended.size();
  }

  private List<CaseOperation> ofCase(String caseId) {
    return stored.values().stream().filter(op -> op.getCaseId().equals(caseId)).toList();
  }

  @Override
  public List<CaseOperation> listOpen(String caseId) {
    return stored.values().stream()
        .filter(op -> op.getCaseId().equals(caseId))
        .filter(op -> !op.getStatus().isTerminal())
        .toList();
  }

  @Override
  public List<CaseOperation> listInStatus(List<CaseOperationStatus> statuses) {
    return stored.values().stream().filter(op -> statuses.contains(op.getStatus())).toList();
  }

  @Override
  public void markRunning(String operationId, long executionId) {
    calls.add("markRunning " + operationId + " " + executionId);
    executions.put(operationId, executionId);
    Fields.set(stored.get(operationId), "status", CaseOperationStatus.running);
    Fields.set(stored.get(operationId), "executionId", executionId);
  }

  @Override
  public boolean reopen(String operationId, long executionId) {
    Fields.set(stored.get(operationId), "status", CaseOperationStatus.running);
    return true;
  }

  @Override
  public void raiseProgress(String operationId, int percent) {
    CaseOperation op = stored.get(operationId);
    if (OperationLifecycle.isOpen(op.getStatus())) {
      Fields.set(
          op, "percentProgress", OperationLifecycle.raised(op.getPercentProgress(), percent));
    }
  }

  @Override
  public boolean complete(
      String operationId, CaseOperationStatus status, ResultInfo resultInfo, Instant completedAt) {
    calls.add("complete " + operationId + " " + status);
    CaseOperation op = stored.get(operationId);
    Fields.set(op, "status", status);
    Fields.set(op, "resultInfo", resultInfo);
    Fields.set(op, "completedDateTime", completedAt);
    return true;
  }

  @Override
  public boolean completeExecution(
      String operationId,
      long executionId,
      CaseOperationStatus status,
      ResultInfo resultInfo,
      Instant completedAt) {
    CaseOperation op = stored.get(operationId);
    if (op == null
        || op.getStatus().isTerminal()
        || !Long.valueOf(executionId).equals(op.getExecutionId())) {
      return false;
    }
    complete(operationId, status, resultInfo, completedAt);
    return true;
  }

  @Override
  public void recordEstimate(String operationId, EstimateStatistics estimate) {
    Fields.set(stored.get(operationId), "estimate", estimate);
  }

  @Override
  public void deleteOfCase(String caseId) {
    stored.values().removeIf(op -> op.getCaseId().equals(caseId));
  }
}
