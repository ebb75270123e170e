package org.caseops.domain.searches;

import org.caseops.domain.support.EvolvableEnum;

/**
 * Graph's {@code dataSourceScopes}, a flags enum: which sources a search covers besides the ones
 * bound to it. caseops has no tenant, so only {@link #allCaseCustodians} widens a search (every
 * source of every custodian of the case); the tenant-wide members are accepted and kept but cover
 * nothing more. Members after {@link #unknownFutureValue} are evolvable.
 */
public enum DataSourceScopes implements EvolvableEnum {
  none(0),
  allTenantMailboxes(1),
  allTenantSites(2),
  allCaseCustodians(3),
  allCaseNoncustodialDataSources(4),
  unknownFutureValue(5);

  private final int value;

  DataSourceScopes(int value) {
    this.value = value;
  }

  @Override
  public int value() {
    return value;
  }
}
