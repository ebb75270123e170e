package org.caseops.domain.cases;

import org.caseops.domain.support.EvolvableEnum;

/** Graph's {@code caseStatus}. */
public enum CaseStatus implements EvolvableEnum {
  unknown(0),
  active(1),
  pendingDelete(2),
  closing(3),
  closed(4),
  closedWithError(5),
  unknownFutureValue(6);

  private final int value;

  CaseStatus(int value) {
    this.value = value;
  }

  @Override
  public int value() {
    return value;
  }
}
