package org.caseops.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.caseops.batch.pdf.MailDocument;
import org.caseops.batch.pdf.PdfFont;
import org.caseops.batch.pdf.PdfRenderer;
import org.caseops.batch.pdf.Rendition;
import org.caseops.batch.pdf.RenditionSources;

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
 * </pre>
 */
public final class PdfBenchmark {
  private PdfBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options =
        Options.parse(args, Set.of("messages", "rounds", "warmup", "seed"), Set.of("bare-gsub"));
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

    try (PdfFont font = PdfFont.load();
        PdfRenderer renderer = new PdfRenderer(font);
        BareLoop bare = new BareLoop(options.flag("bare-gsub"))) {
      bare.render(warm);
      renderAll(renderer, warm);
      double[] bareRates = new double[rounds];
      double[] rendererRates = new double[rounds];
      double[] withParsingRates = new double[rounds];
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
      }
      double bareMedian = median(bareRates);
      double rendererMedian = median(rendererRates);
      System.out.printf(
          "median: bare %,.0f msg/s; renderer %,.0f msg/s; renderer with Tika parsing %,.0f msg/s;"
              + " renderer/bare %.2f (target >= 0.80; >= 100 msg/s)%n",
          bareMedian, rendererMedian, median(withParsingRates), rendererMedian / bareMedian);
    }
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
        return out.size();
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
