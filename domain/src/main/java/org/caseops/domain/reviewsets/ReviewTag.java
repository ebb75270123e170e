package org.caseops.domain.reviewsets;

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
import java.time.Instant;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.Ids;

/**
 * Graph's {@code ediscoveryReviewTag}: a label reviewers put on review-set files. Tags form a tree
 * within a case (a tag may have a parent); the parent's {@link ChildSelectability} says whether a
 * file may carry one or many of its children. Display names are unique in the case, ignoring case,
 * so that {@code tag:"name"} in a query names one tag.
 */
@Entity
@Table(name = "review_tag")
public class ReviewTag {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "display_name", nullable = false, length = 256)
  private String displayName;

  @Column(length = 4000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "child_selectability", nullable = false, length = 8)
  private ChildSelectability childSelectability;

  @Column(name = "parent_id", length = 36)
  private String parentId;

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

  @Version private long version;

  protected ReviewTag() {}

  public static ReviewTag create(
      String caseId,
      String displayName,
      String description,
      ChildSelectability childSelectability,
      String parentId,
      IdentitySet by,
      Instant now) {
    ReviewTag t = new ReviewTag();
    t.id = Ids.newGuid();
    t.caseId = caseId;
    t.displayName = displayName;
    t.description = description;
    t.childSelectability =
        childSelectability == null ? ChildSelectability.Many : childSelectability;
    t.parentId = parentId;
    t.createdDateTime = now;
    t.createdBy = by;
    t.lastModifiedDateTime = now;
    return t;
  }

  public void rename(String displayName) {
    this.displayName = displayName;
  }

  public void describe(String description) {
    this.description = description;
  }

  public void childSelectability(ChildSelectability childSelectability) {
    this.childSelectability = childSelectability;
  }

  public void modified(Instant now) {
    this.lastModifiedDateTime = now;
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

  public ChildSelectability getChildSelectability() {
    return childSelectability;
  }

  /** The parent tag's id; {@code null} for a top-level tag. */
  public String getParentId() {
    return parentId;
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
}
