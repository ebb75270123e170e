package org.caseops.domain.operations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.ListQuery;

/**
 * The operations the server keeps. After {@link #add}, every change is a narrow update of the
 * columns it concerns, so that the job and the API never overwrite each other.
 */
public interface CaseOperationRepository {
  /** Stores a new operation; the row is committed when this returns. */
  void add(CaseOperation operation);

  /**
   * Submits a new operation: in one transaction, serialised with every other submission on the same
   * case, checks that no open operation of the case blocks it under its action's {@link
   * ActionRules} ({@link ActionRules#requireNoConflict}), stores it, and writes the links that name
   * it as its action's latest operation ({@link ActionRules#link()}). Committed when this returns;
   * nothing is stored when it throws.
   *
   * @throws IllegalArgumentException when caseops has no rules for the operation's action
   * @throws org.caseops.domain.support.ResourceNotFoundException when the case does not exist
   * @throws org.caseops.domain.support.ConflictException naming the open operation that blocks it
   */
  void submit(CaseOperation operation);

  /**
   * Submits a new operation as {@link #submit(CaseOperation)} does, and stores the change it
   * carries out ({@code change}: a legal hold created, changed or deleted, whose sync the operation
   * is) in the same transaction, under the same lock of the case, once the checks have passed and
   * before the operation is stored: the change is stored with its operation or not at all, and no
   * operation that excludes it (a purge of the case) is stored in between.
   */
  default void submit(CaseOperation operation, Runnable change) {
    submit(operation);
    change.run();
  }

  /**
   * Takes back a submitted operation whose job could not be started, as if it had never been
   * submitted: in one transaction, serialised with the submissions on its case, deletes it if it is
   * still {@code notStarted} with no execution, and gives the links that name it as its action's
   * latest operation back the operation they named before it. The change stored with it ({@link
   * #submit(CaseOperation, Runnable)}) is not taken back: an operation that carried one is not
   * withdrawn.
   *
   * @return whether the operation was deleted
   */
  boolean withdraw(CaseOperation operation);

  /**
   * Submits several operations of one case, each with the change it carries out ({@code changes},
   * in the same order), as {@link #submit(CaseOperation, Runnable)} does for one, in one
   * transaction under one lock of the case: all of them are stored with their changes, or none when
   * one of them is refused.
   *
   * @throws org.caseops.domain.support.ConflictException naming the open operation that blocks one
   *     of them (nothing is stored then)
   */
  default void submitAll(List<CaseOperation> operations, List<Runnable> changes) {
    for (int i = 0; i < operations.size(); i++) {
      submit(operations.get(i), changes.get(i));
    }
  }

  Optional<CaseOperation> find(String caseId, String operationId);

  Optional<CaseOperation> find(String operationId);

  /** The case's operations, newest first. */
  default List<CaseOperation> list(String caseId, int offset, int limit) {
    return list(caseId, ListQuery.page(offset, limit));
  }

  default long count(String caseId) {
    return count(caseId, null);
  }

  /**
   * The case's operations that meet the query's filter, in its order (newest first, without one).
   * Properties: {@code id}, {@code status}, {@code action}, {@code createdDateTime}, {@code
   * completedDateTime}, {@code percentProgress}.
   */
  List<CaseOperation> list(String caseId, ListQuery query);

  /** How many of the case's operations meet the filter; all of them for {@code null}. */
  long count(String caseId, ListQuery.Condition filter);

  /**
   * The operations of every case that meet the query's filter, in its order (newest first, without
   * one); the properties of {@link #list(String, ListQuery)} and {@code caseId}.
   */
  List<CaseOperation> listAll(ListQuery query);

  /** How many operations of every case meet the filter; all of them for {@code null}. */
  long countAll(ListQuery.Condition filter);

  /**
   * The case's operations that have not finished ({@code notStarted} or {@code running}), oldest
   * first.
   */
  List<CaseOperation> listOpen(String caseId);

  /** Operations in any of the given statuses, across cases. */
  List<CaseOperation> listInStatus(List<CaseOperationStatus> statuses);

  /**
   * Moves a not-yet-finished operation to running, carried out by the given Jakarta Batch
   * execution. Only the job's listener records the execution: while a job runs, its operation's row
   * has that one writer.
   */
  void markRunning(String operationId, long executionId);

  /**
   * Moves an operation back to running because its batch job instance is being restarted from its
   * checkpoint (a new execution of the same job instance). Accepts an operation that is {@code
   * failed}, {@code notStarted} or {@code running}; clears its completedDateTime and resultInfo,
   * keeps its percentProgress. This is the only way a failed operation changes again, and only the
   * restart of the operation's own job may call it; succeeded, partiallySucceeded and
   * submissionFailed operations never change.
   *
   * @return whether the operation is now running with the given execution
   */
  boolean reopen(String operationId, long executionId);

  /**
   * Records that someone asked to cancel an open operation; its job ends it when it stops.
   *
   * @return whether the operation was open and the request is recorded
   */
  boolean requestCancel(String operationId, IdentitySet by, Instant at);

  /**
   * Makes a failed operation {@code notStarted} again, to be restarted from its job's checkpoint:
   * in one transaction, serialised with every submission on the same case, checks that no open
   * operation blocks it under its action's rules, then clears its end (completedDateTime,
   * resultInfo, any cancellation) and keeps its progress.
   *
   * @return whether the operation was failed and is now notStarted
   * @throws org.caseops.domain.support.ConflictException naming the open operation that blocks it
   */
  boolean retry(CaseOperation operation);

  /**
   * Raises percentProgress to the given value; a lower value than the stored one changes nothing.
   */
  void raiseProgress(String operationId, int percent);

  /**
   * Records how much of its work an open operation's job has done ({@code done} of {@code total},
   * counted in {@code unit}), and raises percentProgress as {@link #raiseProgress} does. A store
   * that keeps no work counts only raises the progress.
   */
  default void reportWork(String operationId, int percent, long done, long total, String unit) {
    raiseProgress(operationId, percent);
  }

  /**
   * Ends the operation in a terminal status with its result, at the given time. Succeeded
   * operations also reach 100%.
   *
   * @return whether the operation was ended (false when it had ended already, or does not exist)
   */
  boolean complete(
      String operationId, CaseOperationStatus status, ResultInfo resultInfo, Instant completedAt);

  /**
   * Ends the operation as {@link #complete} does, but only while it is still carried out by the
   * given execution.
   *
   * @return whether the operation was ended
   */
  boolean completeExecution(
      String operationId,
      long executionId,
      CaseOperationStatus status,
      ResultInfo resultInfo,
      Instant completedAt);

  /** Records what an estimateStatistics operation found. */
  void recordEstimate(String operationId, EstimateStatistics estimate);

  /**
   * Deletes the operations of every case that ended before the given instant (never an open one).
   *
   * @return how many were deleted
   */
  int deleteEndedBefore(Instant instant);

  /** Deletes every operation of the case. */
  void deleteOfCase(String caseId);
}
