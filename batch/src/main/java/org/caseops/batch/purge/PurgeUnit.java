package org.caseops.batch.purge;

import java.io.Serializable;
import java.util.List;
import org.caseops.domain.items.Item;

/**
 * One file a purge works on at once: an eml file or a document (one item), or an mbox file with
 * every message of it the search matched, so that an mbox is rewritten once per purge. Units are
 * ordered by {@link #key()}, which a checkpoint keeps.
 */
record PurgeUnit(String sourceId, String path, boolean mbox, List<Target> targets) {
  static String key(String sourceId, String path) {
    return sourceId + "/" + path;
  }

  String key() {
    return key(sourceId, path);
  }

  /**
   * An item to purge as the catalog had it when the purge started (kept in the purge's targets
   * file, so that a restart works on what the purge set out to remove, whatever the catalog says by
   * then).
   */
  record Target(String itemId, String sourceId, String location, String sha256, long size) {
    static Target of(Item item) {
      return new Target(
          item.getId(), item.getSourceId(), item.getLocation(), item.getSha256(), item.getSize());
    }

    /** The target as one line of the targets file (tab-separated; locations hold no tab). */
    String line() {
      return String.join("\t", itemId, sourceId, sha256, Long.toString(size), location);
    }

    static Target parse(String line) {
      String[] f = line.split("\t", 5);
      return new Target(f[0], f[1], f[4], f[2], Long.parseLong(f[3]));
    }
  }

  /** Where the reading of units stands: every unit up to {@code afterKey} was handled. */
  record Checkpoint(String afterKey, long itemsDone) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
