package org.caseops.batch.searchexport;

import org.caseops.batch.evidence.SourceFolder;
import org.caseops.domain.items.Item;

/**
 * One catalogued item to report (and export), with its position in the export ({@code index},
 * 0-based, which gives its DocID), its custodian and source as the report names them, the folder of
 * its source (null when the case no longer has the source), and whether it is a message. The
 * reader's last item is {@link #END}, which finishes the export.
 */
record SearchExportItem(
    int index, Item item, String custodian, String source, SourceFolder folder, boolean message) {
  /** The marker after the last item. */
  static final SearchExportItem END = new SearchExportItem(-1, null, null, null, null, false);

  boolean isEnd() {
    return index < 0;
  }

  /** {@code DOC0000001} for the first item. */
  String docId() {
    return String.format("DOC%07d", index + 1);
  }
}
