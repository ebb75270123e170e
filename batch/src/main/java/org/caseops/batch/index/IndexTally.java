package org.caseops.batch.index;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the index job's reader has counted so far; part of its checkpoint, so the counts of a
 * restarted job cover every execution.
 */
public final class IndexTally implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int MAX_SAMPLES = 3;

  private long seen;
  private long unreadable;
  private final ArrayList<String> unreadableSamples = new ArrayList<>();

  IndexTally copy() {
    IndexTally copy = new IndexTally();
    copy.seen = seen;
    copy.unreadable = unreadable;
    copy.unreadableSamples.addAll(unreadableSamples);
    return copy;
  }

  void seen() {
    seen++;
  }

  void unreadable(String what) {
    unreadable++;
    if (unreadableSamples.size() < MAX_SAMPLES) {
      unreadableSamples.add(what);
    }
  }

  /** Items read (whether new, changed or unchanged), not counting files that could not be read. */
  public long seenCount() {
    return seen;
  }

  /** Files that could not be read at all, and were skipped. */
  public long unreadableCount() {
    return unreadable;
  }

  public List<String> unreadableSamples() {
    return List.copyOf(unreadableSamples);
  }
}
