package org.caseops.domain.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * One item an operation's job could not process, and why: an index's unreadable or unindexed item,
 * a file convertToPdf could not render, a file an export left out or exported without its PDF. The
 * same item failing again in the same step of the same operation (a restarted chunk) is the same
 * record.
 */
@Entity
@Table(
    name = "operation_item_failure",
    indexes = {
      @Index(name = "ix_operation_item_failure_operation", columnList = "operation_id,recorded_at")
    })
public class ItemFailure {
  /** The longest item name or reason kept; longer ones are cut. */
  public static final int MAX_TEXT = 2000;

  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "operation_id", nullable = false, length = 32)
  private String operationId;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(nullable = false, length = 64)
  private String step;

  @Column(nullable = false, length = MAX_TEXT)
  private String item;

  @Column(nullable = false, length = MAX_TEXT)
  private String reason;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedDateTime;

  protected ItemFailure() {}

  /**
   * The failure of {@code item} (as a person finds it: source and path, or file name) in a step of
   * an operation.
   */
  public static ItemFailure of(
      String operationId, String caseId, String step, String item, String reason, Instant now) {
    ItemFailure f = new ItemFailure();
    f.id = Ids.stableHex32(operationId, step, item);
    f.operationId = operationId;
    f.caseId = caseId;
    f.step = step;
    f.item = clip(item);
    f.reason = clip(reason == null || reason.isBlank() ? "unknown reason" : reason);
    f.recordedDateTime = now;
    return f;
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }

  public String getId() {
    return id;
  }

  public String getOperationId() {
    return operationId;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getStep() {
    return step;
  }

  public String getItem() {
    return item;
  }

  public String getReason() {
    return reason;
  }

  public Instant getRecordedDateTime() {
    return recordedDateTime;
  }
}
