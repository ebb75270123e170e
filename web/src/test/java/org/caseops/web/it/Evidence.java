package org.caseops.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes source content where the server under test reads it (the evidence root it was started
 * with), with counts the tests know without asking the server.
 */
final class Evidence {
  private final Path root;

  Evidence() {
    this.root = Path.of(System.getProperty("caseops.it.evidence.root", "target/it-evidence"));
  }

  Path mailbox(String email) {
    return dir(root.resolve("mailboxes").resolve(email));
  }

  Path site(String host, String path) {
    return dir(root.resolve("sites").resolve(host).resolve(path));
  }

  static String message(
      String from, String to, String subject, String date, String id, String body) {
    return "From: "
        + from
        + "\r\nTo: "
        + to
        + "\r\nSubject: "
        + subject
        + "\r\nDate: "
        + date
        + "\r\nMessage-ID: <"
        + id
        + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body
        + "\r\n";
  }

  static String messageWithAttachment(
      String from, String to, String subject, String id, String body, String attached) {
    String boundary = "=_caseops_boundary";
    return "From: "
        + from
        + "\r\nTo: "
        + to
        + "\r\nSubject: "
        + subject
        + "\r\nDate: Tue, 3 Mar 2026 09:15:00 +0000\r\nMessage-ID: <"
        + id
        + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\""
        + boundary
        + "\"\r\n\r\n--"
        + boundary
        + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body
        + "\r\n--"
        + boundary
        + "\r\nContent-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(attached.getBytes(StandardCharsets.UTF_8))
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir(Path p) {
    try {
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
