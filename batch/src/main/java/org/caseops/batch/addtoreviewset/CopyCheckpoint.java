package org.caseops.batch.addtoreviewset;

import java.io.Serializable;

/** Where the reading of the items in scope stands: every item up to {@code afterId} (in id order) was handled. */
record CopyCheckpoint(String afterId, long scanned) implements Serializable {
  private static final long serialVersionUID = 1L;
}
