package org.caseops.domain.reviewsets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.caseops.domain.items.Item;
import org.caseops.domain.support.Ids;

/**
 * One file of a review set: the case's own copy of a catalogued item. Its content is kept in the
 * case's content store under its SHA-256 (stored once however many review sets hold it), and its
 * metadata is copied here when it is added, so that later changes to, or purges of, the source do
 * not change what counsel reviews. An item is in a review set at most once: the file's id is
 * derived from the review set and the item.
 */
@Entity
@Table(
    name = "review_set_item",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_review_set_item",
            columnNames = {"review_set_id", "item_id"}),
    indexes = @Index(name = "ix_review_set_item_order", columnList = "review_set_id,added_at,id"))
public class ReviewSetItem {
  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "review_set_id", nullable = false, length = 36)
  private String reviewSetId;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  /** The catalogued item this is a copy of. */
  @Column(name = "item_id", nullable = false, length = 32)
  private String itemId;

  @Column(name = "source_id", nullable = false, length = 36)
  private String sourceId;

  /** {@code email} or {@code docs}. */
  @Column(nullable = false, length = 8)
  private String kind;

  /** The file name: the document's name, or the message's subject. */
  @Column(length = Item.MAX_TEXT)
  private String name;

  @Column(length = Item.MAX_TEXT)
  private String subject;

  @Column(name = "sender", length = Item.MAX_TEXT)
  private String from;

  @Column(name = "recipients_to", length = Item.MAX_TEXT)
  private String to;

  /**
   * The message's Cc, copied from the catalog entry when the file was added (a load-file column).
   */
  @Column(name = "recipients_cc", length = Item.MAX_TEXT)
  private String cc;

  @Column(name = "sent_at")
  private Instant sentDateTime;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "content_type", length = 256)
  private String contentType;

  @Column(nullable = false, length = 2048)
  private String location;

  @Column(name = "added_at", nullable = false)
  private Instant addedDateTime;

  @Column(name = "added_by_operation_id", length = 32)
  private String addedByOperationId;

  protected ReviewSetItem() {}

  /** The id of the review set's copy of an item. */
  public static String idFor(String reviewSetId, String itemId) {
    return Ids.stableHex32(reviewSetId, itemId);
  }

  /**
   * The review set's copy of a catalogued item, whose content is stored under the item's SHA-256.
   */
  public static ReviewSetItem copyOf(
      String reviewSetId, Item item, String kind, String name, String operationId, Instant now) {
    ReviewSetItem r = new ReviewSetItem();
    r.id = idFor(reviewSetId, item.getId());
    r.reviewSetId = reviewSetId;
    r.caseId = item.getCaseId();
    r.itemId = item.getId();
    r.sourceId = item.getSourceId();
    r.kind = kind;
    r.name = name;
    r.subject = item.getSubject();
    r.from = item.getFrom();
    r.to = item.getTo();
    r.cc = item.getCc();
    r.sentDateTime = item.getSentDateTime();
    r.size = item.getSize();
    r.sha256 = item.getSha256();
    r.contentType = item.getContentType();
    r.location = item.getLocation();
    r.addedDateTime = now;
    r.addedByOperationId = operationId;
    return r;
  }

  /** A file as it is stored, read without the JPA provider (a production's read). */
  public static ReviewSetItem stored(
      String id,
      String reviewSetId,
      String caseId,
      String itemId,
      String sourceId,
      String kind,
      String name,
      String subject,
      String from,
      String to,
      String cc,
      Instant sentDateTime,
      long size,
      String sha256,
      String contentType,
      String location,
      Instant addedDateTime,
      String addedByOperationId) {
    ReviewSetItem r = new ReviewSetItem();
    r.id = id;
    r.reviewSetId = reviewSetId;
    r.caseId = caseId;
    r.itemId = itemId;
    r.sourceId = sourceId;
    r.kind = kind;
    r.name = name;
    r.subject = subject;
    r.from = from;
    r.to = to;
    r.cc = cc;
    r.sentDateTime = sentDateTime;
    r.size = size;
    r.sha256 = sha256;
    r.contentType = contentType;
    r.location = location;
    r.addedDateTime = addedDateTime;
    r.addedByOperationId = addedByOperationId;
    return r;
  }

  public String getId() {
    return id;
  }

  public String getReviewSetId() {
    return reviewSetId;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getItemId() {
    return itemId;
  }

  public String getSourceId() {
    return sourceId;
  }

  public String getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getSubject() {
    return subject;
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public String getCc() {
    return cc;
  }

  public Instant getSentDateTime() {
    return sentDateTime;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public String getContentType() {
    return contentType;
  }

  public String getLocation() {
    return location;
  }

  public Instant getAddedDateTime() {
    return addedDateTime;
  }

  public String getAddedByOperationId() {
    return addedByOperationId;
  }
}
