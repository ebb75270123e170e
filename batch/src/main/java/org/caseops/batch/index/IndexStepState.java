package org.caseops.batch.index;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldCoverage;

/**
 * What the index step's reader shares with the step's other artifacts through the step context's
 * transient user data: the live counts, the sources being read, notes about sources that hold
 * nothing to read, the sources under a hold that covers them whole (whose new and changed items are
 * preserved as they are read), which holds cover which sources, and whether the step reads every
 * source of the case (rather than those of some custodians only), the held sources whose folders it
 * could read (so an item of theirs it did not find is gone from its source), and whether the reader
 * has read every item to the end.
 */
public record IndexStepState(
    IndexTally tally,
    List<String> sourceIds,
    List<String> folderNotes,
    long skippedLinks,
    Map<String, CustodianSource> heldSources,
    HoldCoverage coverage,
    boolean wholeCase,
    List<String> readHeldSourceIds,
    AtomicBoolean readToEnd) {}
