package org.caseops.batch.index;

import java.io.Serializable;
import org.caseops.batch.evidence.EvidencePosition;

/**
 * The index job reader's checkpoint: where reading stands ({@code null} before the first item), how
 * many evidence bytes were read up to there, and the counts so far.
 */
public record ReaderCheckpoint(EvidencePosition position, long bytesRead, IndexTally tally)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
