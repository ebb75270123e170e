package org.caseops.domain.custodians;

/** Graph's {@code dataSourceContainerStatus}: whether a custodian is still part of the case. */
public enum DataSourceContainerStatus {
  active,
  released,
  unknownFutureValue
}
