package org.caseops.batch.contentexport;

import java.util.List;
import java.util.Locale;
import org.caseops.domain.operations.CaseOperation;

/**
 * What an export operation asks for, read from the operation: its review set and optional query,
 * {@code outputName}, and the {@code exportOptions} flags. Without any of originalFiles, text,
 * pdfReplacement and tags, the export holds the original files.
 */
record ExportSettings(
    String reviewSetId,
    String queryId,
    String outputName,
    boolean natives,
    boolean text,
    boolean pdf,
    boolean tags,
    boolean folderAndPath,
    boolean friendlyName,
    boolean condensePaths) {

  static final String OUTPUT_NAME = "outputName";
  static final String BATES_PREFIX = "batesPrefix";
  static final String BATES_START = "batesStart";

  /**
   * The prefix of the production numbers: {@code batesPrefix}, else the case's externalId (reduced
   * to characters safe in a file name) followed by {@code _}, else {@code CASEOPS_}.
   */
  static String batesPrefix(CaseOperation operation, String externalId) {
    String given = operation.parameter(BATES_PREFIX);
    if (given != null) {
      return given;
    }
    String fromCase = safe(externalId, 31);
    return fromCase.isEmpty() ? "CASEOPS_" : fromCase + "_";
  }

  static ExportSettings of(CaseOperation operation) {
    List<String> options = operation.getTarget().getOptions();
    boolean natives = options.contains("originalFiles");
    boolean text = options.contains("text");
    boolean pdf = options.contains("pdfReplacement");
    boolean tags = options.contains("tags");
    if (!natives && !text && !pdf && !tags) {
      natives = true;
    }
    String name = operation.parameter(OUTPUT_NAME);
    return new ExportSettings(
        operation.getTarget().getReviewSetId(),
        operation.getTarget().getQueryId(),
        name == null ? "export" : name,
        natives,
        text,
        pdf,
        tags,
        options.contains("includeFolderAndPath"),
        options.contains("friendlyName"),
        options.contains("condensePaths"));
  }

  /** The output name as a file name: letters, digits, {@code -}, {@code _} and {@code .}. */
  String fileStem() {
    String stem = safe(outputName, 80);
    return stem.isEmpty() ? "export" : stem;
  }

  /** The name of the n-th ZIP part (1-based). */
  String partName(int number) {
    return fileStem() + String.format(Locale.ROOT, "_part%03d.zip", number);
  }

  /** A string reduced to characters safe in a file name, at most {@code max} long. */
  static String safe(String s, int max) {
    return ExportNames.safe(s, max);
  }
}
