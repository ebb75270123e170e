package org.caseops.bench;

import jakarta.batch.runtime.BatchRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.batch.pdf.MailDocument;
import org.caseops.batch.pdf.PdfFont;
import org.caseops.batch.pdf.PdfRenderer;
import org.caseops.batch.pdf.Rendition;
import org.caseops.batch.pdf.RenditionSources;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.persistence.testing.SeTransactions;

/**
 * The convertToPdf renderer against a bare PDFBox loop over the same messages, on one thread each,
 * alternating in one JVM. The messages are generated ({@link MailFactory}, seed 42) and parsed once
 * with the job's Tika reading ({@link RenditionSources}); both sides then lay out the same parsed
 * messages: the renderer with its header block, wrapping, page breaks, glyph checks and attachment
 * sections; the bare loop as plain lines (header lines, body lines, attachment lines), cut at 100
 * characters (a character the font lacks as '?'), 60 to a page, in the same font (DejaVu Sans,
 * parsed once, embedded as a subset, no glyph substitution, as the renderer sets it) and saved the
 * same way. A third figure, for information, is the renderer with the Tika parsing of each message
 * included, as the job does it.
 *
 * <pre>
 * bench/run.sh pdf --messages 2000 --rounds 5
 * bench/run.sh pdf --messages 2000 --rounds 3 --bare-gsub   # the bare loop with PDFBox's default
 *                                                           # glyph substitution (ligatures)
 * bench/run.sh pdf --messages 2000 --rounds 5 --job         # also the convertToPdf job end to end
 * </pre>
 *
 * <p>With {@code --job}, each round also runs, end to end: the bare loop with the Tika reading of
 * each message and each PDF written to a file; and the convertToPdf job on JBeret SE (a fresh H2
 * database, or {@code --db postgresql}) over a new review set of the same messages (made directly,
 * untimed: {@link ReviewSetFixture}), from its submission to its operation's end as a client polls
 * it. Both on one thread: the job's render step is one chunk on one thread.
 *
 * <pre>
 * </pre>
 */
public final class PdfBenchmark {
  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");

  private PdfBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options =
        Options.parse(
            args, Set.of("messages", "rounds", "warmup", "seed", "db"), Set.of("bare-gsub", "job"));
    boolean job = options.flag("job");
    int messages = options.integer("messages", 2000);
    int rounds = options.integer("rounds", 5);
    int warmup = options.integer("warmup", 1000);
    long seed = options.longValue("seed", 42);

    RenditionSources sources = new RenditionSources();
    List<byte[]> raw = generate(seed, warmup + messages);
    List<MailDocument> parsed = new ArrayList<>(raw.size());
    for (byte[] m : raw) {
      parsed.add(sources.message(m, 2_000_000));
    }
    List<MailDocument> warm = parsed.subList(0, warmup);
    List<MailDocument> measured = parsed.subList(warmup, parsed.size());
    List<byte[]> measuredRaw = raw.subList(warmup, raw.size());
    long attachments = measured.stream().mapToLong(m -> m.attachments().size()).sum();
    System.out.printf(
        "%d messages (%d attachments), %d rounds, after a warm-up of %d other messages; one thread"
            + " each; bare loop glyph substitution %s; Java %s, %d processors%n",
        messages,
        attachments,
        rounds,
        warmup,
        options.flag("bare-gsub") ? "on (PDFBox default)" : "off (as the renderer)",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());

    if (job) {
      IndexBenchmark.quietLogging();
    }
    Path work = Files.createTempDirectory("caseops-pdf-bench");
    try (PdfFont font = PdfFont.load();
        PdfRenderer renderer = new PdfRenderer(font);
        BareLoop bare = new BareLoop(options.flag("bare-gsub"));
        BenchDatabase db =
            job
                ? BenchDatabase.open(BenchDatabase.Kind.parse(options.string("db", "h2")), work)
                : null;
        JobRunner runner = job ? new JobRunner(Duration.ofMinutes(60)) : null) {
      bare.render(warm);
      renderAll(renderer, warm);
      if (job) {
        SeTransactions.use(db.entityManagerFactory());
        System.setProperty(
            "caseops.data.dir", Files.createDirectories(work.resolve("data")).toString());
        // The job's first run, unmeasured, on the warm-up messages.
        convertJob(runner, raw.subList(0, warmup));
      }
      double[] bareRates = new double[rounds];
      double[] rendererRates = new double[rounds];
      double[] withParsingRates = new double[rounds];
      double[] endToEndBareRates = new double[rounds];
      double[] jobRates = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        long bareBytes = bare.render(measured);
        long t1 = System.nanoTime();
        long[] rendered = renderAll(renderer, measured);
        long t2 = System.nanoTime();
        for (byte[] m : measuredRaw) {
          renderer.renderMessage(sources.message(m, 2_000_000));
        }
        long t3 = System.nanoTime();
        bareRates[r] = messages / seconds(t1 - t0);
        rendererRates[r] = messages / seconds(t2 - t1);
        withParsingRates[r] = messages / seconds(t3 - t2);
        System.out.printf(
            "round %d: bare %,.0f msg/s (%,d bytes); renderer %,.0f msg/s (%,d bytes, %,d pages,"
                + " %d replaced); renderer with Tika parsing %,.0f msg/s; renderer/bare %.2f%n",
            r + 1,
            bareRates[r],
            bareBytes,
            rendererRates[r],
            rendered[0],
            rendered[1],
            rendered[2],
            withParsingRates[r],
            rendererRates[r] / bareRates[r]);
        if (job) {
          long t4 = System.nanoTime();
          long written = bare.renderToFiles(sources, measuredRaw, work.resolve("bare"));
          long t5 = System.nanoTime();
          JobRun run = convertJob(runner, measuredRaw);
          endToEndBareRates[r] = messages / seconds(t5 - t4);
          jobRates[r] = messages / run.seconds();
          System.out.printf(
              "  end to end: bare with Tika parsing, written to files %,.0f msg/s (%,d bytes);"
                  + " convertToPdf job %,.0f msg/s (%.2f s, %s); job/bare %.2f%n",
              endToEndBareRates[r],
              written,
              jobRates[r],
              run.seconds(),
              run.outcome(),
              jobRates[r] / endToEndBareRates[r]);
        }
      }
      double bareMedian = median(bareRates);
      double rendererMedian = median(rendererRates);
      System.out.printf(
          "median: bare %,.0f msg/s; renderer %,.0f msg/s; renderer with Tika parsing %,.0f msg/s;"
              + " renderer/bare %.2f (target >= 0.80; >= 100 msg/s)%n",
          bareMedian, rendererMedian, median(withParsingRates), rendererMedian / bareMedian);
      if (job) {
        double e2e = median(endToEndBareRates);
        double j = median(jobRates);
        System.out.printf(
            "median end to end: bare with Tika parsing %,.0f msg/s; convertToPdf job %,.0f msg/s;"
                + " job/bare %.2f (per round %s); job/bare without parsing %.2f (target >= 0.80;"
                + " >= 100 msg/s)%n",
            e2e, j, j / e2e, ratios(jobRates, endToEndBareRates), j / bareMedian);
      }
    } finally {
      IndexBenchmark.deleteTree(work);
    }
  }

  private static String ratios(double[] a, double[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      s.append(i == 0 ? "" : ", ").append(String.format("%.2f", a[i] / b[i]));
    }
    return s.toString();
  }

  /** A convertToPdf run: its time from submission to the operation's end, and its outcome. */
  private record JobRun(double seconds, String outcome) {}

  /**
   * The convertToPdf job, as the API starts it, on a new review set of the messages (made directly,
   * untimed): every file is rendered, none is current already.
   */
  private static JobRun convertJob(JobRunner runner, List<byte[]> messages) throws Exception {
    Iterator<byte[]> it = messages.iterator();
    int[] number = {0};
    Iterator<ReviewSetFixture.Native> natives =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public ReviewSetFixture.Native next() {
            byte[] m = it.next();
            number[0]++;
            return new ReviewSetFixture.Native(
                String.format("Inbox/%06d.eml", number[0]),
                true,
                "message " + number[0],
                "message/rfc822",
                m,
                "message " + number[0],
                null,
                null,
                null,
                null);
          }
        };
    ReviewSetFixture.Made set = ReviewSetFixture.make(runner, "pdf bench", natives);
    CaseOperationRepository operations = runner.bean(CaseOperationRepository.class);
    long start = System.nanoTime();
    CaseOperation op =
        CaseOperation.submit(
            set.caseId(),
            CaseAction.convertToPdf,
            OperationTarget.reviewSet(set.reviewSetId(), null, List.of()),
            BENCH,
            Instant.now());
    operations.add(op);
    JobOperatorJobs.tuned(BatchRuntime.getJobOperator())
        .start(CaseAction.convertToPdf.jobName(), op.jobParameters());
    CaseOperation now;
    while (true) {
      now = operations.find(op.getId()).orElseThrow();
      if (now.getStatus().isTerminal()) {
        break;
      }
      Thread.sleep(5);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    String message = now.getResultInfo() == null ? "" : now.getResultInfo().getMessage();
    if (!now.getStatus().name().equals("succeeded")) {
      throw new IllegalStateException("convertToPdf ended " + now.getStatus() + ": " + message);
    }
    return new JobRun(secs, now.getStatus() + ": " + message);
  }

  private static long[] renderAll(PdfRenderer renderer, List<MailDocument> mails)
      throws IOException {
    long bytes = 0;
    long pages = 0;
    long replaced = 0;
    for (MailDocument m : mails) {
      Rendition r = renderer.renderMessage(m);
      bytes += r.pdf().length;
      pages += r.pages();
      replaced += r.replacedCharacters();
    }
    return new long[] {bytes, pages, replaced};
  }

  private static List<byte[]> generate(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<MailFactory.Person>> people = MailFactory.people(random, 1);
    MailFactory factory = new MailFactory(random, people.get(0), people.get(1));
    factory.newMailbox();
    MailFactory.Person owner = people.get(0).get(0);
    ZonedDateTime date = ZonedDateTime.of(2023, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    List<byte[]> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      date = date.plusMinutes(37);
      MailFactory.Mail mail = factory.next(owner, date, random.nextDouble() < 0.3);
      all.add(mail.text().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return all;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Plain lines in the same font with PDFBox alone: no wrapping, glyph checks or layout. */
  private static final class BareLoop implements AutoCloseable {
    private static final int LINES_PER_PAGE = 60;
    private static final int MAX_CHARS = 100;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;

    BareLoop(boolean gsub) throws IOException {
      try (InputStream in = PdfFont.class.getResourceAsStream(PdfFont.RESOURCE)) {
        ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
      }
      // As the renderer sets it, no glyph substitution, unless asked for PDFBox's default.
      ttf.setEnableGsub(gsub);
      cmap = ttf.getUnicodeCmapLookup();
    }

    long render(List<MailDocument> mails) throws IOException {
      long bytes = 0;
      for (MailDocument m : mails) {
        bytes += renderLines(lines(m));
      }
      return bytes;
    }

    /**
     * The bare loop end to end: each message parsed with the job's Tika reading, laid out, and its
     * PDF written to a file of its own, as the job stores its renditions.
     */
    long renderToFiles(RenditionSources sources, List<byte[]> messages, Path folder)
        throws IOException {
      Files.createDirectories(folder);
      long bytes = 0;
      int n = 0;
      for (byte[] m : messages) {
        byte[] pdf = pdf(lines(sources.message(m, 2_000_000)));
        Files.write(folder.resolve((n++) + ".pdf"), pdf);
        bytes += pdf.length;
      }
      IndexBenchmark.deleteTree(folder);
      return bytes;
    }

    private static List<String> lines(MailDocument m) {
      List<String> lines = new ArrayList<>();
      lines.add("From: " + m.from());
      lines.add("To: " + m.to());
      lines.add("Cc: " + m.cc());
      lines.add("Bcc: " + m.bcc());
      lines.add("Sent: " + m.sent());
      lines.add("Subject: " + m.subject());
      lines.addAll(m.body().lines().toList());
      for (MailDocument.Attachment a : m.attachments()) {
        lines.add("Attachment: " + a.name());
        lines.addAll(a.text().lines().toList());
      }
      return lines;
    }

    private long renderLines(List<String> lines) throws IOException {
      return pdf(lines).length;
    }

    private byte[] pdf(List<String> lines) throws IOException {
      try (PDDocument doc = new PDDocument()) {
        PDType0Font font = PDType0Font.load(doc, ttf, true);
        PDPageContentStream content = null;
        int onPage = LINES_PER_PAGE;
        for (String line : lines) {
          if (onPage == LINES_PER_PAGE) {
            if (content != null) {
              content.endText();
              content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            content.beginText();
            content.setFont(font, 10);
            content.setLeading(12.5f);
            content.newLineAtOffset(50, 792);
            onPage = 0;
          }
          content.showText(printable(line));
          content.newLine();
          onPage++;
        }
        if (content != null) {
          content.endText();
          content.close();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
      }
    }

    /**
     * The line cut at 100 characters, with tabs and controls as spaces and characters the font has
     * no glyph for as '?' (PDFBox refuses both).
     */
    private String printable(String line) throws IOException {
      String cut = line.length() > MAX_CHARS ? line.substring(0, MAX_CHARS) : line;
      StringBuilder b = new StringBuilder(cut.length());
      for (int i = 0; i < cut.length(); ) {
        int c = cut.codePointAt(i);
        i += Character.charCount(c);
        if (c < 0x20 || c == 0x7F) {
          b.append(' ');
        } else if (cmap.getGlyphId(c) == 0) {
          b.append('?');
        } else {
          b.appendCodePoint(c);
        }
      }
      return b.toString();
    }

    @Override
    public void close() throws IOException {
      ttf.close();
    }
  }
}
