package org.caseops.batch.holdpolicysync;

import java.io.Serializable;

/**
 * Where the preserving step stands: every item of the hold's sources up to {@code afterId} (in id
 * order) has been handled, {@code done} of them covered by the hold.
 */
record PolicyCheckpoint(String afterId, long done) implements Serializable {
  private static final long serialVersionUID = 1L;
}
