package org.caseops.batch.searchexport;

import java.util.List;
import java.util.Locale;
import org.caseops.batch.contentexport.ExportNames;
import org.caseops.domain.operations.CaseOperation;

/**
 * What a search export asks for, read from its operation: the search, the name its files take
 * ({@code displayName}), which items ({@code exportCriteria}: the search's hits, the unindexed
 * items in scope; the hits when neither is given), from which sources ({@code exportLocation}:
 * those with hits, those without; those with hits when neither is given), whether natives are
 * exported (exportResult) and the report written (always for exportReport, with {@code
 * includeReport} for exportResult), and how natives are named.
 */
record SearchExportSettings(
    String searchId,
    String displayName,
    boolean searchHits,
    boolean partiallyIndexed,
    boolean responsive,
    boolean nonresponsive,
    boolean natives,
    boolean report,
    boolean folderAndPath,
    boolean condensePaths,
    boolean friendlyName) {

  static final String DISPLAY_NAME = "displayName";

  /**
   * The settings of the operation; {@code natives} comes from the job (exportResult), not the
   * operation.
   */
  static SearchExportSettings of(CaseOperation operation, boolean natives) {
    List<String> options = operation.getTarget().getOptions();
    boolean hits = options.contains("searchHits");
    boolean unindexed = options.contains("partiallyIndexed");
    boolean responsive = options.contains("responsiveLocations");
    boolean nonresponsive = options.contains("nonresponsiveLocations");
    String name = operation.parameter(DISPLAY_NAME);
    return new SearchExportSettings(
        operation.getTarget().getSearchId(),
        name == null ? "export" : name,
        hits || !unindexed,
        unindexed,
        responsive || !nonresponsive,
        nonresponsive,
        natives,
        !natives || options.contains("includeReport"),
        options.contains("includeFolderAndPath"),
        options.contains("condensePaths"),
        options.contains("friendlyName"));
  }

  /** The display name as a file name: letters, digits, {@code -}, {@code _} and {@code .}. */
  String fileStem() {
    String stem = ExportNames.safe(displayName, 80);
    return stem.isEmpty() ? "export" : stem;
  }

  /** The name of the n-th ZIP part (1-based). */
  String partName(int number) {
    return fileStem() + String.format(Locale.ROOT, "_part%03d.zip", number);
  }

  String itemReportName() {
    return fileStem() + "_items.csv";
  }

  String summaryName() {
    return fileStem() + "_summary.csv";
  }
}
