package org.caseops.domain.cases;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.Ids;

/**
 * An eDiscovery case: the container of custodians, their sources, the items indexed from them and
 * the operations run on them. A case is created {@code active}; the server owns its id, status,
 * timestamps and who made each change. Closing it ({@code closing}, then {@code closed}) releases
 * its holds; a closed case stays readable and takes no change until it is reopened.
 */
@Entity
@Table(name = "ediscovery_case")
public class EdiscoveryCase {
  public static final int MAX_DISPLAY_NAME = 256;
  public static final int MAX_DESCRIPTION = 4000;

  @Id
  @Column(length = 36)
  private String id;

  @NotBlank
  @Size(max = MAX_DISPLAY_NAME)
  @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
  private String displayName;

  @Size(max = MAX_DESCRIPTION)
  @Column(length = MAX_DESCRIPTION)
  private String description;

  @Size(max = 256)
  @Column(name = "external_id", length = 256)
  private String externalId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private CaseStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdDateTime;

  @Column(name = "last_modified_at", nullable = false)
  private Instant lastModifiedDateTime;

  @Column(name = "closed_at")
  private Instant closedDateTime;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "created_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "created_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "created_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "created_by_app_name"))
  })
  private IdentitySet createdBy;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "modified_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "modified_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "modified_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "modified_by_app_name"))
  })
  private IdentitySet lastModifiedBy;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "closed_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "closed_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "closed_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "closed_by_app_name"))
  })
  private IdentitySet closedBy;

  @Version private long version;

  protected EdiscoveryCase() {}

  /** Opens a new, active case. */
  public static EdiscoveryCase open(
      String displayName, String description, String externalId, IdentitySet by, Instant now) {
    EdiscoveryCase c = new EdiscoveryCase();
    c.id = Ids.newGuid();
    c.displayName = Objects.requireNonNull(displayName, "displayName");
    c.description = description;
    c.externalId = externalId;
    c.status = CaseStatus.active;
    c.createdDateTime = now;
    c.lastModifiedDateTime = now;
    c.createdBy = by;
    c.lastModifiedBy = by;
    return c;
  }

  /** Records a change by someone, at a time. */
  public void touched(IdentitySet by, Instant now) {
    this.lastModifiedBy = by;
    this.lastModifiedDateTime = now;
  }

  public void rename(String displayName) {
    this.displayName = Objects.requireNonNull(displayName, "displayName");
  }

  public void describe(String description) {
    this.description = description;
  }

  public void setExternalId(String externalId) {
    this.externalId = externalId;
  }

  public boolean isClosed() {
    return status == CaseStatus.closed || status == CaseStatus.closing;
  }

  /**
   * Whether the case takes changes and new operations: not while it is closing or closed (a closed
   * case stays readable; reopening it makes it active again).
   */
  public boolean takesChanges() {
    return status != CaseStatus.closing
        && status != CaseStatus.closed
        && status != CaseStatus.closedWithError;
  }

  /**
   * Refuses a change or a new operation while the case is closing or closed, naming its status and
   * what would allow it.
   *
   * @throws ConflictException 409 when the case does not take changes
   */
  public void requireChangeable() {
    if (status == CaseStatus.closing) {
      throw new ConflictException(
          "The case '"
              + id
              + "' is closing (its holds are being released): it can be read but not changed,"
              + " and no operation can start in it. Once it is closed, POST .../reopen makes it"
              + " active again.");
    }
    if (status == CaseStatus.closed || status == CaseStatus.closedWithError) {
      throw new ConflictException(
          "The case '"
              + id
              + "' is "
              + status.name()
              + ": it can be read but not changed, and no operation can start in it; reopen it"
              + " (POST .../ediscoveryCases/"
              + id
              + "/reopen) to change it.");
    }
  }

  /**
   * Starts closing the case: {@code closing}, with who closes it; the case is {@code closed} once
   * its holds are released ({@link #finishClosing}).
   *
   * @throws ConflictException when the case is closing or closed already
   */
  public void beginClosing(IdentitySet by, Instant now) {
    if (status == CaseStatus.closing || status == CaseStatus.closed) {
      throw new ConflictException(
          "The case '"
              + id
              + "' is "
              + status.name()
              + " already; only an active case is closed (reopen a closed case first).");
    }
    this.status = CaseStatus.closing;
    this.closedBy = by;
    this.closedDateTime = null;
    touched(by, now);
  }

  /** Puts back the status (and who closed it) a closing that could not start had changed. */
  public void restoreStatus(CaseStatus status, IdentitySet closedBy) {
    this.status = status;
    this.closedBy = closedBy;
  }

  /**
   * Ends the closing: {@code closed} at that time, or {@code closedWithError} when a hold could not
   * be released.
   */
  public void finishClosing(boolean withError, Instant now) {
    this.status = withError ? CaseStatus.closedWithError : CaseStatus.closed;
    this.closedDateTime = now;
  }

  /**
   * Makes a closed case active again; its holds are not applied again, and it no longer says who
   * closed it.
   *
   * @throws ConflictException unless the case is closed (or closed with an error)
   */
  public void reopen(IdentitySet by, Instant now) {
    if (status != CaseStatus.closed && status != CaseStatus.closedWithError) {
      throw new ConflictException(
          "The case '"
              + id
              + "' is "
              + status.name()
              + (status == CaseStatus.closing
                  ? ": it can be reopened once it is closed (its holds are being released)."
                  : ": only a closed case can be reopened."));
    }
    this.status = CaseStatus.active;
    this.closedBy = null;
    this.closedDateTime = null;
    touched(by, now);
  }

  public String getId() {
    return id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getDescription() {
    return description;
  }

  public String getExternalId() {
    return externalId;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public Instant getLastModifiedDateTime() {
    return lastModifiedDateTime;
  }

  public Instant getClosedDateTime() {
    return closedDateTime;
  }

  public IdentitySet getCreatedBy() {
    return createdBy;
  }

  public IdentitySet getLastModifiedBy() {
    return lastModifiedBy;
  }

  public IdentitySet getClosedBy() {
    return closedBy;
  }

  public long getVersion() {
    return version;
  }
}
