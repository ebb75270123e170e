package org.caseops.domain.custodians;

/** Graph's {@code dataSourceHoldStatus}. */
public enum DataSourceHoldStatus {
  notApplied,
  applied,
  applying,
  removing,
  partial,
  unknownFutureValue
}
