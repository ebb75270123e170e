package org.caseops.domain.purge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * What one purgeData operation did with one item its search matched: purged it (removed it from its
 * source; a recoverable purge keeps its bytes at {@link #getRecoverablePath()}, relative to the
 * data directory) or skipped it, with the reason (a hold covers it, its source no longer holds it
 * as catalogued). Its id is derived from the operation and the item, so a restarted purge records
 * each item once. The location, SHA-256 and size are those the catalog had when it was purged.
 */
@Entity
@Table(
    name = "purged_item",
    indexes = @Index(name = "ix_purged_item_operation", columnList = "operation_id,id"))
public class PurgedItem {
  /** The item was removed from its source. */
  public static final String PURGED = "purged";

  /** The item was left where it was; {@link #getReason()} says why. */
  public static final String SKIPPED = "skipped";

  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "operation_id", nullable = false, length = 32)
  private String operationId;

  @Column(name = "source_id", nullable = false, length = 36)
  private String sourceId;

  @Column(name = "item_id", nullable = false, length = 32)
  private String itemId;

  @Column(nullable = false, length = 2048)
  private String location;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 16)
  private String outcome;

  @Column(length = 2000)
  private String reason;

  @Column(name = "recoverable_path", length = 1024)
  private String recoverablePath;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedDateTime;

  @Column(name = "restored_at")
  private Instant restoredDateTime;

  protected PurgedItem() {}

  /** The id of the record of this item in this purge. */
  public static String idFor(String operationId, String itemId) {
    return Ids.stableHex32(operationId, itemId);
  }

  private static PurgedItem of(
      String caseId,
      String operationId,
      String sourceId,
      String itemId,
      String location,
      String sha256,
      long size,
      String outcome,
      String reason,
      Instant now) {
    PurgedItem p = new PurgedItem();
    p.id = idFor(operationId, itemId);
    p.caseId = caseId;
    p.operationId = operationId;
    p.sourceId = sourceId;
    p.itemId = itemId;
    p.location = location;
    p.sha256 = sha256;
    p.size = size;
    p.outcome = outcome;
    p.reason = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    p.recordedDateTime = now;
    return p;
  }

  /** An item removed from its source; {@code recoverablePath} is null for a permanent purge. */
  public static PurgedItem purged(
      String caseId,
      String operationId,
      String sourceId,
      String itemId,
      String location,
      String sha256,
      long size,
      String recoverablePath,
      String reason,
      Instant now) {
    PurgedItem p =
        of(caseId, operationId, sourceId, itemId, location, sha256, size, PURGED, reason, now);
    p.recoverablePath = recoverablePath;
    return p;
  }

  /** An item the purge left at its source, and why. */
  public static PurgedItem skipped(
      String caseId,
      String operationId,
      String sourceId,
      String itemId,
      String location,
      String sha256,
      long size,
      String reason,
      Instant now) {
    return of(caseId, operationId, sourceId, itemId, location, sha256, size, SKIPPED, reason, now);
  }

  public boolean isPurged() {
    return PURGED.equals(outcome);
  }

  public boolean isRestored() {
    return restoredDateTime != null;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getOperationId() {
    return operationId;
  }

  public String getSourceId() {
    return sourceId;
  }

  public String getItemId() {
    return itemId;
  }

  public String getLocation() {
    return location;
  }

  public String getSha256() {
    return sha256;
  }

  public long getSize() {
    return size;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public String getRecoverablePath() {
    return recoverablePath;
  }

  public Instant getRecordedDateTime() {
    return recordedDateTime;
  }

  public Instant getRestoredDateTime() {
    return restoredDateTime;
  }
}
