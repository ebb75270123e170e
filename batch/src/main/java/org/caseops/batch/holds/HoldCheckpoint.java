package org.caseops.batch.holds;

import java.io.Serializable;

/**
 * Where the preserving step stands: every item of the held sources up to {@code afterId} (in id
 * order) has been handled, {@code done} items in all.
 */
record HoldCheckpoint(String afterId, long done) implements Serializable {
  private static final long serialVersionUID = 1L;
}
