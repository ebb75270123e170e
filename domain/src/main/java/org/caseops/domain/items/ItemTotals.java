package org.caseops.domain.items;

/** How many items, and their total size in bytes. */
public record ItemTotals(long count, long size) {
  public static final ItemTotals NONE = new ItemTotals(0, 0);
}
