package org.caseops.api.items;

import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.SourceItemStats;

/**
 * A source with the catalog's figures for it (zeros when nothing of it is catalogued), and what
 * holds preserve of it: distinct items, and items whose preserved version the source no longer has
 * (changed or gone since they were preserved).
 */
public record SourceStatistics(
    CustodianSource source,
    SourceItemStats stats,
    long preservedItemCount,
    long preservedOnlyItemCount) {

  public SourceStatistics(CustodianSource source, SourceItemStats stats) {
    this(source, stats, 0, 0);
  }
}
