package org.caseops.batch.index;

import java.util.List;
import java.util.Map;
import org.caseops.domain.custodians.CustodianSource;

/**
 * What the index step's reader shares with the step's other artifacts through the step context's
 * transient user data: the live counts, the sources being read, notes about sources that hold
 * nothing to read, the sources under a hold (whose new and changed items are preserved), and
 * whether the step reads every source of the case (rather than those of some custodians only).
 */
public record IndexStepState(
    IndexTally tally,
    List<String> sourceIds,
    List<String> folderNotes,
    long skippedLinks,
    Map<String, CustodianSource> heldSources,
    boolean wholeCase) {}
