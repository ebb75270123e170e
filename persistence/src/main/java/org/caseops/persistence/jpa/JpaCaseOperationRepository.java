package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationChanged;
import org.caseops.domain.operations.OperationLifecycle;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Operations in JPA. Every change after the insert is a single-statement update of its own columns,
 * guarded by the rules of {@link OperationLifecycle} (only open operations move; progress never
 * goes back; success means 100%), so that the job's writes and the API's never overwrite each other
 * and a finished operation never moves again. Submissions on one case are serialised by a lock on
 * the case's row.
 */
@ApplicationScoped
@Transactional
public class JpaCaseOperationRepository implements CaseOperationRepository {
  private static final List<CaseOperationStatus> OPEN = OperationLifecycle.OPEN;
  private static final List<CaseOperationStatus> REOPENABLE = OperationLifecycle.REOPENABLE;

  private static final Map<String, String> PROPERTIES =
      Map.of(
          "id", "id",
          "status", "status",
          "action", "action",
          "createdDateTime", "createdDateTime",
          "completedDateTime", "completedDateTime",
          "percentProgress", "percentProgress");

  private static final List<ListQuery.OrderKey> NEWEST_FIRST =
      List.of(new ListQuery.OrderKey("createdDateTime", true));

  /** A case's operations. */
  private static final ListQueries<CaseOperation> QUERIES =
      new ListQueries<>(CaseOperation.class, PROPERTIES, NEWEST_FIRST);

  /** The operations of every case, which may be filtered and ordered by their case too. */
  private static final ListQueries<CaseOperation> ALL_QUERIES =
      new ListQueries<>(CaseOperation.class, withCaseId(), NEWEST_FIRST);

  private static Map<String, String> withCaseId() {
    Map<String, String> all = new java.util.HashMap<>(PROPERTIES);
    all.put("caseId", "caseId");
    return all;
  }

  @Inject @CaseopsUnit EntityManager em;
  @Inject Event<OperationChanged> changed;

  /** Tells the watchers of operations that this one changed, once the transaction commits. */
  private <T> T changed(String operationId, T result) {
    if (!(result instanceof Boolean b) || b) {
      changed.fire(new OperationChanged(operationId));
    }
    return result;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void add(CaseOperation operation) {
    em.persist(operation);
    changed(operation.getId(), true);
  }

  /**
   * Locks the operation's case row, so that every other submission or retry on the case waits until
   * this transaction ends and a conflict check cannot interleave with another's; returns the
   * action's rules.
   */
  private ActionRules lockCase(CaseOperation operation) {
    ActionRules rules =
        ActionRules.of(operation.getAction())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "caseops has no rules for " + operation.getAction()));
    String caseId = operation.getCaseId();
    if (em.find(EdiscoveryCase.class, caseId, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw new ResourceNotFoundException("No ediscoveryCase with id '" + caseId + "'.");
    }
    return rules;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void submit(CaseOperation operation) {
    store(operation, () -> {});
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void submit(CaseOperation operation, Runnable change) {
    store(operation, change);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void submitAll(List<CaseOperation> operations, List<Runnable> changes) {
    for (int i = 0; i < operations.size(); i++) {
      store(operations.get(i), changes.get(i));
    }
  }

  private void store(CaseOperation operation, Runnable change) {
    ActionRules rules = lockCase(operation);
    String caseId = operation.getCaseId();
    rules.requireNoConflict(operation.getTarget(), listOpen(caseId));
    change.run();
    em.flush();
    em.persist(operation);
    changed(operation.getId(), true);
    String op = operation.getId();
    switch (rules.link()) {
      case SEARCH_LAST_ESTIMATE ->
          link(
              operation,
              "EdiscoverySearch",
              "lastEstimateOperationId",
              "e.id = :id",
              Map.of("id", operation.getTarget().getSearchId()));
      case CASE_SOURCES_LAST_INDEX -> {
        List<String> only = operation.getTarget().getCustodianIds();
        if (!only.isEmpty()) {
          Map<String, Object> within = Map.of("c", caseId, "k", only);
          link(
              operation,
              "CustodianSource",
              "lastIndexOperationId",
              "e.caseId = :c AND (e.custodianId IN :k OR e.noncustodialId IN :k)",
              within);
          link(
              operation,
              "Custodian",
              "lastIndexOperationId",
              "e.caseId = :c AND e.id IN :k",
              within);
          link(
              operation,
              "NoncustodialDataSource",
              "lastIndexOperationId",
              "e.caseId = :c AND e.id IN :k",
              within);
          return;
        }
        Map<String, Object> ofCase = Map.of("c", caseId);
        link(operation, "CustodianSource", "lastIndexOperationId", "e.caseId = :c", ofCase);
        link(
            operation,
            "Custodian",
            "lastIndexOperationId",
            "e.id IN (SELECT s.custodianId FROM CustodianSource s WHERE s.caseId = :c)",
            ofCase);
        link(
            operation,
            "NoncustodialDataSource",
            "lastIndexOperationId",
            "e.id IN (SELECT s.noncustodialId FROM CustodianSource s WHERE s.caseId = :c)",
            ofCase);
      }
      case LEGAL_HOLD_LAST_SYNC -> {
        String hold = operation.getTarget().getLegalHoldId();
        remember(operation, "LegalHold", "lastSyncOperationId", "e.id = :id", Map.of("id", hold));
        em.createQuery(
                "UPDATE LegalHold h SET h.lastSyncOperationId = :op, h.version = h.version + 1"
                    + " WHERE h.id = :id")
            .setParameter("op", op)
            .setParameter("id", hold)
            .executeUpdate();
      }
      case NONE -> {
        // no resource names the action's latest operation
      }
    }
  }

  /**
   * Makes the rows of {@code entity} that {@code where} selects (alias {@code e}) name the
   * operation in {@code field}, remembering on the operation what they named before.
   */
  private void link(
      CaseOperation operation,
      String entity,
      String field,
      String where,
      Map<String, Object> parameters) {
    remember(operation, entity, field, where, parameters);
    jakarta.persistence.Query update =
        em.createQuery("UPDATE " + entity + " e SET e." + field + " = :op WHERE " + where)
            .setParameter("op", operation.getId());
    parameters.forEach(update::setParameter);
    update.executeUpdate();
  }

  private void remember(
      CaseOperation operation,
      String entity,
      String field,
      String where,
      Map<String, Object> parameters) {
    jakarta.persistence.TypedQuery<Object[]> before =
        em.createQuery(
            "SELECT e.id, e." + field + " FROM " + entity + " e WHERE " + where, Object[].class);
    parameters.forEach(before::setParameter);
    for (Object[] row : before.getResultList()) {
      operation.linkedBefore(entity + "." + field + ":" + row[0], (String) row[1]);
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean withdraw(CaseOperation operation) {
    lockCase(operation);
    CaseOperation stored = em.find(CaseOperation.class, operation.getId());
    if (stored == null
        || stored.getStatus() != CaseOperationStatus.notStarted
        || stored.getExecutionId() != null) {
      return false;
    }
    // Each link goes back to what it named before, unless a later submission has rewritten it.
    for (Map.Entry<String, String> link : operation.linksBefore().entrySet()) {
      String key = link.getKey();
      int dot = key.indexOf('.');
      int colon = key.indexOf(':');
      String entity = key.substring(0, dot);
      String field = key.substring(dot + 1, colon);
      em.createQuery(
              "UPDATE "
                  + entity
                  + " e SET e."
                  + field
                  + " = :before WHERE e.id = :id AND e."
                  + field
                  + " = :op")
          .setParameter("before", link.getValue())
          .setParameter("id", key.substring(colon + 1))
          .setParameter("op", operation.getId())
          .executeUpdate();
    }
    em.remove(stored);
    return changed(operation.getId(), true);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean requestCancel(String operationId, IdentitySet by, Instant at) {
    IdentitySet who = by == null ? IdentitySet.user(null, null) : by;
    return changed(
        operationId,
        em.createQuery(
                    "UPDATE CaseOperation o SET o.cancelRequestedAt = :t,"
                        + " o.cancelRequestedBy.userId = :uid, o.cancelRequestedBy.userName = :uname,"
                        + " o.cancelRequestedBy.applicationId = :aid,"
                        + " o.cancelRequestedBy.applicationName = :aname"
                        + " WHERE o.id = :id AND o.status IN :open")
                .setParameter("t", at)
                .setParameter("uid", who.getUserId())
                .setParameter("uname", who.getUserName())
                .setParameter("aid", who.getApplicationId())
                .setParameter("aname", who.getApplicationName())
                .setParameter("id", operationId)
                .setParameter("open", OPEN)
                .executeUpdate()
            == 1);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean retry(CaseOperation operation) {
    ActionRules rules = lockCase(operation);
    String caseId = operation.getCaseId();
    rules.requireNoConflict(
        operation.getTarget(),
        listOpen(caseId).stream().filter(o -> !o.getId().equals(operation.getId())).toList());
    return changed(
        operation.getId(),
        em.createQuery(
                    "UPDATE CaseOperation o SET o.status = :notStarted, o.completedDateTime = NULL,"
                        + " o.resultInfo.code = NULL, o.resultInfo.subcode = NULL,"
                        + " o.resultInfo.message = NULL, o.cancelRequestedAt = NULL,"
                        + " o.cancelRequestedBy.userId = NULL, o.cancelRequestedBy.userName = NULL,"
                        + " o.cancelRequestedBy.applicationId = NULL,"
                        + " o.cancelRequestedBy.applicationName = NULL"
                        + " WHERE o.id = :id AND o.status = :failed")
                .setParameter("notStarted", CaseOperationStatus.notStarted)
                .setParameter("id", operation.getId())
                .setParameter("failed", CaseOperationStatus.failed)
                .executeUpdate()
            == 1);
  }

  @Override
  public Optional<CaseOperation> find(String caseId, String operationId) {
    return find(operationId).filter(op -> op.getCaseId().equals(caseId));
  }

  @Override
  public Optional<CaseOperation> find(String operationId) {
    return Optional.ofNullable(em.find(CaseOperation.class, operationId));
  }

  @Override
  public List<CaseOperation> list(String caseId, ListQuery query) {
    return QUERIES.list(em, query, (cb, o) -> cb.equal(o.get("caseId"), caseId));
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(em, filter, (cb, o) -> cb.equal(o.get("caseId"), caseId));
  }

  @Override
  public List<CaseOperation> listAll(ListQuery query) {
    return ALL_QUERIES.list(em, query, (cb, o) -> cb.conjunction());
  }

  @Override
  public long countAll(ListQuery.Condition filter) {
    return ALL_QUERIES.count(em, filter, (cb, o) -> cb.conjunction());
  }

  @Override
  public List<CaseOperation> listOpen(String caseId) {
    return em.createQuery(
            "SELECT o FROM CaseOperation o WHERE o.caseId = :c AND o.status IN :open ORDER BY o.createdDateTime",
            CaseOperation.class)
        .setParameter("c", caseId)
        .setParameter("open", OPEN)
        .getResultList();
  }

  @Override
  public List<CaseOperation> listInStatus(List<CaseOperationStatus> statuses) {
    return em.createQuery(
            "SELECT o FROM CaseOperation o WHERE o.status IN :s ORDER BY o.createdDateTime",
            CaseOperation.class)
        .setParameter("s", statuses)
        .getResultList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void markRunning(String operationId, long executionId) {
    em.createQuery(
            "UPDATE CaseOperation o SET o.status = :running, o.executionId = :e, o.completedDateTime = NULL"
                + " WHERE o.id = :id AND o.status IN :open")
        .setParameter("running", CaseOperationStatus.running)
        .setParameter("e", executionId)
        .setParameter("id", operationId)
        .setParameter("open", OPEN)
        .executeUpdate();
    changed(operationId, true);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean reopen(String operationId, long executionId) {
    return changed(
        operationId,
        em.createQuery(
                    "UPDATE CaseOperation o SET o.status = :running, o.executionId = :e, o.completedDateTime = NULL,"
                        + " o.resultInfo.code = NULL, o.resultInfo.subcode = NULL, o.resultInfo.message = NULL"
                        + " WHERE o.id = :id AND o.status IN :reopenable")
                .setParameter("running", CaseOperationStatus.running)
                .setParameter("e", executionId)
                .setParameter("id", operationId)
                .setParameter("reopenable", REOPENABLE)
                .executeUpdate()
            == 1);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void raiseProgress(String operationId, int percent) {
    int bounded = OperationLifecycle.bounded(percent);
    em.createQuery(
            "UPDATE CaseOperation o SET o.percentProgress = :p"
                + " WHERE o.id = :id AND o.percentProgress < :p AND o.status IN :open")
        .setParameter("p", bounded)
        .setParameter("id", operationId)
        .setParameter("open", OPEN)
        .executeUpdate();
    changed(operationId, true);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void reportWork(String operationId, int percent, long done, long total, String unit) {
    em.createQuery(
            "UPDATE CaseOperation o SET o.workDone = :d, o.workTotal = :t, o.workUnit = :u"
                + " WHERE o.id = :id AND o.status IN :open")
        .setParameter("d", done)
        .setParameter("t", total)
        .setParameter("u", unit)
        .setParameter("id", operationId)
        .setParameter("open", OPEN)
        .executeUpdate();
    if (percent >= 0) {
      em.createQuery(
              "UPDATE CaseOperation o SET o.percentProgress = :p"
                  + " WHERE o.id = :id AND o.percentProgress < :p AND o.status IN :open")
          .setParameter("p", OperationLifecycle.bounded(percent))
          .setParameter("id", operationId)
          .setParameter("open", OPEN)
          .executeUpdate();
    }
    changed(operationId, true);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean complete(
      String operationId, CaseOperationStatus status, ResultInfo resultInfo, Instant completedAt) {
    return end(operationId, null, status, resultInfo, completedAt);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean completeExecution(
      String operationId,
      long executionId,
      CaseOperationStatus status,
      ResultInfo resultInfo,
      Instant completedAt) {
    return end(operationId, executionId, status, resultInfo, completedAt);
  }

  private boolean end(
      String operationId,
      Long executionId,
      CaseOperationStatus status,
      ResultInfo resultInfo,
      Instant completedAt) {
    OperationLifecycle.requireTerminal(status);
    ResultInfo info = resultInfo == null ? new ResultInfo(0, 0, null) : resultInfo;
    String progress = OperationLifecycle.completesProgress(status) ? "100" : "o.percentProgress";
    Query update =
        em.createQuery(
                "UPDATE CaseOperation o SET o.status = :s, o.completedDateTime = :t, o.percentProgress = "
                    + progress
                    + ", o.resultInfo.code = :code, o.resultInfo.subcode = :sub, o.resultInfo.message = :msg"
                    + " WHERE o.id = :id AND o.status IN :open"
                    + (executionId == null ? "" : " AND o.executionId = :e"))
            .setParameter("s", status)
            .setParameter("t", completedAt)
            .setParameter("code", resultInfo == null ? null : info.getCode())
            .setParameter("sub", resultInfo == null ? null : info.getSubcode())
            .setParameter("msg", info.getMessage())
            .setParameter("id", operationId)
            .setParameter("open", OPEN);
    if (executionId != null) {
      update.setParameter("e", executionId);
    }
    return changed(operationId, update.executeUpdate() > 0);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordEstimate(String operationId, EstimateStatistics estimate) {
    em.createQuery(
            "UPDATE CaseOperation o SET o.estimate.indexedItemCount = :ic, o.estimate.indexedItemsSize = :is,"
                + " o.estimate.unindexedItemCount = :uc, o.estimate.unindexedItemsSize = :us,"
                + " o.estimate.mailboxCount = :mc, o.estimate.siteCount = :sc,"
                + " o.estimate.preservedOnlyItemCount = :pc WHERE o.id = :id")
        .setParameter("ic", estimate.getIndexedItemCount())
        .setParameter("is", estimate.getIndexedItemsSize())
        .setParameter("uc", estimate.getUnindexedItemCount())
        .setParameter("us", estimate.getUnindexedItemsSize())
        .setParameter("mc", estimate.getMailboxCount())
        .setParameter("sc", estimate.getSiteCount())
        .setParameter("pc", estimate.getPreservedOnlyItemCount())
        .setParameter("id", operationId)
        .executeUpdate();
    changed(operationId, true);
  }

  @Override
  public int deleteEndedBefore(Instant instant) {
    List<CaseOperationStatus> ended =
        java.util.Arrays.stream(CaseOperationStatus.values())
            .filter(CaseOperationStatus::isTerminal)
            .toList();
    return em.createQuery(
            "DELETE FROM CaseOperation o WHERE o.status IN :ended AND o.completedDateTime < :t")
        .setParameter("ended", ended)
        .setParameter("t", instant)
        .executeUpdate();
  }

  @Override
  public void deleteOfCase(String caseId) {
    em.createQuery("DELETE FROM CaseOperation o WHERE o.caseId = :c")
        .setParameter("c", caseId)
        .executeUpdate();
  }
}
