package org.caseops.domain.custodians;

import java.util.Map;

/**
 * The holdStatus that custodians (or non-custodial data sources) and their sources had before a
 * hold change set theirs ({@link CustodianRepository#changeHoldStatus}), each by id, to be put back
 * when the change's job cannot start ({@link CustodianRepository#restoreHoldStatus}).
 *
 * @param containers the custodians' and non-custodial data sources' statuses by their ids
 * @param sources their sources' statuses by the sources' ids
 */
public record PriorHoldStatuses(
    Map<String, DataSourceHoldStatus> containers, Map<String, DataSourceHoldStatus> sources) {
  public PriorHoldStatuses {
    containers = Map.copyOf(containers);
    sources = Map.copyOf(sources);
  }

  /** Nothing to put back. */
  public static PriorHoldStatuses none() {
    return new PriorHoldStatuses(Map.of(), Map.of());
  }
}
