package org.caseops.domain.reviewsets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A review tag on a review-set file. */
@Entity
@IdClass(ReviewSetItemTag.Key.class)
@Table(
    name = "review_set_item_tag",
    indexes = @Index(name = "ix_item_tag_tag", columnList = "tag_id"))
public class ReviewSetItemTag {
  @Id
  @Column(name = "review_set_item_id", length = 32)
  private String reviewSetItemId;

  @Id
  @Column(name = "tag_id", length = 36)
  private String tagId;

  @Column(name = "review_set_id", nullable = false, length = 36)
  private String reviewSetId;

  protected ReviewSetItemTag() {}

  public ReviewSetItemTag(String reviewSetId, String reviewSetItemId, String tagId) {
    this.reviewSetId = reviewSetId;
    this.reviewSetItemId = reviewSetItemId;
    this.tagId = tagId;
  }

  public String getReviewSetItemId() {
    return reviewSetItemId;
  }

  public String getTagId() {
    return tagId;
  }

  public String getReviewSetId() {
    return reviewSetId;
  }

  /** The primary key: the file and the tag. */
  public static class Key implements Serializable {
    private String reviewSetItemId;
    private String tagId;

    public Key() {}

    public Key(String reviewSetItemId, String tagId) {
      this.reviewSetItemId = reviewSetItemId;
      this.tagId = tagId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(reviewSetItemId, k.reviewSetItemId)
          && Objects.equals(tagId, k.tagId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(reviewSetItemId, tagId);
    }
  }
}
