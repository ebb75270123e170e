package org.caseops.domain.operations;

/**
 * An operation's job could not be started. {@link #kind()} says what the client is told: the server
 * takes no more jobs at the moment and stored nothing ({@link Kind#FULL}, 429 with {@code
 * Retry-After}); the batch runtime refused the job for want of room ({@link Kind#BUSY}, 503 with
 * {@code Retry-After}); or the job failed to start ({@link Kind#FAILED}, 500). The message says
 * whether an operation was kept (marked {@code submissionFailed}) and never carries the batch
 * runtime's internals.
 */
public class OperationStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How long a client should wait before submitting again when the runtime was busy. */
  public static final int RETRY_AFTER_SECONDS = 30;

  /** How long a client should wait before submitting again when the server took no more jobs. */
  public static final int FULL_RETRY_AFTER_SECONDS = 10;

  /** Why the job did not start. */
  public enum Kind {
    /** The server runs or is starting as many jobs as it takes: nothing was stored. */
    FULL,
    /** The batch runtime's executor had no room for the job. */
    BUSY,
    /** The job could not be started for another reason. */
    FAILED
  }

  private final Kind kind;

  public OperationStartException(String message) {
    this(message, false);
  }

  public OperationStartException(String message, boolean busy) {
    this(message, busy ? Kind.BUSY : Kind.FAILED);
  }

  public OperationStartException(String message, Kind kind) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** Why the job did not start. */
  public Kind kind() {
    return kind;
  }

  /** Whether the batch runtime refused the job for want of room (its executor was full). */
  public boolean busy() {
    return kind == Kind.BUSY;
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
