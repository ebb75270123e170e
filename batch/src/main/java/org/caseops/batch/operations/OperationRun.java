package org.caseops.batch.operations;

import jakarta.batch.runtime.context.JobContext;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationJobs;
import org.caseops.domain.operations.ResultInfo;

/**
 * What one job execution knows about the operation it carries out, shared by the job's listeners
 * and its artifacts through the job context's transient user data (which the operation listeners
 * own).
 *
 * <p>Contract for every job: its XML declares the job properties {@code operationId} and {@code
 * caseId} from the job parameters of the same names ({@link OperationJobs}); artifacts take the
 * operation's identity from here and their tuning values through {@code @BatchProperty}; a step
 * that can measure its work sets {@link #totalWork} before its chunk loop and raises {@link
 * #doneWork} as it goes; the step that sums the work up calls {@link #conclude} with the
 * operation's final status and result. Without a conclusion, a job that completes leaves its
 * operation {@code succeeded}.
 */
public final class OperationRun {
  public static final String OPERATION_ID = OperationJobs.OPERATION_ID;
  public static final String CASE_ID = OperationJobs.CASE_ID;

  private final String operationId;
  private final String caseId;
  private final AtomicLong totalWork = new AtomicLong(-1);
  private final AtomicLong doneWork = new AtomicLong();
  private volatile String workUnit = ITEMS;

  /** Work counted in items. */
  public static final String ITEMS = "items";

  /** Work counted in bytes read. */
  public static final String BYTES = "bytes";

  private volatile String failure;
  private volatile Conclusion conclusion;

  /** The final status and result a job has worked out for its operation. */
  public record Conclusion(CaseOperationStatus status, ResultInfo resultInfo) {}

  OperationRun(String operationId, String caseId) {
    this.operationId = operationId;
    this.caseId = caseId;
  }

  /** The run of the job execution this context belongs to, created on first use. */
  public static OperationRun of(JobContext jobContext) {
    synchronized (jobContext) {
      Object data = jobContext.getTransientUserData();
      if (data instanceof OperationRun run) {
        return run;
      }
      Properties props = jobContext.getProperties();
      OperationRun run =
          new OperationRun(
              blankToNull(props.getProperty(OPERATION_ID)),
              blankToNull(props.getProperty(CASE_ID)));
      jobContext.setTransientUserData(run);
      return run;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** The operation's id, or {@code null} when the job was started without one. */
  public String operationId() {
    return operationId;
  }

  public String caseId() {
    return caseId;
  }

  /** Sets the number of items of the whole job, known before the work starts. */
  public void totalWork(long total) {
    totalWork(total, ITEMS);
  }

  /** Sets the amount of work of the whole job, in {@code unit}, known before the work starts. */
  public void totalWork(long total, String unit) {
    totalWork.set(Math.max(0, total));
    workUnit = unit;
  }

  /** Work done so far, in {@link #workUnit()}. */
  public long workDone() {
    return doneWork.get();
  }

  /** The whole work, or -1 while it is not known. */
  public long workTotal() {
    return totalWork.get();
  }

  /** What the work is counted in: {@value #ITEMS} or {@value #BYTES}. */
  public String workUnit() {
    return workUnit;
  }

  /** Records the amount of work done so far, in the unit of {@link #totalWork}; never goes back. */
  public void doneWork(long done) {
    doneWork.accumulateAndGet(done, Math::max);
  }

  /** Percent of the work done, at most 99 while the job runs; -1 while the total is not known. */
  public int percentDone() {
    long total = totalWork.get();
    if (total < 0) {
      return -1;
    }
    if (total == 0) {
      return 99;
    }
    long percent = doneWork.get() * 100 / total;
    return (int) Math.max(0, Math.min(99, percent));
  }

  /** Keeps the first failure seen, as a message fit for people (no stack trace). */
  public void failed(Throwable error) {
    if (failure == null && error != null) {
      failure = describe(error);
    }
  }

  public String failure() {
    return failure;
  }

  public void conclude(CaseOperationStatus status, ResultInfo resultInfo) {
    this.conclusion = new Conclusion(status, resultInfo);
  }

  public Conclusion conclusion() {
    return conclusion;
  }

  /**
   * The message of an error without its stack trace: the first non-blank message along its causes.
   */
  static String describe(Throwable error) {
    String database = databaseReason(error);
    if (database != null) {
      return database;
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        String firstLine = message.strip().lines().findFirst().orElse(message);
        return firstLine.length() <= 1000 ? firstLine : firstLine.substring(0, 1000);
      }
    }
    return error.getClass().getSimpleName();
  }

  /**
   * When the error comes from the database, what the database said: the deepest {@code
   * SQLException} along the causes (its next exception, when it has one, as for a batch whose entry
   * was aborted), "the database refused a statement: " + its message's first line + its SQL state;
   * else null. The wrappers' messages (EclipseLink's "Exception [EclipseLink-4002] ...") say only
   * that something in the database went wrong.
   */
  static String databaseReason(Throwable error) {
    SQLException deepest = null;
    int depth = 0;
    for (Throwable t = error;
        t != null && depth < 50;
        t = t.getCause() == t ? null : t.getCause(), depth++) {
      if (t instanceof SQLException sql) {
        deepest = sql;
      }
    }
    if (deepest == null) {
      return null;
    }
    SQLException said = deepest;
    for (int i = 0; said.getNextException() != null && i < 10; i++) {
      said = said.getNextException();
    }
    String message = said.getMessage() == null ? "" : said.getMessage().strip();
    String firstLine = message.lines().findFirst().orElse(said.getClass().getSimpleName());
    if (firstLine.length() > 900) {
      firstLine = firstLine.substring(0, 900);
    }
    return "the database refused a statement: "
        + firstLine
        + (said.getSQLState() == null ? "" : " (SQL state " + said.getSQLState() + ")");
  }
}
