package org.caseops.domain.exports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The production numbers one export stamped on its PDF pages: {@code prefix} followed by the
 * numbers from {@code first} to {@code last}. A case's next production continues after the highest
 * number any of its productions used.
 */
@Entity
@Table(name = "export_bates_range")
public class BatesRange {
  @Id
  @Column(name = "operation_id", length = 32)
  private String operationId;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(nullable = false, length = 64)
  private String prefix;

  @Column(name = "first_number", nullable = false)
  private long first;

  @Column(name = "last_number", nullable = false)
  private long last;

  protected BatesRange() {}

  public static BatesRange of(
      String caseId, String operationId, String prefix, long first, long last) {
    BatesRange r = new BatesRange();
    r.caseId = caseId;
    r.operationId = operationId;
    r.prefix = prefix;
    r.first = first;
    r.last = last;
    return r;
  }

  public String getOperationId() {
    return operationId;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getPrefix() {
    return prefix;
  }

  public long getFirst() {
    return first;
  }

  public long getLast() {
    return last;
  }
}
