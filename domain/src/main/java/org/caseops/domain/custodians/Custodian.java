package org.caseops.domain.custodians;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * A person whose data is part of a case. The custodian is named by email; the places their data
 * lives are its {@link CustodianSource}s, added after the custodian.
 */
@Entity
@Table(name = "custodian")
public class Custodian {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @NotBlank
  @Email
  @Column(nullable = false, length = 320)
  private String email;

  @Column(name = "display_name", length = 256)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private DataSourceContainerStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "hold_status", nullable = false, length = 32)
  private DataSourceHoldStatus holdStatus;

  @Column(name = "created_at", nullable = false)
  private Instant createdDateTime;

  @Column(name = "last_modified_at", nullable = false)
  private Instant lastModifiedDateTime;

  @Column(name = "released_at")
  private Instant releasedDateTime;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedDateTime;

  @Column(name = "last_index_operation_id", length = 32)
  private String lastIndexOperationId;

  @Version private long version;

  protected Custodian() {}

  public static Custodian add(String caseId, String email, String displayName, Instant now) {
    Custodian c = new Custodian();
    c.id = Ids.newGuid();
    c.caseId = caseId;
    c.email = email;
    c.displayName = displayName == null || displayName.isBlank() ? email : displayName;
    c.status = DataSourceContainerStatus.active;
    c.holdStatus = DataSourceHoldStatus.notApplied;
    c.createdDateTime = now;
    c.lastModifiedDateTime = now;
    return c;
  }

  /** Sets the hold status (as the repository's bulk update does). */
  public void holdStatus(DataSourceHoldStatus status) {
    this.holdStatus = status;
  }

  /** Releases the custodian, or makes it active again ({@code releasedDateTime} cleared). */
  public void status(DataSourceContainerStatus status, Instant at) {
    this.status = status;
    this.releasedDateTime = status == DataSourceContainerStatus.released ? at : null;
    this.lastModifiedDateTime = at;
  }

  /** Whether the custodian has been released from the case. */
  public boolean isReleased() {
    return status == DataSourceContainerStatus.released;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public DataSourceContainerStatus getStatus() {
    return status;
  }

  public DataSourceHoldStatus getHoldStatus() {
    return holdStatus;
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public Instant getLastModifiedDateTime() {
    return lastModifiedDateTime;
  }

  public Instant getReleasedDateTime() {
    return releasedDateTime;
  }

  public Instant getAcknowledgedDateTime() {
    return acknowledgedDateTime;
  }

  public String getLastIndexOperationId() {
    return lastIndexOperationId;
  }
}
