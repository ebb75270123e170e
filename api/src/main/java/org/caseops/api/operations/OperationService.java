package org.caseops.api.operations;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.support.ListQuery;

/**
 * Submits operations and reads them back.
 *
 * <p>Submitting follows the contract with the batch module: the operation row is committed first ({@code notStarted},
 * 0%), then the action's job is started with job parameters {@value #OPERATION_ID} and {@value #CASE_ID}, then the
 * execution id is recorded. From then on the job owns the operation's state. If the job cannot be started, the
 * operation ends {@code submissionFailed} with resultInfo code 500 and the client gets a 500 Graph error naming it. An
 * action without a job XML is refused before anything is stored.
 */
@Dependent
public class OperationService {
  public static final String OPERATION_ID = "operationId";
  public static final String CASE_ID = "caseId";

  private static final Logger LOG = Logger.getLogger(OperationService.class.getName());

  private final Lookups lookups;
  private final CaseOperationRepository operations;
  private final JobLauncher jobs;
  private final Clock clock;

  @Inject
  public OperationService(Lookups lookups, CaseOperationRepository operations, JobLauncher jobs, Clock clock) {
    this.lookups = lookups;
    this.operations = operations;
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * Creates the operation on its checked target and starts its job; returns the operation as created ({@code
   * notStarted}, 0%). Both ways of starting an action (its own endpoint and {@code POST .../operations}) come here.
   *
   * @throws ApiException 400 when the target lacks what the action needs; 409 while an operation of the same action
   *     on the same target has not finished
   */
  public CaseOperation submit(String caseId, CaseAction action, OperationTarget target, IdentitySet by) {
    lookups.requireCase(caseId);
    requireComplete(action, target);
    if (!jobs.hasJob(action.jobName())) {
      throw ApiException.invalidRequest(
          "The action '"
              + action.wireName()
              + "' has no job on this server yet (no "
              + BatchJobLauncher.jobXml(action.jobName())
              + "), so no operation was created.");
    }
    // Two jobs of one action on one target would work over the same items at once; the second waits for the first.
    String key = conflictKey(action, target);
    for (CaseOperation open : operations.listOpen(caseId)) {
      if (open.getAction() == action && Objects.equals(conflictKey(action, open.getTarget()), key)) {
        throw ApiException.conflict(
            "The "
                + action.wireName()
                + " operation '"
                + open.getId()
                + "' of this "
                + (key == null ? "case" : targetName(action) + " '" + key + "'")
                + " has not finished yet ("
                + open.getStatus().wireName()
                + "); submit another when it has.");
      }
    }
    CaseOperation operation = CaseOperation.submit(caseId, action, target, by, now());
    operations.add(operation);

    // The job's listener records its execution when it marks the operation running: the operation's row has one
    // writer while the job runs, since two transactions updating it at once could lose one of the updates.
    try {
      jobs.start(action.jobName(), parameters(operation));
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "Job " + action.jobName() + " of operation " + operation.getId() + " could not start", e);
      markSubmissionFailed(operation, action);
      throw ApiException.serverError(
          "The job of operation '"
              + operation.getId()
              + "' could not be started; the operation is marked submissionFailed.");
    }
    return operation;
  }

  /**
   * What two operations of one action must not share while both run: the search an estimate reads (two estimates of
   * different searches may run together), the review set addToReviewSet and applyTags write; the whole case (null) for
   * the other actions.
   */
  static String conflictKey(CaseAction action, OperationTarget target) {
    return switch (action) {
      case estimateStatistics -> target.getSearchId();
      case addToReviewSet, applyTags -> target.getReviewSetId();
      default -> null;
    };
  }

  private static String targetName(CaseAction action) {
    return action == CaseAction.estimateStatistics ? "search" : "review set";
  }

  private static void requireComplete(CaseAction action, OperationTarget target) {
    switch (action) {
      case estimateStatistics -> require(action, "search", target.getSearchId());
      case addToReviewSet -> {
        require(action, "reviewSet", target.getReviewSetId());
        require(action, "search", target.getSearchId());
      }
      case applyTags -> {
        require(action, "reviewSet", target.getReviewSetId());
        require(action, "query", target.getQueryId());
        if (target.getTagsToAdd().isEmpty() && target.getTagsToRemove().isEmpty()) {
          throw ApiException.invalidRequest("The action 'applyTags' needs tagsToAdd or tagsToRemove.");
        }
      }
      default -> {
        // no target
      }
    }
  }

  private static void require(CaseAction action, String property, String value) {
    if (value == null) {
      throw OperationTargets.missing(action, property);
    }
  }

  private void markSubmissionFailed(CaseOperation operation, CaseAction action) {
    try {
      operations.complete(
          operation.getId(),
          CaseOperationStatus.submissionFailed,
          new ResultInfo(500, 0, "The batch job '" + action.jobName() + "' could not be started."),
          now());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Operation " + operation.getId() + " could not be marked submissionFailed", e);
    }
  }

  private static Properties parameters(CaseOperation operation) {
    Properties parameters = new Properties();
    parameters.setProperty(OPERATION_ID, operation.getId());
    parameters.setProperty(CASE_ID, operation.getCaseId());
    return parameters;
  }

  /** One operation: a single read when it exists. */
  public CaseOperation get(String caseId, String operationId) {
    return lookups.findOperation(caseId, operationId);
  }

  /** The case's operations a list query asks for (newest first without order keys). */
  public List<CaseOperation> list(String caseId, ListQuery query) {
    lookups.requireCase(caseId);
    return operations.list(caseId, query);
  }

  /** How many of the case's operations meet the filter; all of them for {@code null}. */
  public long count(String caseId, ListQuery.Condition filter) {
    return operations.count(caseId, filter);
  }

  private Instant now() {
    // The database keeps microseconds; the answer to a POST then equals what a later GET reads.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
