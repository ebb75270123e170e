package org.caseops.domain.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What an estimateStatistics operation found, as Graph's {@code ediscoveryEstimateOperation}
 * reports it: indexed items that match the query (each counted once) and their total size,
 * unindexed items in the search's scope and their total size, and how many mailboxes and sites have
 * hits; and, a caseops addition, how many of the matching items the catalog keeps from their
 * preserved copies only ({@code preservedOnlyItemCount}: deleted at their source, or an earlier
 * version; they are counted in the indexed figures too).
 */
@Embeddable
public class EstimateStatistics {
  @Column(name = "indexed_item_count")
  private Long indexedItemCount;

  @Column(name = "indexed_items_size")
  private Long indexedItemsSize;

  @Column(name = "unindexed_item_count")
  private Long unindexedItemCount;

  @Column(name = "unindexed_items_size")
  private Long unindexedItemsSize;

  @Column(name = "mailbox_count")
  private Integer mailboxCount;

  @Column(name = "site_count")
  private Integer siteCount;

  @Column(name = "preserved_only_item_count")
  private Long preservedOnlyItemCount;

  protected EstimateStatistics() {}

  public EstimateStatistics(
      long indexedItemCount,
      long indexedItemsSize,
      long unindexedItemCount,
      long unindexedItemsSize,
      int mailboxCount,
      int siteCount) {
    this(
        indexedItemCount,
        indexedItemsSize,
        unindexedItemCount,
        unindexedItemsSize,
        mailboxCount,
        siteCount,
        0);
  }

  public EstimateStatistics(
      long indexedItemCount,
      long indexedItemsSize,
      long unindexedItemCount,
      long unindexedItemsSize,
      int mailboxCount,
      int siteCount,
      long preservedOnlyItemCount) {
    this.preservedOnlyItemCount = preservedOnlyItemCount;
    this.indexedItemCount = indexedItemCount;
    this.indexedItemsSize = indexedItemsSize;
    this.unindexedItemCount = unindexedItemCount;
    this.unindexedItemsSize = unindexedItemsSize;
    this.mailboxCount = mailboxCount;
    this.siteCount = siteCount;
  }

  /** Whether the estimate has been recorded (it is absent while the operation runs). */
  public boolean isRecorded() {
    return indexedItemCount != null;
  }

  public long getIndexedItemCount() {
    return indexedItemCount == null ? 0 : indexedItemCount;
  }

  public long getIndexedItemsSize() {
    return indexedItemsSize == null ? 0 : indexedItemsSize;
  }

  public long getUnindexedItemCount() {
    return unindexedItemCount == null ? 0 : unindexedItemCount;
  }

  public long getUnindexedItemsSize() {
    return unindexedItemsSize == null ? 0 : unindexedItemsSize;
  }

  public int getMailboxCount() {
    return mailboxCount == null ? 0 : mailboxCount;
  }

  public int getSiteCount() {
    return siteCount == null ? 0 : siteCount;
  }

  /** Matching items kept from their preserved copies only; 0 for estimates made before it was. */
  public long getPreservedOnlyItemCount() {
    return preservedOnlyItemCount == null ? 0 : preservedOnlyItemCount;
  }
}
