package org.caseops.domain.holds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * One version of one catalogued item kept under one custodian's hold: the item, the SHA-256 of the
 * bytes preserved (their copy is in the case's content store under that hash), the source it came
 * from, the custodian whose hold covers it, and when it was preserved. An item preserved again with
 * the same bytes under the same hold is the same record; a changed item gets a record per version.
 */
@Entity
@Table(
    name = "preserved_item",
    indexes = {
      @Index(name = "ix_preserved_item_case_sha", columnList = "case_id,sha256"),
      @Index(name = "ix_preserved_item_custodian", columnList = "custodian_id")
    })
public class PreservedItem {
  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "custodian_id", nullable = false, length = 36)
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
    PreservedItem p = new PreservedItem();
    p.id = idFor(custodianId, itemId, sha256);
    p.caseId = caseId;
    p.custodianId = custodianId;
    p.sourceId = sourceId;
    p.itemId = itemId;
    p.sha256 = sha256;
    p.size = size;
    p.operationId = operationId;
    p.preservedDateTime = now;
    return p;
  }

  /** The id of the record of this item version under this custodian's hold, whenever made. */
  public static String idFor(String custodianId, String itemId, String sha256) {
    return Ids.stableHex32(custodianId, itemId, sha256);
  }

  /** This record for the same item at a new id (its location moved; its bytes did not). */
  public PreservedItem movedTo(String newItemId) {
    return of(
        caseId, custodianId, sourceId, newItemId, sha256, size, operationId, preservedDateTime);
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

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
