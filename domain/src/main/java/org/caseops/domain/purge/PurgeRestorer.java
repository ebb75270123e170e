package org.caseops.domain.purge;

import java.util.List;

/**
 * A port to the evidence store: puts what a recoverable purge removed back where it was, byte for
 * byte, and makes the catalog and the case's index hold it again. Implemented next to the purge job
 * (in the batch module).
 */
public interface PurgeRestorer {
  /** What a restore did: the items it put back now, and those an earlier restore had. */
  record Restored(List<String> restoredIds, List<String> alreadyRestoredIds) {
    public Restored {
      restoredIds = List.copyOf(restoredIds);
      alreadyRestoredIds = List.copyOf(alreadyRestoredIds);
    }
  }

  /**
   * Restores items of a finished recoverable purge: the given ones, or, with none given, every item
   * it purged; messages of one mbox in the order of their original offsets, so that a whole restore
   * gives back the mbox as it was.
   *
   * @throws org.caseops.domain.support.ResourceNotFoundException for an id the purge did not purge
   * @throws org.caseops.domain.support.ConflictException when another file now stands where an item
   *     was, or the purge's copy of an item is missing or damaged
   * @throws org.caseops.domain.support.InvalidRequestException for a permanent purge
   */
  Restored restore(String caseId, String operationId, List<String> itemIds);
}
