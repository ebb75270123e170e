package org.caseops.batch.contentexport;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Where an export stands at the end of its last finished part: {@code partsDone} parts are
 * complete, the next part starts with document {@code nextIndex} (in the export's order), and the
 * tallies are those of the finished parts; {@code batesFirst} is the export's first production
 * number and {@code nextBates} the number the next stamped page gets. {@code nextAdded} and {@code
 * nextFileId} are the key of document {@code nextIndex} (the time its file was added to the review
 * set, its id), where the reader starts again; null at the start and after the last document. A
 * part that was being written when the job died is written again from its first document, never
 * appended to.
 */
record ExportCheckpoint(
    int partsDone,
    int nextIndex,
    long documents,
    long failures,
    long withoutPdf,
    List<String> failed,
    List<String> missingPdf,
    long batesFirst,
    long nextBates,
    Instant nextAdded,
    String nextFileId)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The start of an export whose production numbers begin at {@code batesFirst}. */
  static ExportCheckpoint start(long batesFirst) {
    return new ExportCheckpoint(
        0, 0, 0, 0, 0, List.of(), List.of(), batesFirst, batesFirst, null, null);
  }

  ExportCheckpoint {
    failed = List.copyOf(failed);
    missingPdf = List.copyOf(missingPdf);
  }
}
