package org.caseops.domain.operations;

import java.util.List;

/**
 * The rules of an operation's life, which every guarded update of an operation follows:
 *
 * <ul>
 *   <li>an operation is <em>open</em> while {@code notStarted} or {@code running}; only an open
 *       operation moves to running, gains progress or ends, and only open operations block another
 *       of their action;
 *   <li>an operation can be <em>reopened</em> (its job instance restarted from its checkpoint)
 *       while open or {@code failed}; succeeded, partiallySucceeded and submissionFailed operations
 *       never change again;
 *   <li>{@code percentProgress} stays within 0 to 100 and never goes back;
 *   <li>an operation that succeeds reaches 100%; any other end keeps the progress it had.
 * </ul>
 */
public final class OperationLifecycle {
  /** The statuses of an operation that has not finished. */
  public static final List<CaseOperationStatus> OPEN =
      List.of(CaseOperationStatus.notStarted, CaseOperationStatus.running);

  /** The statuses from which a restart of the operation's job may move it back to running. */
  public static final List<CaseOperationStatus> REOPENABLE =
      List.of(
          CaseOperationStatus.notStarted, CaseOperationStatus.running, CaseOperationStatus.failed);

  private OperationLifecycle() {}

  public static boolean isOpen(CaseOperationStatus status) {
    return OPEN.contains(status);
  }

  public static boolean isReopenable(CaseOperationStatus status) {
    return REOPENABLE.contains(status);
  }

  /** A progress value brought within 0 to 100. */
  public static int bounded(int percent) {
    return Math.max(0, Math.min(100, percent));
  }

  /**
   * The progress after a job reports {@code reported} on an operation at {@code current}: it never
   * goes back.
   */
  public static int raised(int current, int reported) {
    return Math.max(current, bounded(reported));
  }

  /** Whether an operation that ends in this status has its progress set to 100%. */
  public static boolean completesProgress(CaseOperationStatus end) {
    return end == CaseOperationStatus.succeeded;
  }

  /**
   * Checks that {@code end} may end an operation.
   *
   * @throws IllegalArgumentException when it is not a terminal status
   */
  public static CaseOperationStatus requireTerminal(CaseOperationStatus end) {
    if (end == null || !end.isTerminal()) {
      throw new IllegalArgumentException(end + " is not a terminal status");
    }
    return end;
  }
}
