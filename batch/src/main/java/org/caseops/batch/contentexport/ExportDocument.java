package org.caseops.batch.contentexport;

import org.caseops.domain.reviewsets.ReviewSetItem;

/**
 * One review-set file to export, with its position in the export ({@code index}, 0-based, which
 * gives its DocID), its {@code Cc} ("" without one), its custodian and source as the load file
 * names them, and its tags' names joined by {@code ;} ("" when the export has no tags). The
 * reader's last item is {@link #END}, which finishes the export.
 */
record ExportDocument(
    int index, ReviewSetItem file, String cc, String custodian, String source, String tags) {
  /** The marker after the last document. */
  static final ExportDocument END = new ExportDocument(-1, null, null, null, null, null);

  boolean isEnd() {
    return index < 0;
  }

  /** {@code DOC0000001} for the first document. */
  String docId() {
    String n = Integer.toString(index + 1);
    return n.length() >= 7 ? "DOC" + n : "DOC" + "0000000".substring(n.length()) + n;
  }
}
