package org.caseops.batch.evidence;

import java.io.Serializable;

/**
 * How far a reading of a case's evidence got: everything up to the file {@code path} of the source
 * at {@code sourceIndex} has been read, and within that file everything before byte {@code
 * nextOffset} ({@code -1} when the whole file has been read).
 */
public record EvidencePosition(int sourceIndex, String path, long nextOffset)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public boolean wholeFileRead() {
    return nextOffset < 0;
  }
}
