package org.caseops.batch.holds;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;

/**
 * Ends the closing of a case once the operations that release its holds have ended: when a job of a
 * hold change ends in a {@code closing} case and no other hold change of the case is unfinished,
 * the case is {@code closed} (with its {@code closedDateTime}), or {@code closedWithError} when
 * this release or another release of the closing failed or could not start. Declared at job level,
 * before {@code operationJobListener} (so the case is closed by the time its operation is seen to
 * end), on every job that releases holds, as {@code caseClosingListener}; and after it as {@code
 * caseClosedListener} ({@link CaseClosedListener}), which looks again once the operation has ended:
 * when two releases end at the same moment, each sees the other unfinished before its own end is
 * recorded, and the look after the end closes the case.
 */
@Dependent
@Named
public class CaseClosingListener implements JobListener {
  /** The releases of one closing: hold changes created since the case began closing. */
  private static final int RELEASES_READ = 1000;

  private static final Logger LOG = Logger.getLogger(CaseClosingListener.class.getName());

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject CaseRepository cases;

  @Override
  public void beforeJob() {}

  @Override
  public void afterJob() {
    OperationRun run = OperationRun.of(jobContext);
    if (run.operationId() == null || run.caseId() == null) {
      return;
    }
    try {
      finish(run);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not end the closing of case " + run.caseId(), e);
    }
  }

  private void finish(OperationRun run) {
    EdiscoveryCase c = cases.find(run.caseId()).orElse(null);
    if (c == null || c.getStatus() != CaseStatus.closing) {
      return;
    }
    boolean othersOpen =
        operations.listOpen(run.caseId()).stream()
            .filter(op -> !op.getId().equals(run.operationId()))
            .anyMatch(CaseClosingListener::releasesHolds);
    if (othersOpen) {
      return;
    }
    BatchStatus status = jobContext.getBatchStatus();
    boolean failed =
        status == BatchStatus.FAILED
            || status == BatchStatus.STOPPED
            || status == BatchStatus.STOPPING
            || status == BatchStatus.ABANDONED
            || anotherReleaseFailed(c, run.operationId());
    c.finishClosing(failed, Instant.now().truncatedTo(ChronoUnit.MICROS));
    cases.update(c);
  }

  /**
   * Whether another release of this closing (a hold change created since the case began closing,
   * when it was last modified) ended failed, or its job could not start ({@code submissionFailed}).
   */
  private boolean anotherReleaseFailed(EdiscoveryCase c, String operationId) {
    Instant since = c.getLastModifiedDateTime();
    for (CaseOperation op : operations.list(c.getId(), 0, RELEASES_READ)) {
      if (since != null && op.getCreatedDateTime().isBefore(since)) {
        break;
      }
      if (!op.getId().equals(operationId)
          && releasesHolds(op)
          && (op.getStatus() == CaseOperationStatus.failed
              || op.getStatus() == CaseOperationStatus.submissionFailed)) {
        return true;
      }
    }
    return false;
  }

  private static boolean releasesHolds(CaseOperation operation) {
    return operation.getAction() == CaseAction.holdUpdate
        || operation.getAction() == CaseAction.holdPolicySync;
  }
}
