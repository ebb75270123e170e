package org.caseops.domain.operations;

/**
 * An operation was stored but its job could not be started; the operation is marked {@code
 * submissionFailed}. The message names the operation and never carries the batch runtime's
 * internals. {@link #busy()} says the batch runtime refused the job because it runs and queues as
 * many as it can: the client may submit again later.
 */
public class OperationStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How long a client should wait before submitting again when the runtime was busy. */
  public static final int RETRY_AFTER_SECONDS = 30;

  private final boolean busy;

  public OperationStartException(String message) {
    this(message, false);
  }

  public OperationStartException(String message, boolean busy) {
    super(message, null, false, false);
    this.busy = busy;
  }

  /** Whether the batch runtime refused the job for want of room (its executor was full). */
  public boolean busy() {
    return busy;
  }

  /** Whether a refusal to start a job comes from a full executor, anywhere in its causes. */
  public static boolean isBusy(Throwable refusal) {
    for (Throwable t = refusal; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.RejectedExecutionException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
