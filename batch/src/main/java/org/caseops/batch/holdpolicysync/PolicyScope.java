package org.caseops.batch.holdpolicysync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseops.batch.holds.HoldQueries;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.operations.CaseOperation;

/**
 * What one holdPolicySync covers: the legal hold as it is now (deleted or not; {@code null} once a
 * deleted hold is removed for good, when an ended sync is run again), its sources that still exist
 * in the case, and, for a hold with a contentQuery, the ids of the indexed items of those sources
 * the query matches ({@code null} for a hold on whole sources). A hold that is disabled or deleted
 * covers nothing.
 */
record PolicyScope(
    String id,
    LegalHold hold,
    Map<String, CustodianSource> sources,
    Set<String> matches,
    boolean inForce) {

  static PolicyScope of(
      CaseOperation operation, LegalHoldRepository legalHolds, CustodianRepository custodians)
      throws IOException {
    String caseId = operation.getCaseId();
    String id = operation.getTarget().getLegalHoldId();
    LegalHold hold = legalHolds.findAny(caseId, id).orElse(null);
    if (hold == null) {
      return new PolicyScope(id, null, Map.of(), null, false);
    }
    Map<String, CustodianSource> sources =
        custodians.listSourcesOfCase(caseId).stream()
            .filter(s -> hold.getSourceIds().contains(s.getId()))
            .collect(Collectors.toMap(CustodianSource::getId, Function.identity()));
    boolean inForce = hold.inForce();
    Set<String> matches = null;
    if (inForce && !hold.coversWholeSources()) {
      matches = HoldQueries.matching(caseId, hold.getContentQuery(), sources.keySet(), null);
    }
    return new PolicyScope(id, hold, sources, matches, inForce);
  }

  HoldRef ref() {
    return HoldRef.legalHold(id);
  }

  /** Whether the hold is deleted (or gone already). */
  boolean deleted() {
    return hold == null || hold.isDeleted();
  }

  /** How the hold is named in results. */
  String name() {
    return "The legal hold '" + (hold == null ? id : hold.getDisplayName()) + "'";
  }

  /** The ids of the sources whose items the hold covers; none when it is not in force. */
  List<String> coveredSourceIds() {
    return inForce ? new ArrayList<>(sources.keySet()) : List.of();
  }
}
