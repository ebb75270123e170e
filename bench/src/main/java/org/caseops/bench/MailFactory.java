package org.caseops.bench;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes one RFC 822 message at a time, as a mail client would: headers with encoded words where
 * needed, a plain text body, an HTML alternative or small base64 attachments for some. Every choice
 * comes from the random source it is given, so a seed gives the same messages every time. Lines are
 * separated by {@code \n}; the text is pure ASCII.
 */
final class MailFactory {
  /** A person who sends or receives mail. */
  record Person(String name, String email, String title) {
    String address() {
      return MimeText.encodeDisplayName(name) + " <" + email + ">";
    }

    String first() {
      int space = name.indexOf(' ');
      return space < 0 ? name : name.substring(0, space);
    }
  }

  /** One message, rendered, with what the corpus layout needs to know about it. */
  record Mail(String text, String envelopeSender, ZonedDateTime date, String subject) {}

  private record ThreadRef(String subject, String messageId, Person sender) {}

  private static final ZoneOffset[] ZONES = {
    ZoneOffset.UTC,
    ZoneOffset.ofHours(1),
    ZoneOffset.ofHours(2),
    ZoneOffset.ofHours(-5),
    ZoneOffset.ofHours(-8),
    ZoneOffset.ofHours(-4),
    ZoneOffset.ofHoursMinutes(5, 30),
    ZoneOffset.ofHours(9)
  };
  private static final DateTimeFormatter RFC_5322_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

  private final SplittableRandom random;
  private final List<Person> colleagues;
  private final List<Person> partners;
  private final Deque<ThreadRef> recent = new ArrayDeque<>();

  MailFactory(SplittableRandom random, List<Person> colleagues, List<Person> partners) {
    this.random = random;
    this.colleagues = colleagues;
    this.partners = partners;
  }

  /**
   * The people of a corpus: the company's staff (the mailbox owners come first) and its partners'
   * staff.
   */
  static List<List<Person>> people(SplittableRandom random, int mailboxes) {
    int staffCount = Math.max(120, mailboxes + 40);
    List<Person> staff = new ArrayList<>(staffCount);
    Set<String> emails = new LinkedHashSet<>();
    while (staff.size() < staffCount) {
      String first = pick(random, Vocabulary.FIRST_NAMES);
      String last = pick(random, Vocabulary.LAST_NAMES);
      String email = uniqueEmail(emails, first + "." + last, "contoso.com");
      staff.add(new Person(first + " " + last, email, pick(random, Vocabulary.TITLES)));
    }
    List<Person> outside = new ArrayList<>();
    for (String domain : Vocabulary.PARTNER_DOMAINS) {
      for (int i = 0; i < 12; i++) {
        String first = pick(random, Vocabulary.FIRST_NAMES);
        String last = pick(random, Vocabulary.LAST_NAMES);
        String email = uniqueEmail(emails, first + "." + last, domain);
        outside.add(new Person(first + " " + last, email, pick(random, Vocabulary.TITLES)));
      }
    }
    for (String name : Vocabulary.ACCENTED_NAMES) {
      String domain = pick(random, Vocabulary.PARTNER_DOMAINS);
      outside.add(
          new Person(
              name,
              uniqueEmail(emails, asciiLocalPart(name), domain),
              pick(random, Vocabulary.TITLES)));
    }
    return List.of(staff, outside);
  }

  private static String uniqueEmail(Set<String> taken, String localPart, String domain) {
    String base = localPart.toLowerCase(Locale.ROOT);
    String email = base + "@" + domain;
    for (int n = 2; !taken.add(email); n++) {
      email = base + n + "@" + domain;
    }
    return email;
  }

  private static String asciiLocalPart(String name) {
    // Letters that do not decompose into a base letter and an accent are mapped by hand.
    String plain = name.replace('Ł', 'L').replace('ł', 'l').replace('ø', 'o').replace('ı', 'i');
    String folded = Normalizer.normalize(plain, Normalizer.Form.NFD);
    return folded.replaceAll("[^A-Za-z ]", "").trim().replace(' ', '.');
  }

  /** Starts a new mailbox: replies only refer to earlier messages of the same mailbox. */
  void newMailbox() {
    recent.clear();
  }

  /** The next message of a mailbox, sent by its owner or received by them. */
  Mail next(Person owner, ZonedDateTime date, boolean sentByOwner) {
    ZonedDateTime local = date.withZoneSameInstant(ZONES[random.nextInt(ZONES.length)]);
    ThreadRef replyTo = !recent.isEmpty() && random.nextDouble() < 0.3 ? pickRecent() : null;
    boolean forward = replyTo != null && random.nextDouble() < 0.15;
    String[] international =
        random.nextDouble() < 0.03 ? pick(random, Vocabulary.INTERNATIONAL) : null;

    Person from;
    if (sentByOwner) {
      from = owner;
    } else if (replyTo != null && !replyTo.sender.equals(owner) && !forward) {
      from = replyTo.sender;
    } else {
      from = someoneElse(owner);
    }
    List<Person> to = new ArrayList<>();
    List<Person> cc = new ArrayList<>();
    if (!sentByOwner) {
      (random.nextDouble() < 0.8 ? to : cc).add(owner);
    } else if (replyTo != null && !forward && !replyTo.sender.equals(owner)) {
      to.add(replyTo.sender);
    }
    int extraTo = random.nextInt(to.isEmpty() ? 1 : 0, 4);
    for (int i = 0; i < extraTo; i++) {
      addDistinct(to, someoneElse(from), from);
    }
    int extraCc = random.nextDouble() < 0.45 ? random.nextInt(1, 4) : 0;
    for (int i = 0; i < extraCc; i++) {
      addDistinct(cc, someoneElse(from), from);
    }
    while (to.isEmpty()) {
      addDistinct(to, pick(random, colleagues), from);
    }
    cc.removeAll(to);

    String subject;
    if (international != null) {
      subject = international[0];
    } else if (replyTo != null) {
      subject = (forward ? "FW: " : "RE: ") + replyTo.subject;
    } else if (random.nextDouble() < 0.01) {
      subject = "";
    } else {
      String filled = fill(pick(random, Vocabulary.SUBJECTS), to.get(0), local);
      subject = Character.toUpperCase(filled.charAt(0)) + filled.substring(1);
    }
    String messageId = messageId(local, from);

    StringBuilder headers = new StringBuilder(1024);
    headers.append("Date: ").append(RFC_5322_DATE.format(local)).append('\n');
    headers.append("From: ").append(from.address()).append('\n');
    headers.append(addressHeader("To", to));
    if (!cc.isEmpty()) {
      headers.append(addressHeader("Cc", cc));
    }
    headers.append("Subject: ").append(MimeText.encodeHeaderWords(subject)).append('\n');
    headers.append("Message-ID: ").append(messageId).append('\n');
    if (replyTo != null && !forward) {
      headers.append("In-Reply-To: ").append(replyTo.messageId).append('\n');
      headers.append("References: ").append(replyTo.messageId).append('\n');
    }
    if (random.nextDouble() < 0.5) {
      String mailer = random.nextBoolean() ? "Microsoft Outlook 16.0" : "Thunderbird 102.15.1";
      headers.append("X-Mailer: ").append(mailer).append('\n');
    }
    headers.append("MIME-Version: 1.0\n");

    List<String> paragraphs = body(from, to.get(0), local, international, replyTo, forward);
    double shape = random.nextDouble();
    String mime;
    if (shape < 0.55) {
      mime = textPart(paragraphs);
    } else if (shape < 0.8) {
      mime = alternative(paragraphs, subject);
    } else {
      mime = mixed(paragraphs, subject, local);
    }

    remember(new ThreadRef(baseSubject(subject), messageId, from));
    return new Mail(headers + mime, from.email(), local, subject);
  }

  private ThreadRef pickRecent() {
    int index = random.nextInt(recent.size());
    return recent.stream().skip(index).findFirst().orElseThrow();
  }

  private void remember(ThreadRef ref) {
    if (ref.subject.isEmpty()) {
      return;
    }
    recent.addFirst(ref);
    if (recent.size() > 25) {
      recent.removeLast();
    }
  }

  private static String baseSubject(String subject) {
    String s = subject;
    while (s.startsWith("RE: ") || s.startsWith("FW: ")) {
      s = s.substring(4);
    }
    return s;
  }

  private Person someoneElse(Person not) {
    for (int attempt = 0; ; attempt++) {
      Person p = random.nextDouble() < 0.6 ? pick(random, colleagues) : pick(random, partners);
      if (!p.equals(not) || attempt > 5) {
        return p;
      }
    }
  }

  private static void addDistinct(List<Person> list, Person p, Person sender) {
    if (!list.contains(p) && !p.equals(sender)) {
      list.add(p);
    }
  }

  private static String addressHeader(String name, List<Person> people) {
    StringBuilder sb = new StringBuilder(name).append(": ");
    for (int i = 0; i < people.size(); i++) {
      if (i > 0) {
        sb.append(",\n ");
      }
      sb.append(people.get(i).address());
    }
    return sb.append('\n').toString();
  }

  private String messageId(ZonedDateTime date, Person from) {
    String domain = from.email().substring(from.email().indexOf('@') + 1);
    return String.format(
        Locale.ROOT,
        "<%s.%08x%04x@mail.%s>",
        date.withZoneSameInstant(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)),
        random.nextInt(),
        random.nextInt(0x10000),
        domain);
  }

  private List<String> body(
      Person from,
      Person firstTo,
      ZonedDateTime date,
      String[] international,
      ThreadRef replyTo,
      boolean forward) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(pick(random, Vocabulary.GREETINGS).replace("{first}", firstTo.first()));
    int count = random.nextInt(1, 6);
    for (int p = 0; p < count; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = random.nextInt(1, 6);
      for (int s = 0; s < sentences; s++) {
        String template = random.nextDouble() < 0.65 ? pick(random, Vocabulary.SENTENCES) : null;
        String sentence = template != null ? fill(template, firstTo, date) : freeSentence();
        if (s == 0 && random.nextDouble() < 0.12) {
          // A paragraph that opens with "From " must be quoted as ">From " inside an mbox file.
          boolean keepCase =
              sentence.startsWith("I ") || (template != null && template.startsWith("{"));
          sentence =
              pick(random, Vocabulary.FROM_OPENINGS)
                  + (keepCase
                      ? sentence
                      : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1));
        }
        if (s > 0) {
          paragraph.append(' ');
        }
        paragraph.append(sentence);
      }
      paragraphs.add(paragraph.toString());
    }
    if (international != null) {
      paragraphs.add(international[1]);
    }
    paragraphs.add(pick(random, Vocabulary.CLOSINGS) + "\n" + from.name() + "\n" + from.title());
    if (replyTo != null) {
      String quoted = fill(pick(random, Vocabulary.SENTENCES), from, date) + " " + freeSentence();
      String header =
          forward
              ? "---------- Forwarded message ----------\nFrom: "
                  + replyTo.sender.name()
                  + " <"
                  + replyTo.sender.email()
                  + ">\nSubject: "
                  + replyTo.subject
              : "On "
                  + RFC_5322_DATE.format(date.minusHours(random.nextInt(1, 72)))
                  + ", "
                  + replyTo.sender.name()
                  + " wrote:";
      paragraphs.add(header);
      String prefix = forward ? "" : "> ";
      paragraphs.add(prefix + MimeText.wrap(quoted, 70).replace("\n", "\n" + prefix));
    }
    return paragraphs;
  }

  private String freeSentence() {
    int words = random.nextInt(7, 18);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = pick(random, Vocabulary.WORDS);
      if (i == 0) {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
      } else {
        sb.append(random.nextDouble() < 0.08 ? ", " : " ").append(w);
      }
    }
    return sb.append('.').toString();
  }

  private String fill(String template, Person addressee, ZonedDateTime date) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      out.append(placeholder(template.substring(open + 1, close), addressee, date));
      i = close + 1;
    }
    return out.toString();
  }

  private String placeholder(String name, Person addressee, ZonedDateTime date) {
    return switch (name) {
      case "project" -> "Project " + pick(random, Vocabulary.PROJECTS);
      case "doc" -> pick(random, Vocabulary.DOCUMENTS);
      case "team" -> pick(random, Vocabulary.TEAMS);
      case "quarter" -> pick(random, Vocabulary.QUARTERS);
      case "year" -> Integer.toString(date.getYear());
      case "code" -> projectCode();
      case "client" -> clientName();
      case "day" -> pick(random, Vocabulary.DAYS);
      case "date" ->
          date.plusDays(random.nextInt(3, 40))
              .format(DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH));
      case "name" ->
          random.nextDouble() < 0.3 ? addressee.first() : pick(random, colleagues).name();
      case "amount" -> String.format(Locale.US, "$%,d", random.nextInt(5, 2500) * 1000);
      case "pct" -> Integer.toString(random.nextInt(2, 35));
      case "count" -> Integer.toString(random.nextInt(2, 19));
      default -> name;
    };
  }

  private String projectCode() {
    String[] prefixes = {"PRJ", "CR", "PO", "INV", "MSA", "SOW"};
    return prefixes[random.nextInt(prefixes.length)] + "-" + random.nextInt(1000, 10000);
  }

  private String clientName() {
    String domain = pick(random, Vocabulary.PARTNER_DOMAINS);
    String stem = domain.substring(0, domain.indexOf('.'));
    return Character.toUpperCase(stem.charAt(0)) + stem.substring(1);
  }

  /** The paragraphs of a document on a site: notes and memos in the same language as the mail. */
  List<String> documentParagraphs(ZonedDateTime date) {
    List<String> paragraphs = new ArrayList<>();
    int count = random.nextInt(3, 12);
    Person someone = pick(random, colleagues);
    for (int p = 0; p < count; p++) {
      StringBuilder paragraph = new StringBuilder();
      int sentences = random.nextInt(2, 7);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          paragraph.append(' ');
        }
        paragraph.append(
            random.nextDouble() < 0.6
                ? fill(pick(random, Vocabulary.SENTENCES), someone, date)
                : freeSentence());
      }
      paragraphs.add(paragraph.toString());
    }
    return paragraphs;
  }

  /** A document title such as "Project Falcon draft agreement". */
  String documentTitle(ZonedDateTime date) {
    List<String> titles =
        List.of(
            "{project} {doc}",
            "{doc} for {client}",
            "{team} {quarter} {year} review",
            "{code} {doc}");
    String title = fill(pick(random, titles), pick(random, colleagues), date);
    return Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  static String plainText(List<String> paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (String paragraph : paragraphs) {
      for (String line : paragraph.split("\n")) {
        sb.append(line.startsWith("> ") ? line : MimeText.wrap(line, 72)).append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String html(List<String> paragraphs, String subject) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n");
    sb.append("<title>").append(MimeText.escapeHtml(subject)).append("</title></head>\n<body>\n");
    for (String paragraph : paragraphs) {
      if (paragraph.startsWith("> ")) {
        String quoted = MimeText.escapeHtml(paragraph.replace("> ", "")).replace("\n", " ");
        sb.append("<blockquote>").append(quoted).append("</blockquote>\n");
      } else {
        sb.append("<p>")
            .append(MimeText.escapeHtml(paragraph).replace("\n", "<br>\n"))
            .append("</p>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  /** A text/plain part: 7bit when ASCII, quoted-printable otherwise. */
  private static String textPart(List<String> paragraphs) {
    String text = plainText(paragraphs);
    if (MimeText.isAscii(text)) {
      return "Content-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: 7bit\n\n"
          + text;
    }
    return "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        + MimeText.quotedPrintable(text);
  }

  private static String htmlPart(List<String> paragraphs, String subject) {
    return "Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
        + MimeText.quotedPrintable(html(paragraphs, subject));
  }

  private String boundary() {
    return String.format(
        Locale.ROOT,
        "----=_Part_%d_%08x.%08x",
        random.nextInt(1, 9999),
        random.nextInt(),
        random.nextInt());
  }

  private String alternative(List<String> paragraphs, String subject) {
    String b = boundary();
    return "Content-Type: multipart/alternative;\n boundary=\""
        + b
        + "\"\n\n"
        + "--"
        + b
        + "\n"
        + textPart(paragraphs)
        + "\n"
        + "--"
        + b
        + "\n"
        + htmlPart(paragraphs, subject)
        + "\n"
        + "--"
        + b
        + "--\n";
  }

  private String mixed(List<String> paragraphs, String subject, ZonedDateTime date) {
    String b = boundary();
    StringBuilder sb = new StringBuilder();
    sb.append("Content-Type: multipart/mixed;\n boundary=\"").append(b).append("\"\n\n");
    sb.append("This is a multi-part message in MIME format.\n\n");
    sb.append("--").append(b).append('\n');
    sb.append(random.nextBoolean() ? alternative(paragraphs, subject) : textPart(paragraphs))
        .append('\n');
    int attachments = random.nextDouble() < 0.75 ? 1 : 2;
    for (int i = 0; i < attachments; i++) {
      sb.append("--").append(b).append('\n').append(attachment(date)).append('\n');
    }
    return sb.append("--").append(b).append("--\n").toString();
  }

  private String attachment(ZonedDateTime date) {
    String type;
    String name;
    String content;
    double kind = random.nextDouble();
    String stamp = date.format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT));
    if (kind < 0.45) {
      type = "text/csv";
      String stem =
          pick(
              random,
              List.of("budget", "forecast", "invoices", "headcount", "shipments", "pipeline"));
      name = stem + "-" + stamp + ".csv";
      content = csv();
    } else if (kind < 0.75) {
      type = "text/plain";
      String stem =
          pick(random, List.of("meeting-notes", "call-summary", "open-items", "draft-clause"));
      name = stem + "-" + stamp + ".txt";
      content =
          plainText(
              List.of(
                  freeSentence() + " " + freeSentence(),
                  freeSentence(),
                  freeSentence() + " " + freeSentence()));
    } else {
      type = "text/html";
      name =
          pick(random, List.of("status-report", "weekly-summary", "risk-overview"))
              + "-"
              + stamp
              + ".html";
      content = htmlReport();
    }
    return "Content-Type: "
        + type
        + "; charset=\"utf-8\"; name=\""
        + name
        + "\"\n"
        + "Content-Disposition: attachment; filename=\""
        + name
        + "\"\n"
        + "Content-Transfer-Encoding: base64\n\n"
        + MimeText.base64(content.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private String csv() {
    StringBuilder sb = new StringBuilder("Region,Account,Reference,Quarter,Amount,Status\n");
    String[] regions = {"EMEA", "NA", "LATAM", "APAC"};
    String[] statuses = {"Open", "Approved", "Pending", "Paid", "Disputed"};
    int rows = random.nextInt(8, 60);
    for (int i = 0; i < rows; i++) {
      sb.append(regions[random.nextInt(regions.length)])
          .append(',')
          .append(clientName())
          .append(',')
          .append(projectCode())
          .append(',')
          .append(pick(random, Vocabulary.QUARTERS))
          .append(',')
          .append(random.nextInt(100, 250_000))
          .append('.')
          .append(String.format(Locale.ROOT, "%02d", random.nextInt(100)))
          .append(',')
          .append(statuses[random.nextInt(statuses.length)])
          .append('\n');
    }
    return sb.toString();
  }

  private String htmlReport() {
    StringBuilder sb = new StringBuilder("<html><body><h1>Status report</h1>\n<table>\n");
    sb.append("<tr><th>Workstream</th><th>Owner</th><th>Status</th></tr>\n");
    int rows = random.nextInt(3, 12);
    for (int i = 0; i < rows; i++) {
      sb.append("<tr><td>Project ")
          .append(pick(random, Vocabulary.PROJECTS))
          .append("</td><td>")
          .append(pick(random, colleagues).name())
          .append("</td><td>")
          .append(pick(random, List.of("on track", "at risk", "late", "done")))
          .append("</td></tr>\n");
    }
    return sb.append("</table>\n<p>")
        .append(freeSentence())
        .append("</p></body></html>\n")
        .toString();
  }

  static <T> T pick(SplittableRandom random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
