package org.caseops.domain.holds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.domain.custodians.CustodianSource;

/**
 * Which holds of a case cover which sources, as the index needs to know before it reads them. A
 * source is covered whole by its custodian's or non-custodial data source's hold while that is in
 * force ({@link HoldStatuses#inForce}), and by every legal hold in force that names it with an
 * empty contentQuery: the index preserves its new and changed items before anything else sees them,
 * recorded under each of those holds. A legal hold in force with a contentQuery covers only the
 * items its query matches: the index preserves, once an item is indexed, the new and changed items
 * of its sources that the query matches.
 *
 * @param whole per source id, the holds that cover every item of it
 * @param queried the legal holds in force with a contentQuery, each with the sources it names
 */
public record HoldCoverage(Map<String, List<HoldRef>> whole, List<QueryHold> queried) {

  /** A legal hold that covers the items of {@code sourceIds} that {@code contentQuery} matches. */
  public record QueryHold(HoldRef hold, String contentQuery, Set<String> sourceIds) {}

  public HoldCoverage {
    whole = Map.copyOf(whole);
    queried = List.copyOf(queried);
  }

  /**
   * The coverage of the given sources.
   *
   * @param sources the sources (of one case) being considered, with their holdStatus
   * @param legalHolds the case's legal holds (those not in force are left out)
   */
  public static HoldCoverage of(
      Collection<CustodianSource> sources, Collection<LegalHold> legalHolds) {
    Map<String, List<HoldRef>> whole = new LinkedHashMap<>();
    for (CustodianSource source : sources) {
      if (HoldStatuses.inForce(source.getHoldStatus())) {
        whole.computeIfAbsent(source.getId(), k -> new ArrayList<>()).add(source.containerHold());
      }
    }
    List<QueryHold> queried = new ArrayList<>();
    for (LegalHold hold : legalHolds) {
      if (!hold.inForce()) {
        continue;
      }
      HoldRef ref = HoldRef.legalHold(hold.getId());
      if (hold.coversWholeSources()) {
        for (CustodianSource source : sources) {
          if (hold.getSourceIds().contains(source.getId())) {
            whole.computeIfAbsent(source.getId(), k -> new ArrayList<>()).add(ref);
          }
        }
      } else {
        Set<String> named = new LinkedHashSet<>();
        for (CustodianSource source : sources) {
          if (hold.getSourceIds().contains(source.getId())) {
            named.add(source.getId());
          }
        }
        if (!named.isEmpty()) {
          queried.add(new QueryHold(ref, hold.getContentQuery(), Set.copyOf(named)));
        }
      }
    }
    whole.replaceAll((k, v) -> List.copyOf(v));
    return new HoldCoverage(whole, queried);
  }

  /** The holds that cover every item of the source; empty when none does. */
  public List<HoldRef> wholeOf(String sourceId) {
    return whole.getOrDefault(sourceId, List.of());
  }

  /** Whether some hold covers every item of the source. */
  public boolean coversWhole(String sourceId) {
    return whole.containsKey(sourceId);
  }

  /** Whether no hold covers anything of the sources. */
  public boolean isEmpty() {
    return whole.isEmpty() && queried.isEmpty();
  }
}
