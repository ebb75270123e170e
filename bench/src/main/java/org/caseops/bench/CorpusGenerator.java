package org.caseops.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a real-looking mail corpus laid out as caseops reads evidence: {@code mailboxes/<email>/}
 * holds each custodian's mail as single {@code .eml} messages (under {@code Inbox/<yyyy-MM>/} and
 * {@code Sent Items/<yyyy-MM>/}) and as mboxrd files ({@code Archive/<yyyy>.mbox}, where body lines
 * starting with {@code From } are quoted as {@code >From }); with {@code --sites}, {@code
 * sites/<host>/<path>/} holds text and HTML documents of two team sites (with {@code --office}, a
 * third of them PDF reports and Word documents with a photo).
 *
 * <p>The same seed gives the same corpus, byte for byte. Messages are written one at a time as they
 * are made, so the size of a corpus is bounded by the disk only.
 *
 * <pre>
 * java -cp ... org.caseops.bench.CorpusGenerator --out corpus --messages 3000
 *     [--mailboxes 3] [--mbox-share 0.5] [--seed 42] [--sites] [--site-documents 40] [--office]
 * </pre>
 */
public final class CorpusGenerator {
  /** What to generate. */
  public record Settings(
      int messages,
      int mailboxes,
      double mboxShare,
      long seed,
      boolean sites,
      int siteDocuments,
      boolean office) {
    public Settings(
        int messages,
        int mailboxes,
        double mboxShare,
        long seed,
        boolean sites,
        int siteDocuments) {
      this(messages, mailboxes, mboxShare, seed, sites, siteDocuments, false);
    }

    public Settings {
      if (messages < 0 || mailboxes < 1 || mboxShare < 0 || mboxShare > 1 || siteDocuments < 0) {
        throw new IllegalArgumentException(
            "need --messages >= 0, --mailboxes >= 1, 0 <= --mbox-share <= 1, --site-documents >= 0");
      }
    }

    public static Settings of(int messages, int mailboxes, long seed) {
      return new Settings(messages, mailboxes, 0.5, seed, false, 0);
    }
  }

  /** What was written. */
  public record Summary(
      Path root,
      long messages,
      long emlFiles,
      long mboxFiles,
      long mboxMessages,
      long siteDocuments,
      long bytes,
      List<String> mailboxEmails,
      List<String> siteUrls,
      Duration elapsed) {
    public long files() {
      return emlFiles + mboxFiles + siteDocuments;
    }
  }

  static final String SITE_HOST = "contoso.sharepoint.com";
  static final List<String> SITE_PATHS = List.of("sites/legal", "sites/project-falcon");

  private static final ZonedDateTime FIRST_DAY =
      ZonedDateTime.of(2021, 1, 4, 8, 0, 0, 0, ZoneOffset.UTC);
  private static final ZonedDateTime LAST_DAY =
      ZonedDateTime.of(2024, 12, 20, 18, 0, 0, 0, ZoneOffset.UTC);
  private static final DateTimeFormatter MBOX_DATE =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  private final Path root;
  private final Settings settings;
  private final SplittableRandom random;
  private long bytes;
  private long emlFiles;
  private long mboxFiles;
  private long mboxMessages;
  private long siteDocuments;

  private CorpusGenerator(Path root, Settings settings) {
    this.root = root;
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
  }

  public static void main(String[] args) {
    Options o;
    try {
      o =
          Options.parse(
              args,
              Set.of("out", "messages", "mailboxes", "mbox-share", "seed", "site-documents"),
              Set.of("sites", "office", "help"));
      if (o.flag("help")) {
        usage(null);
        return;
      }
      if (!o.has("out")) {
        throw new IllegalArgumentException("--out is required");
      }
      boolean sites = o.flag("sites") || o.has("site-documents") || o.flag("office");
      Settings settings =
          new Settings(
              o.integer("messages", 3000),
              o.integer("mailboxes", 3),
              o.decimal("mbox-share", 0.5),
              o.longValue("seed", 42),
              sites,
              sites ? o.integer("site-documents", 40) : 0,
              o.flag("office"));
      Summary summary = generate(o.path("out", null), settings);
      print(summary, settings);
    } catch (IllegalArgumentException | IllegalStateException e) {
      usage(e.getMessage());
      System.exit(2);
    }
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("error: " + problem);
    }
    System.err.println(
        "usage: CorpusGenerator --out DIR [--messages 3000] [--mailboxes 3] [--mbox-share 0.5] [--seed 42]"
            + " [--sites] [--site-documents 40] [--office]");
  }

  static void print(Summary s, Settings settings) {
    System.out.printf(
        Locale.ROOT,
        "Corpus in %s (seed %d)%n  messages: %,d (%,d .eml files; %,d in %,d .mbox files)%n  mailboxes: %s%n",
        s.root(),
        settings.seed(),
        s.messages(),
        s.emlFiles(),
        s.mboxMessages(),
        s.mboxFiles(),
        String.join(", ", s.mailboxEmails()));
    if (!s.siteUrls().isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "  site documents: %,d (%s)%n",
          s.siteDocuments(),
          String.join(", ", s.siteUrls()));
    }
    System.out.printf(
        Locale.ROOT,
        "  files: %,d, bytes: %,d (%.1f MiB), in %.1f s%n",
        s.files(),
        s.bytes(),
        s.bytes() / 1048576.0,
        s.elapsed().toMillis() / 1000.0);
  }

  /**
   * Writes a corpus into {@code root}, which must not hold one already.
   *
   * @throws IllegalStateException if {@code root/mailboxes} or {@code root/sites} exists
   */
  public static Summary generate(Path root, Settings settings) {
    if (Files.exists(root.resolve("mailboxes")) || Files.exists(root.resolve("sites"))) {
      throw new IllegalStateException(root + " already holds a corpus; choose an empty folder");
    }
    long start = System.nanoTime();
    try {
      Files.createDirectories(root);
      return new CorpusGenerator(root, settings).run(start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Summary run(long start) throws IOException {
    List<List<MailFactory.Person>> people = MailFactory.people(random, settings.mailboxes());
    List<MailFactory.Person> staff = people.get(0);
    MailFactory factory = new MailFactory(random, staff, people.get(1));
    int[] counts = shares(settings.messages(), settings.mailboxes());
    List<String> owners = new ArrayList<>();
    long messages = 0;
    for (int m = 0; m < settings.mailboxes(); m++) {
      MailFactory.Person owner = staff.get(m);
      owners.add(owner.email());
      messages += writeMailbox(factory, owner, counts[m]);
    }
    List<String> siteUrls = new ArrayList<>();
    if (settings.sites()) {
      for (String path : SITE_PATHS) {
        siteUrls.add("https://" + SITE_HOST + "/" + path);
      }
      writeSites(factory);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Summary summary =
        new Summary(
            root,
            messages,
            emlFiles,
            mboxFiles,
            mboxMessages,
            siteDocuments,
            bytes,
            owners,
            siteUrls,
            elapsed);
    writeManifest(summary);
    return summary;
  }

  /** Splits the messages over the mailboxes unevenly, as real custodians hold more or less mail. */
  private int[] shares(int messages, int mailboxes) {
    double[] weights = new double[mailboxes];
    double total = 0;
    for (int i = 0; i < mailboxes; i++) {
      weights[i] = 0.5 + random.nextDouble();
      total += weights[i];
    }
    int[] counts = new int[mailboxes];
    int assigned = 0;
    for (int i = 0; i < mailboxes; i++) {
      counts[i] = (int) Math.floor(messages * weights[i] / total);
      assigned += counts[i];
    }
    for (int i = 0; assigned < messages; i = (i + 1) % mailboxes) {
      counts[i]++;
      assigned++;
    }
    return counts;
  }

  private long writeMailbox(MailFactory factory, MailFactory.Person owner, int count)
      throws IOException {
    factory.newMailbox();
    Path mailbox = root.resolve("mailboxes").resolve(owner.email());
    Files.createDirectories(mailbox);
    long span = Duration.between(FIRST_DAY, LAST_DAY).getSeconds();
    long step = count == 0 ? span : Math.max(1, span / count);
    MboxFile mbox = null;
    try {
      for (int k = 0; k < count; k++) {
        ZonedDateTime date = FIRST_DAY.plusSeconds(k * step + random.nextLong(step));
        boolean sent = random.nextDouble() < 0.3;
        boolean inMbox = random.nextDouble() < settings.mboxShare();
        MailFactory.Mail mail = factory.next(owner, date, sent);
        if (inMbox) {
          // The UTC year, which only grows along the mailbox; the message's own zone could step
          // back over New Year.
          int year = date.getYear();
          if (mbox == null || mbox.year != year || mbox.messages >= mbox.limit) {
            if (mbox != null) {
              mbox.close();
            }
            int part = mbox != null && mbox.year == year ? mbox.part + 1 : 1;
            mbox = new MboxFile(mailbox.resolve("Archive"), year, part, random.nextInt(300, 1500));
          }
          mbox.append(mail);
        } else {
          writeEml(mailbox, k, mail, sent);
        }
      }
    } finally {
      if (mbox != null) {
        mbox.close();
      }
    }
    return count;
  }

  private void writeEml(Path mailbox, int seq, MailFactory.Mail mail, boolean sent)
      throws IOException {
    Path folder = mailbox.resolve(sent ? "Sent Items" : "Inbox").resolve(MONTH.format(mail.date()));
    Files.createDirectories(folder);
    Path file =
        folder.resolve(String.format(Locale.ROOT, "%06d-%s.eml", seq, slug(mail.subject())));
    try (OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 16384)) {
      bytes += writeAscii(out, mail.text(), true, false);
    }
    emlFiles++;
  }

  /** An open mbox file of one year of a mailbox. */
  private final class MboxFile implements AutoCloseable {
    final int year;
    final int part;
    final int limit;
    int messages;
    private final OutputStream out;

    MboxFile(Path folder, int year, int part, int limit) throws IOException {
      this.year = year;
      this.part = part;
      this.limit = limit;
      Files.createDirectories(folder);
      Path file = folder.resolve(part == 1 ? year + ".mbox" : year + "-" + part + ".mbox");
      this.out =
          new BufferedOutputStream(
              Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 65536);
      mboxFiles++;
    }

    void append(MailFactory.Mail mail) throws IOException {
      String utc = MBOX_DATE.format(mail.date().withZoneSameInstant(ZoneOffset.UTC));
      String fromLine = "From " + mail.envelopeSender() + " " + utc + "\n";
      bytes += writeAscii(out, fromLine, false, false);
      bytes += writeAscii(out, mail.text(), false, true);
      bytes += writeAscii(out, "\n", false, false);
      messages++;
      mboxMessages++;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * Writes ASCII text, with CRLF line ends when {@code crlf}, and with mboxrd quoting when {@code
   * quoteFrom}: a line that is {@code From } after any number of {@code >} gets one more {@code >}.
   */
  static long writeAscii(OutputStream out, String text, boolean crlf, boolean quoteFrom)
      throws IOException {
    byte[] buffer = new byte[text.length() + text.length() / 16 + 16];
    int n = 0;
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 127) {
        throw new IllegalStateException(
            "a message must be ASCII on the wire, found U+" + Integer.toHexString(c));
      }
      if (n + 3 > buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      if (lineStart && quoteFrom && needsQuote(text, i)) {
        buffer[n++] = '>';
      }
      if (c == '\n') {
        if (crlf) {
          buffer[n++] = '\r';
        }
        lineStart = true;
      } else {
        lineStart = false;
      }
      buffer[n++] = (byte) c;
    }
    out.write(buffer, 0, n);
    return n;
  }

  private static boolean needsQuote(String text, int lineStart) {
    int i = lineStart;
    while (i < text.length() && text.charAt(i) == '>') {
      i++;
    }
    return text.startsWith("From ", i);
  }

  private void writeSites(MailFactory factory) throws IOException {
    String[] folders = {
      "Shared Documents", "Shared Documents/Contracts", "Shared Documents/Reports"
    };
    long span = Duration.between(FIRST_DAY, LAST_DAY).getSeconds();
    for (int d = 0; d < settings.siteDocuments(); d++) {
      String sitePath = SITE_PATHS.get(d % SITE_PATHS.size());
      Path folder = root.resolve("sites").resolve(SITE_HOST);
      for (String segment : (sitePath + "/" + folders[random.nextInt(folders.length)]).split("/")) {
        folder = folder.resolve(segment);
      }
      Files.createDirectories(folder);
      ZonedDateTime date = FIRST_DAY.plusSeconds(random.nextLong(span));
      String title = factory.documentTitle(date);
      List<String> paragraphs = factory.documentParagraphs(date);
      if (settings.office() && d % 3 == 0) {
        // A third of them, with --office: a PDF report or a Word document, each with a photo.
        boolean pdf = d % 2 == 0;
        SplittableRandom own = new SplittableRandom(random.nextLong());
        byte[] data = pdf ? Natives.pdf(own, title) : Natives.docx(own, title);
        Files.write(
            folder.resolve(
                String.format(Locale.ROOT, "%s-%03d.%s", slug(title), d, pdf ? "pdf" : "docx")),
            data);
        bytes += data.length;
        siteDocuments++;
        continue;
      }
      boolean html = random.nextBoolean();
      String name = String.format(Locale.ROOT, "%s-%03d.%s", slug(title), d, html ? "html" : "txt");
      String content =
          html
              ? MailFactory.html(paragraphs, title)
              : title + "\n\n" + MailFactory.plainText(paragraphs);
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      Files.write(folder.resolve(name), data);
      bytes += data.length;
      siteDocuments++;
    }
  }

  /** Writes {@code corpus.properties}: what the corpus holds, for the benchmarks and for people. */
  private void writeManifest(Summary s) throws IOException {
    // Written by hand rather than with Properties.store, which adds the current time and would make
    // runs differ.
    String text =
        "# Written by org.caseops.bench.CorpusGenerator\n"
            + "seed="
            + settings.seed()
            + "\n"
            + "messages="
            + s.messages()
            + "\n"
            + "mailboxes="
            + String.join(",", s.mailboxEmails())
            + "\n"
            + "mboxShare="
            + settings.mboxShare()
            + "\n"
            + "emlFiles="
            + s.emlFiles()
            + "\n"
            + "mboxFiles="
            + s.mboxFiles()
            + "\n"
            + "mboxMessages="
            + s.mboxMessages()
            + "\n"
            + "siteUrls="
            + String.join(",", s.siteUrls()).replace(":", "\\:")
            + "\n"
            + "siteDocuments="
            + s.siteDocuments()
            + "\n"
            + "bytes="
            + s.bytes()
            + "\n";
    Files.writeString(root.resolve("corpus.properties"), text, StandardCharsets.ISO_8859_1);
  }

  /**
   * The mailbox addresses of a corpus written earlier, from its manifest or else from its folders.
   */
  public static List<String> mailboxesOf(Path root) throws IOException {
    Path manifest = root.resolve("corpus.properties");
    if (Files.isRegularFile(manifest)) {
      Properties p = new Properties();
      try (var in = Files.newInputStream(manifest)) {
        p.load(in);
      }
      String list = p.getProperty("mailboxes", "");
      if (!list.isBlank()) {
        return List.of(list.split(","));
      }
    }
    try (var folders = Files.list(root.resolve("mailboxes"))) {
      return folders
          .filter(Files::isDirectory)
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /** A file-name-safe form of a subject or title. */
  static String slug(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length() && sb.length() < 40; i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        sb.append(c);
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
      sb.setLength(sb.length() - 1);
    }
    return sb.length() == 0 ? "message" : sb.toString();
  }
}
