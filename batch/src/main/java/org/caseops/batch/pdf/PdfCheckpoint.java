package org.caseops.batch.pdf;

import java.io.Serializable;

/**
 * Where the reading of the files to convert stands: every file up to {@code afterId} (in file id
 * order) was handled; {@code scanned} is about how many ids that was.
 */
record PdfCheckpoint(String afterId, long scanned) implements Serializable {
  private static final long serialVersionUID = 1L;
}
