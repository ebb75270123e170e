package org.caseops.domain.reviewsets;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * Graph's {@code ediscoveryReviewSetQuery}: a saved KQL query over the files of one review set,
 * where {@code tag:} restrictions may name review tags as well. An empty query matches every file
 * of the review set.
 */
@Entity
@Table(name = "review_set_query")
public class ReviewSetQuery {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "review_set_id", nullable = false, length = 36)
  private String reviewSetId;

  @Column(name = "display_name", nullable = false, length = 256)
  private String displayName;

  @Column(name = "content_query", length = 8000)
  private String contentQuery;

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

  @Version private long version;

  protected ReviewSetQuery() {}

  public static ReviewSetQuery create(
      String caseId,
      String reviewSetId,
      String displayName,
      String contentQuery,
      IdentitySet by,
      Instant now) {
    ReviewSetQuery q = new ReviewSetQuery();
    q.id = Ids.newGuid();
    q.caseId = caseId;
    q.reviewSetId = reviewSetId;
    q.displayName = displayName;
    q.contentQuery = contentQuery == null ? "" : contentQuery;
    q.createdDateTime = now;
    q.createdBy = by;
    q.lastModifiedDateTime = now;
    q.lastModifiedBy = by;
    return q;
  }

  public void rename(String displayName) {
    this.displayName = displayName;
  }

  public void query(String contentQuery) {
    this.contentQuery = contentQuery == null ? "" : contentQuery;
  }

  public void modified(IdentitySet by, Instant now) {
    this.lastModifiedBy = by;
    this.lastModifiedDateTime = now;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getReviewSetId() {
    return reviewSetId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getContentQuery() {
    return contentQuery == null ? "" : contentQuery;
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
}
