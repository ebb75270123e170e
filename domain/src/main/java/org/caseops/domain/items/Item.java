package org.caseops.domain.items;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 *
 * <p>An item is {@link ItemState#current current} while its source holds it as catalogued, and
 * {@link ItemState#preservedOnly preservedOnly} once a hold has preserved it and the source no
 * longer holds it so: deleted there, or changed, when this is the earlier version. An earlier
 * version kept after its item changed is an item of its own, at the same location, with its own id
 * ({@link #versionIdFor}) and {@link #getVersionSha256()} set to its SHA-256; the item that follows
 * the source has an empty one.
 */
@Entity
@Table(
    name = "item",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uq_item_source_location_version",
            columnNames = {"source_id", "location", "version_sha256"}),
    indexes = @Index(name = "ix_item_case", columnList = "case_id,source_id,indexed"))
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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ItemState state = ItemState.current;

  @Column(name = "version_sha256", nullable = false, length = 64)
  private String versionSha256 = "";

  @Column(name = "seen_operation_id", length = 32)
  private String seenOperationId;

  protected Item() {}

  /**
   * The id an item first catalogued at this location of this source gets, unless another item has
   * it already ({@link #alternateIdFor}). An item keeps its id for good: a message that moves
   * inside its mbox (when a purge removes messages before it, or a restore puts one back) keeps it
   * at its new location, so review-set files, hold records and index documents keep naming it.
   */
  public static String idFor(String sourceId, String location) {
    return Ids.stableHex32(sourceId, location);
  }

  /**
   * The id an item first catalogued at this location gets when {@link #idFor} is taken already by
   * an item that moved there from elsewhere; {@code attempt} 1, 2, ... until one is free.
   */
  public static String alternateIdFor(String sourceId, String location, int attempt) {
    return Ids.stableHex32(sourceId, location, "#" + attempt);
  }

  /**
   * The id of the earlier version, with this SHA-256, of the item at this location of this source,
   * kept as an item of its own once the item changed at its source.
   */
  public static String versionIdFor(String sourceId, String location, String sha256) {
    return Ids.stableHex32(sourceId, location, sha256);
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
    item.seenOperationId = operationId;
    item.indexedDateTime = now;
    return item;
  }

  /**
   * This item's version kept as an item of its own, {@code preservedOnly}, once the item changed at
   * its source: the same source, location, metadata and SHA-256, under its {@link #versionIdFor
   * version id}.
   */
  public Item keptVersion() {
    Item v = new Item();
    v.id = versionIdFor(sourceId, location, sha256);
    v.caseId = caseId;
    v.sourceId = sourceId;
    v.location = location;
    v.size = size;
    v.sha256 = sha256;
    v.contentType = contentType;
    v.subject = subject;
    v.from = from;
    v.to = to;
    v.cc = cc;
    v.sentDateTime = sentDateTime;
    v.messageId = messageId;
    v.attachmentCount = attachmentCount;
    v.indexed = indexed;
    v.unindexedReason = unindexedReason;
    v.lastOperationId = lastOperationId;
    v.seenOperationId = seenOperationId;
    v.indexedDateTime = indexedDateTime;
    v.state = ItemState.preservedOnly;
    v.versionSha256 = sha256;
    return v;
  }

  /**
   * The same item catalogued under another id: the id its location's earlier item, or an item that
   * moved there, does not already have (see {@link #idFor}).
   */
  public Item identifiedAs(String itemId) {
    this.id = itemId;
    return this;
  }

  /**
   * This item at another location of the same source (a message whose mbox lost messages before it,
   * or gained one): its id and everything else are kept.
   */
  public Item relocated(String newLocation) {
    Item moved = copy();
    moved.location = newLocation;
    return moved;
  }

  /** Moves this item to another location of its source, keeping its id (see {@link #idFor}). */
  public void movedTo(String newLocation) {
    this.location = newLocation;
  }

  private Item copy() {
    String newLocation = location;
    Item moved = new Item();
    moved.id = id;
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
    moved.seenOperationId = seenOperationId;
    moved.indexedDateTime = indexedDateTime;
    moved.state = state;
    moved.versionSha256 = versionSha256;
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

  public ItemState getState() {
    return state;
  }

  /** Empty for the item that follows its source; the SHA-256 of a kept earlier version. */
  public String getVersionSha256() {
    return versionSha256;
  }

  /** Whether this is an earlier version kept after the item changed at its source. */
  public boolean isEarlierVersion() {
    return !versionSha256.isEmpty();
  }

  /** The last index operation that found the item at its source, changed or not. */
  public String getSeenOperationId() {
    return seenOperationId;
  }
}
