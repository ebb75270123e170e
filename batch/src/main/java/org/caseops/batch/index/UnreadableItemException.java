package org.caseops.batch.index;

/**
 * A file that could not be read at all (so it has no SHA-256 and cannot be catalogued). The index
 * step skips it; it is counted and named in the operation's result. Items that can be read but not
 * parsed are not skipped: they are catalogued as unindexed.
 */
public class UnreadableItemException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableItemException(String message) {
    super(message);
  }
}
