package org.caseops.batch.evidence;

import org.caseops.domain.custodians.CustodianSource;

/**
 * One item read from a source: a file, or a message of an mbox file. It carries its bytes when they
 * were read into memory (not when the item is larger than the limit, nor once it is known to be
 * unchanged), its size and SHA-256, where the reading stands after it, and how many evidence bytes
 * have been read up to it. An item with a {@code problem} could not be read at all.
 */
public final class EvidenceItem {
  private final CustodianSource source;
  private final String location;
  private final String fileName;
  private final String fileType;
  private final boolean email;
  private final boolean rfc822;
  private final long size;
  private final String sha256;
  private byte[] content;
  private final boolean tooLarge;
  private final String problem;
  private final EvidencePosition after;
  private final long bytesReadAfter;
  private boolean unchanged;
  private String previousSha256;
  private String itemId;

  EvidenceItem(
      CustodianSource source,
      String location,
      String fileName,
      String fileType,
      boolean email,
      boolean rfc822,
      long size,
      String sha256,
      byte[] content,
      boolean tooLarge,
      String problem,
      EvidencePosition after,
      long bytesReadAfter) {
    this.source = source;
    this.location = location;
    this.fileName = fileName;
    this.fileType = fileType;
    this.email = email;
    this.rfc822 = rfc822;
    this.size = size;
    this.sha256 = sha256;
    this.content = content;
    this.tooLarge = tooLarge;
    this.problem = problem;
    this.after = after;
    this.bytesReadAfter = bytesReadAfter;
  }

  public CustodianSource source() {
    return source;
  }

  /**
   * The location in the source: the relative path, plus {@code #<offset>} for a message of an mbox
   * file.
   */
  public String location() {
    return location;
  }

  public String fileName() {
    return fileName;
  }

  /** The lower-case extension of the file ({@code eml} for a message of an mbox file). */
  public String fileType() {
    return fileType;
  }

  /** Whether the item is a message of a mailbox (as opposed to a document). */
  public boolean email() {
    return email;
  }

  /** Whether the bytes are an RFC 822 message. */
  public boolean rfc822() {
    return rfc822;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  /** The item's bytes; {@code null} if it is too large, unchanged, or could not be read. */
  public byte[] content() {
    return content;
  }

  public boolean tooLarge() {
    return tooLarge;
  }

  public String problem() {
    return problem;
  }

  public EvidencePosition after() {
    return after;
  }

  public long bytesReadAfter() {
    return bytesReadAfter;
  }

  public boolean unchanged() {
    return unchanged;
  }

  /** Marks the item as already catalogued with the same SHA-256, and lets its bytes go. */
  /**
   * The SHA-256 the catalog had for this item before it changed at its source; null for a new or
   * unchanged item.
   */
  public String previousSha256() {
    return previousSha256;
  }

  /**
   * The catalog id of the item: the id of the item catalogued at its location, or the id a new item
   * there gets ({@link org.caseops.domain.items.Item#idFor}, or an alternate one when an item that
   * moved there from elsewhere has it); null until the reader has looked it up.
   */
  public String itemId() {
    return itemId;
  }

  public void identify(String itemId) {
    this.itemId = itemId;
  }

  /** Records that the catalog holds this item with other bytes, those of this SHA-256. */
  public void markChanged(String previousSha256) {
    this.previousSha256 = previousSha256;
  }

  public void markUnchanged() {
    unchanged = true;
    content = null;
  }

  /** Lets the bytes go once whoever needs them holds them. */
  public void releaseContent() {
    content = null;
  }

  /** Bytes held in memory for this item. */
  public long heldBytes() {
    return content == null ? 0 : content.length;
  }
}
