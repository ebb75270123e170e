package org.caseops.api.items;

import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.SourceItemStats;

/** A source with the catalog's figures for it (zeros when nothing of it is catalogued). */
public record SourceStatistics(CustodianSource source, SourceItemStats stats) {}
