package org.caseops.batch.holds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.operations.CaseOperation;

/**
 * What one holdUpdate operation changes: its custodians, whether it removes their hold or applies
 * it, and their sources (each source id with its custodian's id).
 */
record HoldChange(List<String> custodianIds, boolean remove, Map<String, CustodianSource> sources) {

  static HoldChange of(CaseOperation operation, CustodianRepository custodians) {
    List<String> ids = operation.getTarget().getCustodianIds();
    Map<String, CustodianSource> sources = new LinkedHashMap<>();
    for (CustodianSource source : custodians.listSourcesOfCase(operation.getCaseId())) {
      if (ids.contains(source.getCustodianId())) {
        sources.put(source.getId(), source);
      }
    }
    return new HoldChange(ids, operation.getTarget().removesHold(), sources);
  }

  /** The ids of the sources of one custodian. */
  List<String> sourcesOf(String custodianId) {
    return sources.values().stream()
        .filter(s -> s.getCustodianId().equals(custodianId))
        .map(CustodianSource::getId)
        .toList();
  }
}
