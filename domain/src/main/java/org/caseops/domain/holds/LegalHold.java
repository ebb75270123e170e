package org.caseops.domain.holds;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * Graph's {@code ediscoveryHoldPolicy} (a case's {@code legalHolds}): a hold on the sources it
 * names ({@code userSources} and {@code siteSources}, each one of the case's indexed sources),
 * covering every item of them when its {@code contentQuery} is empty, or only the items the query
 * matches. While it is enabled its holdPolicySync preserves what it covers; disabling or deleting
 * it frees what nothing else needs. A deleted hold stays stored, hidden, until its last
 * holdPolicySync has dropped its records.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {
  public static final int MAX_QUERY = 8000;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "display_name", nullable = false, length = 256)
  private String displayName;

  @Column(length = 4000)
  private String description;

  @Column(name = "content_query", length = MAX_QUERY)
  private String contentQuery;

  @Column(name = "is_enabled", nullable = false)
  private boolean enabled;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private PolicyStatus status;

  /** The errors, one per line. */
  @Column(length = 8000)
  private String errors;

  @Column(nullable = false)
  private boolean deleted;

  @Column(name = "created_at", nullable = false)
  private Instant createdDateTime;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "created_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "created_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "created_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "created_by_app_name"))
  })
  private IdentitySet createdBy;

  @Column(name = "last_modified_at", nullable = false)
  private Instant lastModifiedDateTime;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "userId", column = @Column(name = "modified_by_user_id")),
    @AttributeOverride(name = "userName", column = @Column(name = "modified_by_user_name")),
    @AttributeOverride(name = "applicationId", column = @Column(name = "modified_by_app_id")),
    @AttributeOverride(name = "applicationName", column = @Column(name = "modified_by_app_name"))
  })
  private IdentitySet lastModifiedBy;

  @Column(name = "last_sync_operation_id", length = 32)
  private String lastSyncOperationId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "legal_hold_source", joinColumns = @JoinColumn(name = "legal_hold_id"))
  @Column(name = "source_id", length = 36)
  private Set<String> sourceIds = new LinkedHashSet<>();

  @Version private long version;

  protected LegalHold() {}

  public static LegalHold create(
      String caseId,
      String displayName,
      String description,
      String contentQuery,
      boolean enabled,
      IdentitySet by,
      Instant now) {
    LegalHold h = new LegalHold();
    h.id = Ids.newGuid();
    h.caseId = caseId;
    h.displayName = displayName;
    h.description = description;
    h.contentQuery = contentQuery;
    h.enabled = enabled;
    h.status = PolicyStatus.pending;
    h.createdDateTime = now;
    h.createdBy = by;
    h.lastModifiedDateTime = now;
    h.lastModifiedBy = by;
    return h;
  }

  /** Whether the hold covers every item of its sources (its contentQuery is empty). */
  public boolean coversWholeSources() {
    return contentQuery == null || contentQuery.isBlank();
  }

  /** Whether the hold is in force: enabled and not deleted. */
  public boolean inForce() {
    return enabled && !deleted;
  }

  public void rename(String displayName) {
    this.displayName = displayName;
  }

  public void describe(String description) {
    this.description = description;
  }

  public void query(String contentQuery) {
    this.contentQuery = contentQuery;
  }

  public void enable(boolean enabled) {
    this.enabled = enabled;
  }

  public void addSources(Collection<String> ids) {
    sourceIds.addAll(ids);
  }

  public void removeSource(String sourceId) {
    sourceIds.remove(sourceId);
  }

  /** Marks the hold deleted: hidden from now on, its records dropped by its last sync. */
  public void delete() {
    this.deleted = true;
  }

  /** Notes a change: who and when, and the status {@code pending} until its sync has run. */
  public void modified(IdentitySet by, Instant at) {
    this.lastModifiedBy = by;
    this.lastModifiedDateTime = at;
    this.status = PolicyStatus.pending;
  }

  /** Links the holdPolicySync operation that carries the latest change out. */
  public void syncedBy(String operationId) {
    this.lastSyncOperationId = operationId;
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

  public String getDescription() {
    return description;
  }

  public String getContentQuery() {
    return contentQuery;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public PolicyStatus getStatus() {
    return status;
  }

  public List<String> getErrors() {
    return errors == null || errors.isEmpty() ? List.of() : Arrays.asList(errors.split("\n"));
  }

  public boolean isDeleted() {
    return deleted;
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public IdentitySet getCreatedBy() {
    return createdBy;
  }

  public Instant getLastModifiedDateTime() {
    return lastModifiedDateTime;
  }

  public IdentitySet getLastModifiedBy() {
    return lastModifiedBy;
  }

  public String getLastSyncOperationId() {
    return lastSyncOperationId;
  }

  public Set<String> getSourceIds() {
    return Set.copyOf(sourceIds);
  }
}
