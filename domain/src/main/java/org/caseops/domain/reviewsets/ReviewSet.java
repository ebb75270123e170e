package org.caseops.domain.reviewsets;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * Graph's {@code ediscoveryReviewSet}: a named set of copies of a case's items for counsel to
 * review. Its display name is unique in the case (ignoring case) and at most {@value #MAX_NAME}
 * characters long.
 */
@Entity
@Table(name = "review_set")
public class ReviewSet {
  public static final int MAX_NAME = 64;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "display_name", nullable = false, length = MAX_NAME)
  private String displayName;

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

  protected ReviewSet() {}

  public static ReviewSet create(String caseId, String displayName, IdentitySet by, Instant now) {
    ReviewSet r = new ReviewSet();
    r.id = Ids.newGuid();
    r.caseId = caseId;
    r.displayName = displayName;
    r.createdBy = by;
    r.createdDateTime = now;
    return r;
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

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }

  public IdentitySet getCreatedBy() {
    return createdBy;
  }
}
