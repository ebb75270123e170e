package org.caseops.domain.operations;

/**
 * An operation was stored but its job could not be started; the operation is marked {@code
 * submissionFailed}. The message names the operation and never carries the batch runtime's
 * internals.
 */
public class OperationStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OperationStartException(String message) {
    super(message, null, false, false);
  }
}
