package org.caseops.domain.items;

/** What the catalog holds for one source: items and bytes, indexed and not. */
public record SourceItemStats(
    String sourceId,
    long indexedItemCount,
    long indexedItemsSize,
    long unindexedItemCount,
    long unindexedItemsSize) {

  public static SourceItemStats empty(String sourceId) {
    return new SourceItemStats(sourceId, 0, 0, 0, 0);
  }

  public long itemCount() {
    return indexedItemCount + unindexedItemCount;
  }

  public long size() {
    return indexedItemsSize + unindexedItemsSize;
  }
}
