package org.caseops.batch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Evidence files written by the tests: RFC 822 messages, mbox files, PDF documents. */
public final class Evidence {
  private Evidence() {}

  /** A plain-text message. */
  public static String message(
      String from, String to, String cc, String subject, String date, String id, String body) {
    return "From: "
        + from
        + "\r\nTo: "
        + to
        + (cc == null ? "" : "\r\nCc: " + cc)
        + "\r\nSubject: "
        + subject
        + "\r\nDate: "
        + date
        + "\r\nMessage-ID: "
        + id
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body.replace("\n", "\r\n")
        + "\r\n";
  }

  /** A message with a text body and one base64-encoded attachment. */
  public static String messageWithAttachment(
      String from,
      String to,
      String subject,
      String date,
      String id,
      String body,
      String attachmentName,
      String attachmentType,
      byte[] attachment) {
    String boundary = "=_boundary_42";
    String encoded =
        Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(attachment);
    return "From: "
        + from
        + "\r\nTo: "
        + to
        + "\r\nSubject: "
        + subject
        + "\r\nDate: "
        + date
        + "\r\nMessage-ID: "
        + id
        + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\""
        + boundary
        + "\"\r\n\r\n--"
        + boundary
        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body
        + "\r\n--"
        + boundary
        + "\r\nContent-Type: "
        + attachmentType
        + "; name=\""
        + attachmentName
        + "\"\r\nContent-Disposition: attachment; filename=\""
        + attachmentName
        + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + encoded
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  /** A one-page PDF showing the text, optionally protected by a user password. */
  public static byte[] pdf(String text, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(
                "owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  public static Path write(Path file, String content) throws IOException {
    return write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  public static Path write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
