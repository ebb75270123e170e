package org.caseops.batch.index;

import java.util.List;

/**
 * What the index step's reader shares with the step's other artifacts through the step context's
 * transient user data: the live counts, the sources being read, and notes about sources that hold
 * nothing to read.
 */
public record IndexStepState(
    IndexTally tally, List<String> sourceIds, List<String> folderNotes, long skippedLinks) {}
