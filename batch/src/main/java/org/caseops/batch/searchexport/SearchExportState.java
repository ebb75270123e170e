package org.caseops.batch.searchexport;

import jakarta.batch.runtime.context.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What the search export step's reader and writer share in one execution: the checkpoint of the
 * last boundary (which the reader reports at every chunk's end, so that a restart begins after it),
 * the tallies of the segment being written, and what the reader learnt of the search on opening
 * (the items' total, the sources in scope with their hits).
 */
final class SearchExportState {
  /** At most this many names of failed items are kept for resultInfo. */
  static final int NAMES_KEPT = 10;

  SearchExportCheckpoint committed = SearchExportCheckpoint.START;
  int total;
  long items;
  long exported;
  long failures;
  final List<String> failed = new ArrayList<>();
  final List<SourceSummary> sources = new ArrayList<>();

  static SearchExportState of(StepContext step) {
    synchronized (step) {
      if (step.getTransientUserData() instanceof SearchExportState state) {
        return state;
      }
      SearchExportState state = new SearchExportState();
      step.setTransientUserData(state);
      return state;
    }
  }

  /** Starts again from a checkpoint: the tallies are those of its finished segments. */
  void resume(SearchExportCheckpoint checkpoint) {
    committed = checkpoint;
    items = checkpoint.items();
    exported = checkpoint.exported();
    failures = checkpoint.failures();
    failed.clear();
    failed.addAll(checkpoint.failed());
  }

  /**
   * A segment (and, when {@code part}, a ZIP part) is finished with the item whose id is {@code
   * lastKey}; the next starts at nextIndex.
   */
  void segmentFinished(int nextIndex, String lastKey, boolean part) {
    committed =
        new SearchExportCheckpoint(
            committed.segmentsDone() + 1,
            committed.partsDone() + (part ? 1 : 0),
            nextIndex,
            lastKey,
            items,
            exported,
            failures,
            failed);
  }

  void failed(String name) {
    failures++;
    if (failed.size() < NAMES_KEPT) {
      failed.add(name);
    }
  }

  /**
   * A source in the search's scope: its custodian and name as the report gives them, its kind, the
   * search's hits in it (indexed items that match, and their size), its unindexed items, and
   * whether the export's locations select it.
   */
  record SourceSummary(
      String custodian,
      String source,
      String sourceType,
      long hits,
      long hitsSize,
      long unindexed,
      long unindexedSize,
      boolean selected) {
    boolean responsive() {
      return hits > 0;
    }
  }
}
