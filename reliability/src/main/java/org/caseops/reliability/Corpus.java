package org.caseops.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A mail corpus laid out as caseops reads evidence ({@code mailboxes/<email>/}): each mailbox gets
 * its messages as single {@code .eml} files under {@code Inbox/} and as mboxrd archives under
 * {@code Archive/}. Every message carries the word {@code crashcorpus} and a token of its own,
 * {@code msgNNNNNN}, in its subject and body; every fourth also the word {@code purgeme}. The same
 * seed gives the same bytes.
 */
final class Corpus {
  static final String ALL_WORD = "crashcorpus";
  static final String PURGE_WORD = "purgeme";
  static final String DOMAIN = "crash.example";

  private static final String[] WORDS = {
    "budget",
    "meeting",
    "contract",
    "review",
    "forecast",
    "shipment",
    "invoice",
    "quarter",
    "risk",
    "supplier",
    "agenda",
    "memo",
    "draft",
    "schedule",
    "pricing",
    "audit",
    "vendor",
    "claim",
    "policy",
    "report",
    "summary",
    "approval",
    "delivery",
    "warehouse",
    "estimate",
    "proposal",
    "partner",
    "renewal",
    "deadline",
    "travel",
    "expense",
    "hiring",
    "offsite",
    "roadmap",
    "launch"
  };

  /** One message written. */
  record Message(String mailbox, int number, boolean purge, Path file, boolean inMbox) {
    String token() {
      return "msg" + String.format(Locale.ROOT, "%06d", number);
    }

    String subject() {
      return "Crash message " + token();
    }
  }

  private final List<String> mailboxes = new ArrayList<>();
  private final List<Message> messages = new ArrayList<>();

  List<String> mailboxes() {
    return mailboxes;
  }

  List<Message> messages() {
    return messages;
  }

  long count(String mailbox) {
    return messages.stream().filter(m -> m.mailbox().equals(mailbox)).count();
  }

  long purgeCount(String mailbox) {
    return messages.stream().filter(m -> m.mailbox().equals(mailbox) && m.purge()).count();
  }

  /**
   * Writes {@code perMailbox} messages into each of {@code mailboxCount} mailboxes under {@code
   * evidence}; {@code mboxShare} of them go into mbox files of at most 500 messages.
   */
  static Corpus write(
      Path evidence, int mailboxCount, int perMailbox, double mboxShare, long seed, int bodyLines)
      throws IOException {
    return write(evidence, mailboxCount, perMailbox, mboxShare, seed, bodyLines, perMailbox);
  }

  /** As above, with {@code laterMailboxes} messages in each mailbox after the first. */
  static Corpus write(
      Path evidence,
      int mailboxCount,
      int perMailbox,
      double mboxShare,
      long seed,
      int bodyLines,
      int laterMailboxes)
      throws IOException {
    Corpus c = new Corpus();
    SplittableRandom random = new SplittableRandom(seed);
    int number = 0;
    ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    for (int b = 0; b < mailboxCount; b++) {
      String email = "custodian" + (b + 1) + "@" + DOMAIN;
      c.mailboxes.add(email);
      Path root = evidence.resolve("mailboxes").resolve(email);
      int count = b == 0 ? perMailbox : laterMailboxes;
      int inMbox = (int) Math.round(count * mboxShare);
      int emls = count - inMbox;
      for (int i = 0; i < emls; i++) {
        number++;
        ZonedDateTime sent = start.plusMinutes(37L * number);
        Path dir =
            root.resolve("Inbox").resolve(sent.format(DateTimeFormatter.ofPattern("yyyy-MM")));
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format(Locale.ROOT, "msg%06d.eml", number));
        Message m = new Message(email, number, number % 4 == 0, file, false);
        Files.writeString(file, message(m, sent, random, bodyLines), StandardCharsets.UTF_8);
        c.messages.add(m);
      }
      int archive = 0;
      int left = inMbox;
      while (left > 0) {
        int here = Math.min(500, left);
        left -= here;
        archive++;
        Path dir = root.resolve("Archive");
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format(Locale.ROOT, "archive%03d.mbox", archive));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          for (int i = 0; i < here; i++) {
            number++;
            ZonedDateTime sent = start.plusMinutes(37L * number);
            Message m = new Message(email, number, number % 4 == 0, file, true);
            w.write(
                "From sender"
                    + number
                    + "@"
                    + DOMAIN
                    + " "
                    + sent.format(
                        DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT))
                    + "\n");
            w.write(message(m, sent, random, bodyLines));
            w.write("\n");
            c.messages.add(m);
          }
        }
      }
    }
    return c;
  }

  private static String message(Message m, ZonedDateTime sent, SplittableRandom r, int lines) {
    StringBuilder s = new StringBuilder(256 + lines * 80);
    s.append("From: Sender ").append(m.number()).append(" <sender").append(m.number());
    s.append('@').append(DOMAIN).append(">\n");
    s.append("To: ").append(m.mailbox()).append('\n');
    s.append("Subject: ").append(m.subject()).append('\n');
    s.append("Date: ").append(sent.format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
    s.append("Message-ID: <").append(m.token()).append('@').append(DOMAIN).append(">\n");
    s.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n");
    s.append("Hello, this is ").append(ALL_WORD).append(' ').append(m.token());
    if (m.purge()) {
      s.append(' ').append(PURGE_WORD);
    }
    s.append(".\n");
    for (int i = 0; i < lines; i++) {
      for (int w = 0; w < 12; w++) {
        s.append(WORDS[r.nextInt(WORDS.length)]).append(w == 11 ? ".\n" : " ");
      }
    }
    return s.toString();
  }

  /** The SHA-256 of every file under a folder, by path. */
  static Map<Path, String> hashes(Path root) throws IOException {
    Map<Path, String> out = new LinkedHashMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        out.put(p, sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The messages of an mbox, each from its {@code From } line to the next (a {@code From } line
   * after an empty line or at the start starts a message).
   */
  static List<String> mboxMessages(String mbox) {
    List<String> out = new ArrayList<>();
    int start = -1;
    int pos = 0;
    while (pos <= mbox.length()) {
      boolean lineStart = pos == 0 || (pos < mbox.length() && mbox.charAt(pos - 1) == '\n');
      if (lineStart
          && mbox.startsWith("From ", pos)
          && (pos == 0 || (pos >= 2 && mbox.charAt(pos - 2) == '\n'))) {
        if (start >= 0) {
          out.add(mbox.substring(start, pos));
        }
        start = pos;
      }
      int nl = mbox.indexOf('\n', pos);
      if (nl < 0) {
        break;
      }
      pos = nl + 1;
    }
    if (start >= 0) {
      out.add(mbox.substring(start));
    }
    return out;
  }
}
