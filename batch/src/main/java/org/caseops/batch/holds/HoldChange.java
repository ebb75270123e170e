package org.caseops.batch.holds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.operations.CaseOperation;

/**
 * What one holdUpdate operation changes: its custodians or non-custodial data sources (their ids,
 * kept as the operation's custodian ids), whether it removes their hold or applies it, and their
 * sources (each source id with its source).
 */
record HoldChange(List<String> custodianIds, boolean remove, Map<String, CustodianSource> sources) {

  static HoldChange of(CaseOperation operation, CustodianRepository custodians) {
    List<String> ids = operation.getTarget().getCustodianIds();
    Map<String, CustodianSource> sources = new LinkedHashMap<>();
    for (CustodianSource source : custodians.listSourcesOfCase(operation.getCaseId())) {
      if (ids.contains(source.containerId())) {
        sources.put(source.getId(), source);
      }
    }
    return new HoldChange(ids, operation.getTarget().removesHold(), sources);
  }

  /** The ids of the sources of one custodian or non-custodial data source. */
  List<String> sourcesOf(String containerId) {
    return sources.values().stream()
        .filter(s -> s.containerId().equals(containerId))
        .map(CustodianSource::getId)
        .toList();
  }

  /**
   * The hold of one of the change's containers: a non-custodial data source's when one of the
   * sources says so, else a custodian's.
   */
  HoldRef holdOf(String containerId) {
    return sources.values().stream()
        .filter(s -> containerId.equals(s.getNoncustodialId()))
        .findFirst()
        .map(CustodianSource::containerHold)
        .orElse(HoldRef.custodian(containerId));
  }

  /** The holds of every container of the change. */
  List<HoldRef> holds() {
    return custodianIds.stream().map(this::holdOf).toList();
  }
}
