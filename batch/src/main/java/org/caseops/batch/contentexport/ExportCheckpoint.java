package org.caseops.batch.contentexport;

import java.io.Serializable;
import java.util.List;

/**
 * Where an export stands at the end of its last finished part: {@code partsDone} parts are
 * complete, the next part starts with document {@code nextIndex} (in the export's order), and the
 * tallies are those of the finished parts. A part that was being written when the job died is
 * written again from its first document, never appended to.
 */
record ExportCheckpoint(
    int partsDone,
    int nextIndex,
    long documents,
    long failures,
    long withoutPdf,
    List<String> failed,
    List<String> missingPdf)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static final ExportCheckpoint START = new ExportCheckpoint(0, 0, 0, 0, 0, List.of(), List.of());

  ExportCheckpoint {
    failed = List.copyOf(failed);
    missingPdf = List.copyOf(missingPdf);
  }
}
