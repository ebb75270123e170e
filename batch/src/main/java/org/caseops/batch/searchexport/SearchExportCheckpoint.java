package org.caseops.batch.searchexport;

import java.io.Serializable;
import java.util.List;

/**
 * Where a search export stands at its last boundary: {@code segmentsDone} segments of report rows
 * are complete (one per chunk for exportReport, one per ZIP part for exportResult), {@code
 * partsDone} ZIP parts are complete, the next segment starts with item {@code nextIndex} (in the
 * export's order), the first item after {@code lastKey} (the id of the last item of the finished
 * segments; {@code null} before any), and the tallies are those of the finished segments. What was
 * written after the boundary when the job died is written again, never appended to.
 */
record SearchExportCheckpoint(
    int segmentsDone,
    int partsDone,
    int nextIndex,
    String lastKey,
    long items,
    long exported,
    long failures,
    List<String> failed)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static final SearchExportCheckpoint START =
      new SearchExportCheckpoint(0, 0, 0, null, 0, 0, 0, List.of());

  SearchExportCheckpoint {
    failed = List.copyOf(failed);
  }
}
