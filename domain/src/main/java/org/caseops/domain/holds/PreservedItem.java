package org.caseops.domain.holds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * One version of one catalogued item kept under one hold: the item, the SHA-256 of the bytes
 * preserved (their copy is in the case's content store under that hash), the source it came from,
 * the hold that covers it ({@link HoldKind} and the id of the custodian, non-custodial data source
 * or legal hold), the custodian whose source it is (none for a non-custodial source), and when it
 * was preserved. An item preserved again with the same bytes under the same hold is the same
 * record; a changed item gets a record per version, and each hold covering an item its own record.
 */
@Entity
@Table(
    name = "preserved_item",
    indexes = {
      @Index(name = "ix_preserved_item_case_sha", columnList = "case_id,sha256"),
      @Index(name = "ix_preserved_item_custodian", columnList = "custodian_id"),
      @Index(name = "ix_preserved_item_hold", columnList = "hold_kind,hold_id")
    })
public class PreservedItem {
  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Enumerated(EnumType.STRING)
  @Column(name = "hold_kind", nullable = false, length = 24)
  private HoldKind holdKind;

  @Column(name = "hold_id", nullable = false, length = 36)
  private String holdId;

  @Column(name = "custodian_id", length = 36)
  private String custodianId;

  @Column(name = "source_id", nullable = false, length = 36)
  private String sourceId;

  @Column(name = "item_id", nullable = false, length = 32)
  private String itemId;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "operation_id", length = 32)
  private String operationId;

  @Column(name = "preserved_at", nullable = false)
  private Instant preservedDateTime;

  protected PreservedItem() {}

  /** The record of an item version preserved under a custodian's hold. */
  public static PreservedItem of(
      String caseId,
      String custodianId,
      String sourceId,
      String itemId,
      String sha256,
      long size,
      String operationId,
      Instant now) {
    return of(
        caseId,
        HoldRef.custodian(custodianId),
        custodianId,
        sourceId,
        itemId,
        sha256,
        size,
        operationId,
        now);
  }

  /**
   * The record of an item version preserved under any hold.
   *
   * @param custodianId the custodian whose source it is; {@code null} for a non-custodial source
   */
  public static PreservedItem of(
      String caseId,
      HoldRef hold,
      String custodianId,
      String sourceId,
      String itemId,
      String sha256,
      long size,
      String operationId,
      Instant now) {
    PreservedItem p = new PreservedItem();
    p.id = idFor(hold.id(), itemId, sha256);
    p.caseId = caseId;
    p.holdKind = hold.kind();
    p.holdId = hold.id();
    p.custodianId = custodianId;
    p.sourceId = sourceId;
    p.itemId = itemId;
    p.sha256 = sha256;
    p.size = size;
    p.operationId = operationId;
    p.preservedDateTime = now;
    return p;
  }

  /**
   * The id of the record of this item version under this hold (named by the id of its custodian,
   * non-custodial data source or legal hold, all GUIDs), whenever made. A custodian's records keep
   * the ids they had before holds had kinds.
   */
  public static String idFor(String holdId, String itemId, String sha256) {
    return Ids.stableHex32(holdId, itemId, sha256);
  }

  /** This record for the same item at a new id (its location moved; its bytes did not). */
  public PreservedItem movedTo(String newItemId) {
    return of(
        caseId,
        new HoldRef(holdKind, holdId),
        custodianId,
        sourceId,
        newItemId,
        sha256,
        size,
        operationId,
        preservedDateTime);
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  /** The hold that covers this item version. */
  public HoldRef getHold() {
    return new HoldRef(holdKind, holdId);
  }

  /** The custodian whose source the item is of; {@code null} for a non-custodial source. */
  public String getCustodianId() {
    return custodianId;
  }

  public String getSourceId() {
    return sourceId;
  }

  public String getItemId() {
    return itemId;
  }

  public String getSha256() {
    return sha256;
  }

  public long getSize() {
    return size;
  }

  public String getOperationId() {
    return operationId;
  }

  public Instant getPreservedDateTime() {
    return preservedDateTime;
  }
}
