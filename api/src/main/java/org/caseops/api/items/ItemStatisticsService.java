package org.caseops.api.items;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.SourceItemStats;

/**
 * Item counts and sizes per source, from {@link ItemRepository#statsOfCase}, and what holds
 * preserve of each source ({@link HoldRepository}).
 */
@Dependent
public class ItemStatisticsService {
  private final Lookups lookups;
  private final CustodianRepository custodians;
  private final ItemRepository items;
  private final HoldRepository holds;

  @Inject
  public ItemStatisticsService(
      Lookups lookups, CustodianRepository custodians, ItemRepository items, HoldRepository holds) {
    this.lookups = lookups;
    this.custodians = custodians;
    this.items = items;
    this.holds = holds;
  }

  /** Every source of the case, in creation order, each with its figures. */
  public List<SourceStatistics> ofCase(String caseId) {
    lookups.requireCase(caseId);
    Map<String, SourceItemStats> stats = statsBySource(caseId);
    Map<String, Long> preserved = holds.preservedBySource(caseId);
    Map<String, Long> preservedOnly = holds.preservedOnlyBySource(caseId);
    List<SourceStatistics> result = new ArrayList<>();
    for (CustodianSource source : custodians.listSourcesOfCase(caseId)) {
      SourceItemStats figures =
          stats.getOrDefault(source.getId(), SourceItemStats.empty(source.getId()));
      result.add(
          new SourceStatistics(
              source,
              figures,
              preserved.getOrDefault(source.getId(), 0L),
              preservedOnly.getOrDefault(source.getId(), 0L)));
    }
    return result;
  }

  public SourceStatistics ofSource(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    return of(caseId, lookups.findSource(caseId, custodianId, kind, sourceId));
  }

  /** The figures of one source found already (a non-custodial data source's dataSource). */
  public SourceStatistics of(String caseId, CustodianSource source) {
    String sourceId = source.getId();
    SourceItemStats stats =
        statsBySource(caseId).getOrDefault(sourceId, SourceItemStats.empty(sourceId));
    return new SourceStatistics(
        source,
        stats,
        holds.preservedBySource(caseId).getOrDefault(sourceId, 0L),
        holds.preservedOnlyBySource(caseId).getOrDefault(sourceId, 0L));
  }

  private Map<String, SourceItemStats> statsBySource(String caseId) {
    Map<String, SourceItemStats> bySource = new HashMap<>();
    for (SourceItemStats stats : items.statsOfCase(caseId)) {
      bySource.put(stats.sourceId(), stats);
    }
    return bySource;
  }
}
