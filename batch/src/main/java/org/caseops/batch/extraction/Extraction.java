package org.caseops.batch.extraction;

import java.time.Instant;

/**
 * What was extracted from one item: its text and metadata when it could be indexed, or the reason
 * it could not. Mail fields are filled for messages; {@code title} for documents that declare one.
 */
public record Extraction(
    boolean indexed,
    String unindexedReason,
    String contentType,
    String text,
    boolean textTruncated,
    String title,
    String subject,
    String from,
    String to,
    String cc,
    String bcc,
    Instant sent,
    String messageId,
    int attachmentCount) {

  /** An item that cannot be indexed, and why (see {@link UnindexedReasons}). */
  public static Extraction unindexed(String reason, String contentType) {
    return new Extraction(
        false, reason, contentType, null, false, null, null, null, null, null, null, null, null, 0);
  }
}
