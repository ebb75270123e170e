package org.caseops.batch.index;

/**
 * A file that could not be read at all (so it has no SHA-256 and cannot be catalogued). The index
 * step skips it; it is counted and named in the operation's result, and {@link
 * UnreadableItemListener} records it among the operation's failed items. Items that can be read but
 * not parsed are not skipped: they are catalogued as unindexed.
 */
public class UnreadableItemException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String item;
  private final String reason;

  /**
   * @param item the item as a person finds it: its source's display name and its location
   * @param reason why it could not be read
   */
  public UnreadableItemException(String item, String reason) {
    super(item + " " + reason);
    this.item = item;
    this.reason = reason;
  }

  public String item() {
    return item;
  }

  public String reason() {
    return reason;
  }
}
