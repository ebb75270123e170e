package org.caseops.api.operations;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.PriorHoldStatuses;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationJobs;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.purge.PurgeLimit;
import org.caseops.domain.searches.SearchMatches;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * Submits operations and reads them back.
 *
 * <p>Submitting follows the job contract ({@link OperationJobs}): the operation is stored first
 * ({@code notStarted}, 0%), atomically with the check that no unfinished operation blocks it and
 * with the links that name it as its action's latest ({@link CaseOperationRepository#submit}); then
 * the action's job is started with the operation's {@link CaseOperation#jobParameters()}. From then
 * on the job owns the operation's state.
 *
 * <p>Before anything is stored, the submission takes room for its job ({@link
 * OperationJobs#admit}): when the server runs or is starting as many jobs as it takes ({@code
 * caseops.jobs.max}), it is refused with 429 and {@code Retry-After}, and nothing is stored. If the
 * job then cannot be started, the operation is withdrawn (deleted, its links given back) and the
 * client gets a 503 with {@code Retry-After} when the batch runtime had no room for it, else a 500;
 * an operation that carried a change (a legal hold's, a custodian's hold status) is kept {@code
 * submissionFailed} instead, with resultInfo code 503 or 500, and what its acceptance set to say
 * the job is under way is undone: custodians (and non-custodial data sources) and their sources get
 * back the holdStatus they had before, unless something else has changed it since; a change's own
 * undoing ({@link #submitWith(String, CaseAction, OperationTarget, IdentitySet, Runnable,
 * Consumer)}) runs. An action without rules or without a job XML is refused before anything is
 * stored.
 */
@Dependent
public class OperationService {
  private static final Logger LOG = Logger.getLogger(OperationService.class.getName());
  private static final Runnable NO_CHANGE = () -> {};
  private static final Consumer<CaseOperation> NOTHING_TO_UNDO = operation -> {};

  private final Lookups lookups;
  private final CaseOperationRepository operations;
  private final OperationJobs jobs;
  private final Clock clock;
  private final CustodianRepository custodians;
  private final SearchMatches matches;

  /** An operation service that counts no search's matches (a purge is checked by its job only). */
  public OperationService(
      Lookups lookups,
      CaseOperationRepository operations,
      OperationJobs jobs,
      Clock clock,
      CustodianRepository custodians) {
    this(lookups, operations, jobs, clock, custodians, null);
  }

  @Inject
  public OperationService(
      Lookups lookups,
      CaseOperationRepository operations,
      OperationJobs jobs,
      Clock clock,
      CustodianRepository custodians,
      SearchMatches matches) {
    this.custodians = custodians;
    this.lookups = lookups;
    this.operations = operations;
    this.jobs = jobs;
    this.clock = clock;
    this.matches = matches;
  }

  /**
   * Creates the operation on its checked target and starts its job; returns the operation as
   * created ({@code notStarted}, 0%). Every way of starting an action (its endpoints and {@code
   * POST .../operations}) comes here.
   *
   * @throws InvalidRequestException when the target lacks what the action needs, or the action has
   *     no job, or (a purge) its search matches more items than the purge limit
   * @throws org.caseops.domain.support.ConflictException while an operation of the same action on
   *     the same target has not finished
   * @throws OperationStartException when the job could not be started (the operation is then
   *     submissionFailed)
   */
  public CaseOperation submit(
      String caseId, CaseAction action, OperationTarget target, IdentitySet by) {
    return submit(caseId, action, target, Map.of(), by);
  }

  /**
   * Creates the operation on its checked target with the action's own parameters ({@link
   * CaseOperation#getParameters()}) and starts its job, as {@link #submit(String, CaseAction,
   * OperationTarget, IdentitySet)} does.
   */
  public CaseOperation submit(
      String caseId,
      CaseAction action,
      OperationTarget target,
      Map<String, String> parameters,
      IdentitySet by) {
    return submit(caseId, action, target, parameters, by, NO_CHANGE, NOTHING_TO_UNDO);
  }

  /**
   * Creates the operation and starts its job as {@link #submit(String, CaseAction, OperationTarget,
   * IdentitySet)} does, storing the change it carries out ({@code change}, e.g. a legal hold's) in
   * the transaction that stores the operation, under the case's lock, after its checks: both are
   * stored, or neither ({@link CaseOperationRepository#submit(CaseOperation, Runnable)}).
   */
  public CaseOperation submitWith(
      String caseId, CaseAction action, OperationTarget target, IdentitySet by, Runnable change) {
    return submit(caseId, action, target, Map.of(), by, change, NOTHING_TO_UNDO);
  }

  /**
   * Creates the operation with its change as {@link #submitWith(String, CaseAction,
   * OperationTarget, IdentitySet, Runnable)} does; when its job then cannot start, {@code
   * notStarted} is given the operation (still {@code notStarted}, before it is marked {@code
   * submissionFailed}) to undo what the change said of a job under way.
   */
  public CaseOperation submitWith(
      String caseId,
      CaseAction action,
      OperationTarget target,
      IdentitySet by,
      Runnable change,
      Consumer<CaseOperation> notStarted) {
    return submit(caseId, action, target, Map.of(), by, change, notStarted);
  }

  /**
   * One operation of several submitted together ({@link #submitAll}), with the change it carries
   * out and what undoes the change's word of a job under way when its job cannot start (as {@link
   * #submitWith(String, CaseAction, OperationTarget, IdentitySet, Runnable, Consumer)}).
   */
  public record Submission(
      CaseAction action,
      OperationTarget target,
      Runnable change,
      Consumer<CaseOperation> notStarted) {
    /** A submission with nothing to undo when its job cannot start. */
    public Submission(CaseAction action, OperationTarget target, Runnable change) {
      this(action, target, change, NOTHING_TO_UNDO);
    }
  }

  /**
   * What {@link #submitAll} did: every operation it stored, those whose jobs started, and the
   * failure of the first job that could not start (null when all started; those that did not start
   * are {@code submissionFailed}).
   */
  public record Submitted(
      List<CaseOperation> operations,
      List<CaseOperation> started,
      OperationStartException startFailure) {}

  /**
   * Creates several operations of one case, each on its checked target, and starts their jobs only
   * once every one of them is stored: all are admitted and stored with their changes in one
   * transaction, or none when one is refused ({@link CaseOperationRepository#submitAll}), so that
   * nothing has started when one of them cannot be stored. A job that then cannot start makes its
   * operation {@code submissionFailed} (each carries a change, so none is withdrawn) and the others
   * are started all the same; the caller learns of it from {@link Submitted#startFailure()}.
   *
   * @throws InvalidRequestException when a target lacks what its action needs, or an action has no
   *     job (nothing is stored then)
   * @throws org.caseops.domain.support.ConflictException while an operation blocks one of them
   *     (nothing is stored then)
   * @throws OperationStartException when the server has no room for all their jobs (nothing is
   *     stored then)
   */
  public Submitted submitAll(String caseId, List<Submission> submissions, IdentitySet by) {
    lookups.requireCase(caseId);
    List<CaseOperation> stored = new ArrayList<>();
    List<Runnable> changes = new ArrayList<>();
    for (Submission submission : submissions) {
      checked(caseId, submission.action(), submission.target());
      stored.add(
          CaseOperation.submit(
              caseId, submission.action(), submission.target(), Map.of(), by, now()));
      changes.add(submission.change());
    }
    List<CaseOperation> admitted = new ArrayList<>();
    List<Runnable> undos = new ArrayList<>();
    try {
      for (CaseOperation operation : stored) {
        admit(operation);
        admitted.add(operation);
      }
      operations.submitAll(stored, changes);
      for (int i = 0; i < stored.size(); i++) {
        CaseOperation operation = stored.get(i);
        Runnable restore = holdChangeAccepted(operation);
        Consumer<CaseOperation> notStarted = submissions.get(i).notStarted();
        undos.add(
            () -> {
              restore.run();
              notStarted.accept(operation);
            });
      }
    } catch (RuntimeException e) {
      admitted.forEach(operation -> jobs.release(operation.getId()));
      throw e;
    }
    List<CaseOperation> started = new ArrayList<>();
    OperationStartException failure = null;
    for (int i = 0; i < stored.size(); i++) {
      CaseOperation operation = stored.get(i);
      try {
        start(operation, true, undos.get(i));
        started.add(operation);
      } catch (OperationStartException e) {
        failure = failure == null ? e : failure;
      }
    }
    return new Submitted(List.copyOf(stored), List.copyOf(started), failure);
  }

  private CaseOperation submit(
      String caseId,
      CaseAction action,
      OperationTarget target,
      Map<String, String> parameters,
      IdentitySet by,
      Runnable change,
      Consumer<CaseOperation> notStarted) {
    lookups.requireCase(caseId);
    checked(caseId, action, target);
    CaseOperation operation = CaseOperation.submit(caseId, action, target, parameters, by, now());
    admit(operation);
    Runnable restore;
    try {
      operations.submit(operation, change);
      restore = holdChangeAccepted(operation);
    } catch (RuntimeException e) {
      jobs.release(operation.getId());
      throw e;
    }
    start(
        operation,
        change != NO_CHANGE || target.changesHold(),
        () -> {
          restore.run();
          notStarted.accept(operation);
        });
    return operation;
  }

  /** The action's rules, once its target is checked; throws when it cannot be submitted. */
  private ActionRules checked(String caseId, CaseAction action, OperationTarget target) {
    ActionRules rules = ActionRules.of(action).orElse(null);
    if (rules == null || !jobs.hasJob(rules.jobName())) {
      throw new InvalidRequestException(
          "The action '"
              + action.wireName()
              + "' has no job on this server yet (no META-INF/batch-jobs/"
              + action.jobName()
              + ".xml), so no operation was created.");
    }
    rules.requireComplete(target);
    if (rules.removesItems()) {
      // Refused before anything is stored when the search would remove more than the limit.
      long matching = matches == null ? 0 : matches.count(caseId, target.getSearchId());
      new PurgeLimit(CaseopsConfig.current().purgeMaxItems()).check(target.getSearchId(), matching);
    }
    return rules;
  }

  /**
   * Takes room for the operation's job before anything is stored.
   *
   * @throws OperationStartException (429) when the server runs or is starting as many jobs as it
   *     takes at once
   */
  private void admit(CaseOperation operation) {
    if (!jobs.admit(operation.getId())) {
      throw new OperationStartException(
          "The server runs or is starting as many jobs as it takes at once"
              + " (caseops.jobs.max), so no operation was created. Submit it again in "
              + OperationStartException.FULL_RETRY_AFTER_SECONDS
              + " seconds (Retry-After).",
          OperationStartException.Kind.FULL);
    }
  }

  /**
   * Sets the holdStatus of a hold change's custodians (and non-custodial data sources) once it is
   * accepted; returns what puts back the statuses they had before should its job not start.
   */
  private Runnable holdChangeAccepted(CaseOperation operation) {
    OperationTarget target = operation.getTarget();
    if (!target.changesHold()) {
      return NO_CHANGE;
    }
    // A hold change is applying (or removing) from the moment it is accepted, before its job
    // starts: the job's later statuses cannot be overwritten by this one.
    String caseId = operation.getCaseId();
    DataSourceHoldStatus during = HoldStatuses.during(target.removesHold());
    PriorHoldStatuses prior = custodians.changeHoldStatus(caseId, target.getCustodianIds(), during);
    // Only a job ends an applying (or removing) status: one that never started puts back the
    // status from before the change, where it is still the one set here.
    return () -> custodians.restoreHoldStatus(caseId, prior, during);
  }

  /**
   * Starts the stored operation's job; when it cannot, gives back its room and withdraws the
   * operation or undoes what its change said of a job under way ({@code undo}) and marks it
   * submissionFailed ({@link #notStarted}).
   *
   * @throws OperationStartException when it could not be started
   */
  private void start(CaseOperation operation, boolean carriesChange, Runnable undo) {
    ActionRules rules = ActionRules.of(operation.getAction()).orElseThrow();
    // The job's listener records its execution when it marks the operation running: the
    // operation's row has one writer while the job runs, since two transactions updating it at
    // once could lose one of the updates.
    try {
      jobs.start(rules.jobName(), operation.jobParameters());
    } catch (RuntimeException e) {
      jobs.release(operation.getId());
      throw notStarted(operation, rules.jobName(), carriesChange, undo, e);
    }
  }

  /**
   * What the client is told of a stored operation whose job did not start. An operation that
   * changed nothing else is withdrawn, as if it had never been submitted; one that carried a change
   * (a legal hold's, or a custodian's hold status) stays, {@code submissionFailed}, since the
   * change it was to carry out is stored; what the change said of a job under way is undone first
   * ({@code undo}), while the operation is still open, so no later change of the same target can be
   * accepted in between.
   */
  private OperationStartException notStarted(
      CaseOperation operation,
      String jobName,
      boolean carriesChange,
      Runnable undo,
      RuntimeException e) {
    LOG.log(
        Level.SEVERE,
        "Job " + jobName + " of operation " + operation.getId() + " could not start",
        e);
    boolean busy = OperationStartException.isBusy(e);
    boolean withdrawn = !carriesChange && withdraw(operation);
    if (!withdrawn) {
      undo(operation, undo);
      markSubmissionFailed(operation, jobName, busy);
    }
    String kept =
        withdrawn
            ? "no operation was created"
            : "the operation '" + operation.getId() + "' is marked submissionFailed";
    if (busy) {
      return new OperationStartException(
          "The server runs and queues as many jobs as it can: the job could not be queued, and "
              + kept
              + ". Submit it again in "
              + OperationStartException.RETRY_AFTER_SECONDS
              + " seconds (Retry-After).",
          true);
    }
    return new OperationStartException("The job could not be started; " + kept + ".");
  }

  private boolean withdraw(CaseOperation operation) {
    try {
      return operations.withdraw(operation);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Operation " + operation.getId() + " could not be withdrawn", e);
      return false;
    }
  }

  private void undo(CaseOperation operation, Runnable undo) {
    try {
      undo.run();
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "What operation "
              + operation.getId()
              + " changed could not be undone after its job"
              + " did not start",
          e);
    }
  }

  private void markSubmissionFailed(CaseOperation operation, String jobName, boolean busy) {
    try {
      operations.complete(
          operation.getId(),
          CaseOperationStatus.submissionFailed,
          busy
              ? new ResultInfo(
                  503,
                  0,
                  "The batch job '"
                      + jobName
                      + "' could not be queued: the server runs and queues as many jobs as it"
                      + " can.")
              : new ResultInfo(500, 0, "The batch job '" + jobName + "' could not be started."),
          now());
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Operation " + operation.getId() + " could not be marked submissionFailed",
          e);
    }
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

  /**
   * Every execution of the operation's job instance with its steps; none while its job has not
   * started.
   */
  public List<OperationJobs.Run> runs(CaseOperation operation) {
    return operation.getExecutionId() == null ? List.of() : jobs.runs(operation.getExecutionId());
  }

  /**
   * Deletes the history: the operations of every case that ended before the instant; open ones are
   * never deleted.
   *
   * @return how many were deleted
   */
  public int deleteEndedBefore(Instant instant) {
    return operations.deleteEndedBefore(instant);
  }

  /** The operations of every case a list query asks for (newest first without order keys). */
  public List<CaseOperation> listAll(ListQuery query) {
    return operations.listAll(query);
  }

  /** How many operations of every case meet the filter; all of them for {@code null}. */
  public long countAll(ListQuery.Condition filter) {
    return operations.countAll(filter);
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
