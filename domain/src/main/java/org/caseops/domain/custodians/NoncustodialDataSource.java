package org.caseops.domain.custodians;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * Graph's {@code ediscoveryNoncustodialDataSource}: a mailbox or site that is part of a case
 * without belonging to a custodian (a shared mailbox, a team site). Its one {@code dataSource} is a
 * {@link CustodianSource} whose {@link CustodianSource#getNoncustodialId()} names it; it is
 * indexed, held, released and searched like a custodian's sources.
 */
@Entity
@Table(name = "noncustodial_data_source")
public class NoncustodialDataSource {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

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

  @Column(name = "last_index_operation_id", length = 32)
  private String lastIndexOperationId;

  @Version private long version;

  protected NoncustodialDataSource() {}

  /** A new, active, unheld non-custodial data source; its dataSource is added beside it. */
  public static NoncustodialDataSource add(String caseId, String displayName, Instant now) {
    NoncustodialDataSource n = new NoncustodialDataSource();
    n.id = Ids.newGuid();
    n.caseId = caseId;
    n.displayName = displayName;
    n.status = DataSourceContainerStatus.active;
    n.holdStatus = DataSourceHoldStatus.notApplied;
    n.createdDateTime = now;
    n.lastModifiedDateTime = now;
    return n;
  }

  public boolean isReleased() {
    return status == DataSourceContainerStatus.released;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
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

  public String getLastIndexOperationId() {
    return lastIndexOperationId;
  }
}
