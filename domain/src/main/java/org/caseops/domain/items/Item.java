package org.caseops.domain.items;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * One item of a case's catalog: a message or a document found in a source. Its location inside the
 * source is the file's path relative to the source folder, followed by {@code #<byte offset>} for a
 * message inside an mbox file. The item's id is derived from its source and location, so the same
 * item is never catalogued twice.
 */
@Entity
@Table(
    name = "item",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_item_source_location",
            columnNames = {"source_id", "location"}),
    indexes = @Index(name = "ix_item_case", columnList = "case_id"))
public class Item {
  public static final int MAX_TEXT = 2000;

  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "source_id", nullable = false, length = 36)
  private String sourceId;

  @Column(nullable = false, length = 2048)
  private String location;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "content_type", length = 256)
  private String contentType;

  @Column(length = MAX_TEXT)
  private String subject;

  @Column(name = "sender", length = MAX_TEXT)
  private String from;

  @Column(name = "recipients_to", length = MAX_TEXT)
  private String to;

  @Column(name = "recipients_cc", length = MAX_TEXT)
  private String cc;

  @Column(name = "sent_at")
  private Instant sentDateTime;

  @Column(name = "message_id", length = 1000)
  private String messageId;

  @Column(name = "attachment_count", nullable = false)
  private int attachmentCount;

  @Column(nullable = false)
  private boolean indexed;

  @Column(name = "unindexed_reason", length = MAX_TEXT)
  private String unindexedReason;

  @Column(name = "last_operation_id", length = 32)
  private String lastOperationId;

  @Column(name = "indexed_at", nullable = false)
  private Instant indexedDateTime;

  protected Item() {}

  /** The id an item at this location of this source has, whenever it is catalogued. */
  public static String idFor(String sourceId, String location) {
    return Ids.stableHex32(sourceId, location);
  }

  public static Item catalogued(
      String caseId,
      String sourceId,
      String location,
      long size,
      String sha256,
      String operationId,
      Instant now) {
    Item item = new Item();
    item.id = idFor(sourceId, location);
    item.caseId = caseId;
    item.sourceId = sourceId;
    item.location = location;
    item.size = size;
    item.sha256 = sha256;
    item.lastOperationId = operationId;
    item.indexedDateTime = now;
    return item;
  }

  /**
   * This item at another location of the same source (a message whose mbox lost messages before
   * it), with the id that location has; everything else is kept.
   */
  public Item relocated(String newLocation) {
    Item moved = new Item();
    moved.id = idFor(sourceId, newLocation);
    moved.caseId = caseId;
    moved.sourceId = sourceId;
    moved.location = newLocation;
    moved.size = size;
    moved.sha256 = sha256;
    moved.contentType = contentType;
    moved.subject = subject;
    moved.from = from;
    moved.to = to;
    moved.cc = cc;
    moved.sentDateTime = sentDateTime;
    moved.messageId = messageId;
    moved.attachmentCount = attachmentCount;
    moved.indexed = indexed;
    moved.unindexedReason = unindexedReason;
    moved.lastOperationId = lastOperationId;
    moved.indexedDateTime = indexedDateTime;
    return moved;
  }

  /** Records the metadata extracted from a message. */
  public Item withMessage(
      String subject,
      String from,
      String to,
      String cc,
      Instant sent,
      String messageId,
      int attachments) {
    this.subject = clip(subject);
    this.from = clip(from);
    this.to = clip(to);
    this.cc = clip(cc);
    this.sentDateTime = sent;
    this.messageId =
        messageId == null || messageId.length() <= 1000 ? messageId : messageId.substring(0, 1000);
    this.attachmentCount = attachments;
    return this;
  }

  public Item withContentType(String contentType) {
    this.contentType =
        contentType == null || contentType.length() <= 256
            ? contentType
            : contentType.substring(0, 256);
    return this;
  }

  public Item withTitle(String title) {
    this.subject = clip(title);
    return this;
  }

  /** Marks the item as indexed: its text is in the case's full-text index. */
  public Item indexed() {
    this.indexed = true;
    this.unindexedReason = null;
    return this;
  }

  /** Marks the item as catalogued but not searchable by its text, and says why. */
  public Item unindexed(String reason) {
    this.indexed = false;
    this.unindexedReason = clip(reason == null ? "unknown reason" : reason);
    return this;
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getSourceId() {
    return sourceId;
  }

  public String getLocation() {
    return location;
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

  public String getMessageId() {
    return messageId;
  }

  public int getAttachmentCount() {
    return attachmentCount;
  }

  public boolean isIndexed() {
    return indexed;
  }

  public String getUnindexedReason() {
    return unindexedReason;
  }

  public String getLastOperationId() {
    return lastOperationId;
  }

  public Instant getIndexedDateTime() {
    return indexedDateTime;
  }
}
