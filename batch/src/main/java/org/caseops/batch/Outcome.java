package org.caseops.batch;

import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;

/**
 * How a use case ended for its operation: the final status and the result to show, which a job's
 * artifact hands to its operation run.
 */
public record Outcome(CaseOperationStatus status, ResultInfo resultInfo) {

  /** Everything was done: code 200 and the message. */
  public static Outcome succeeded(String message) {
    return new Outcome(CaseOperationStatus.succeeded, new ResultInfo(200, 0, message));
  }

  /** Some items could not be processed: code 207 and a message that says how many and why. */
  public static Outcome partiallySucceeded(String message) {
    return new Outcome(CaseOperationStatus.partiallySucceeded, new ResultInfo(207, 0, message));
  }

  /** Nothing was done, for the reason the message gives, with an HTTP-like code (400, 404). */
  public static Outcome failed(int code, String message) {
    return new Outcome(CaseOperationStatus.failed, new ResultInfo(code, 0, message));
  }

  /**
   * The exit status of a batchlet that ends with this outcome: {@code FAILED} or {@code COMPLETED}.
   */
  public String exitStatus() {
    return status == CaseOperationStatus.failed ? "FAILED" : "COMPLETED";
  }
}
