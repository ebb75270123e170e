package org.caseops.batch.addtoreviewset;

import java.io.Serializable;

/**
 * Where the reading of the items to copy stands: every item up to {@code afterId} (in id order) was
 * handled; {@code scanned} is about how many ids that was.
 */
record CopyCheckpoint(String afterId, long scanned) implements Serializable {
  private static final long serialVersionUID = 1L;
}
