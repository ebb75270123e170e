package org.caseops.batch.contentexport;

import jakarta.batch.runtime.context.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What the export step's reader and writer share in one execution: the checkpoint of the last
 * finished part (which the reader reports at every chunk's end, so that a restart begins with the
 * part that was being written) and the tallies of the part being written.
 */
final class ExportState {
  /** At most this many names of failed files are kept for resultInfo. */
  static final int NAMES_KEPT = 10;

  ExportCheckpoint committed = ExportCheckpoint.start(1);
  int total;
  String batesPrefix = "CASEOPS_";
  long nextBates = 1;
  long documents;
  long failures;
  long withoutPdf;
  final List<String> failed = new ArrayList<>();
  final List<String> missingPdf = new ArrayList<>();

  static ExportState of(StepContext step) {
    synchronized (step) {
      if (step.getTransientUserData() instanceof ExportState state) {
        return state;
      }
      ExportState state = new ExportState();
      step.setTransientUserData(state);
      return state;
    }
  }

  /** Starts again from a checkpoint: the tallies are those of its finished parts. */
  void resume(ExportCheckpoint checkpoint) {
    committed = checkpoint;
    documents = checkpoint.documents();
    failures = checkpoint.failures();
    withoutPdf = checkpoint.withoutPdf();
    nextBates = checkpoint.nextBates();
    failed.clear();
    failed.addAll(checkpoint.failed());
    missingPdf.clear();
    missingPdf.addAll(checkpoint.missingPdf());
  }

  /**
   * A part is finished: the next one starts with document {@code nextIndex}, {@code next} (null
   * after the last).
   */
  void partFinished(int nextIndex, ExportDocument next) {
    committed =
        new ExportCheckpoint(
            committed.partsDone() + 1,
            nextIndex,
            documents,
            failures,
            withoutPdf,
            failed,
            missingPdf,
            committed.batesFirst(),
            nextBates,
            next == null ? null : next.file().getAddedDateTime(),
            next == null ? null : next.file().getId());
  }

  void failed(String name) {
    failures++;
    if (failed.size() < NAMES_KEPT) {
      failed.add(name);
    }
  }

  void noPdf(String name) {
    withoutPdf++;
    if (missingPdf.size() < NAMES_KEPT) {
      missingPdf.add(name);
    }
  }
}
