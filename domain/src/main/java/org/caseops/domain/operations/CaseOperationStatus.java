package org.caseops.domain.operations;

import org.caseops.domain.support.EvolvableEnum;

/** Graph's {@code caseOperationStatus}. */
public enum CaseOperationStatus implements EvolvableEnum {
  notStarted(0),
  submissionFailed(1),
  running(2),
  succeeded(3),
  partiallySucceeded(4),
  failed(5),
  unknownFutureValue(6);

  private final int value;

  CaseOperationStatus(int value) {
    this.value = value;
  }

  @Override
  public int value() {
    return value;
  }

  /** Whether an operation in this status will not change any more. */
  public boolean isTerminal() {
    return this == submissionFailed
        || this == succeeded
        || this == partiallySucceeded
        || this == failed;
  }
}
