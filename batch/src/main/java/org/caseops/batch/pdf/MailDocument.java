package org.caseops.batch.pdf;

import java.time.Instant;
import java.util.List;

/**
 * A message as its rendition shows it: the header block, the body text, and its attachments, each
 * with the text extracted from it (or why there is none).
 */
public record MailDocument(
    String subject,
    String from,
    String to,
    String cc,
    String bcc,
    Instant sent,
    String body,
    List<Attachment> attachments) {

  public MailDocument {
    attachments = List.copyOf(attachments);
  }

  /** One attachment: its file name, its media type, and its text (or a note when it has none). */
  public record Attachment(String name, String contentType, String text) {}
}
