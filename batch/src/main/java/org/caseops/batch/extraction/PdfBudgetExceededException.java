package org.caseops.batch.extraction;

import org.apache.tika.exception.TikaException;

/** A document whose extraction would take more memory than allowed; its message says why. */
public class PdfBudgetExceededException extends TikaException {
  private static final long serialVersionUID = 1L;

  public PdfBudgetExceededException(String message) {
    super(message);
  }
}
