package org.caseops.batch.extraction;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Refuses a PDF whose pages would take more memory to extract than a server has, before it is
 * parsed. PDFBox's text extraction keeps every character a page shows until the page ends, so a
 * small file whose page content inflates to a gigabyte of text operators (a "PDF bomb") would
 * exhaust the heap long before the text limit is reached. Each page's content streams (and the
 * forms they draw) are first read as a stream, with constant memory, counting the characters the
 * text operators show and the bytes the content decodes to; a page over either budget makes the
 * whole document fail with {@link PdfBudgetExceededException}, so the item is catalogued but not
 * indexed, with the reason. Anything else is parsed by the decorated parser as before.
 *
 * <p>Put this parser in the parse context too, so that PDFs inside messages and archives are
 * checked as well.
 */
public final class PdfBudgetParser extends ParserDecorator {
  private static final long serialVersionUID = 1L;

  /** The most characters one page may show (a dense page of ordinary text shows a few thousand). */
  public static final long MAX_PAGE_CHARACTERS = 1_000_000;

  /** The most bytes one page's content (with the forms it draws) may decode to. */
  public static final long MAX_PAGE_CONTENT_BYTES = 64L * 1024 * 1024;

  /** How deep forms drawn by forms are followed. */
  private static final int MAX_FORM_DEPTH = 12;

  private static final MediaType PDF = MediaType.application("pdf");

  private final transient Detector detector;

  public PdfBudgetParser(Parser parser, Detector detector) {
    super(parser);
    this.detector = detector;
  }

  @Override
  public void parse(
      InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException, TikaException {
    TemporaryResources tmp = new TemporaryResources();
    try {
      TikaInputStream in = TikaInputStream.get(stream, tmp, metadata);
      MediaType type = detector.detect(in, metadata);
      if (type != null && PDF.equals(type.getBaseType())) {
        check(in.getPath());
      }
      super.parse(in, handler, metadata, context);
    } finally {
      tmp.dispose();
    }
  }

  /**
   * Reads every page of the PDF in this file as a stream and throws when one is over budget. A file
   * PDFBox cannot open (corrupt, or protected by a password) is left to the parser, which says why.
   */
  static void check(Path pdf) throws IOException, PdfBudgetExceededException {
    PDDocument document;
    try {
      document =
          Loader.loadPDF(pdf.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    } catch (IOException | RuntimeException e) {
      // InvalidPasswordException among them: the parser reports the document as encrypted.
      return;
    }
    try (document) {
      checkPages(document);
    } catch (RuntimeException e) {
      // A broken page tree is left to the parser too.
    }
  }

  private static void checkPages(PDDocument document) throws PdfBudgetExceededException {
    Map<COSStream, long[]> counted = new IdentityHashMap<>();
    int number = 0;
    for (PDPage page : document.getPages()) {
      number++;
      Budget budget = new Budget(number);
      COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
      if (resources == null && page.getResources() != null) {
        resources = page.getResources().getCOSObject();
      }
      for (var contents = page.getContentStreams(); contents.hasNext(); ) {
        COSStream content = contents.next().getCOSObject();
        budget.add(count(content, resources, counted, budget.page, 0));
      }
    }
  }

  /** What a page has shown and decoded so far; throws as soon as it is over budget. */
  private static final class Budget {
    final int page;
    long characters;
    long bytes;

    Budget(int page) {
      this.page = page;
    }

    void add(long[] counts) throws PdfBudgetExceededException {
      characters += counts[0];
      bytes += counts[1];
      check(page, characters, bytes);
    }

    static void check(int page, long characters, long bytes) throws PdfBudgetExceededException {
      if (characters > MAX_PAGE_CHARACTERS) {
        throw new PdfBudgetExceededException(
            String.format(
                Locale.ROOT,
                "PDF page %d shows more than %,d characters, the most one page may show",
                page,
                MAX_PAGE_CHARACTERS));
      }
      if (bytes > MAX_PAGE_CONTENT_BYTES) {
        throw new PdfBudgetExceededException(
            String.format(
                Locale.ROOT,
                "PDF page %d has more than %,d bytes of content, the most one page may have",
                page,
                MAX_PAGE_CONTENT_BYTES));
      }
    }
  }

  /**
   * The characters shown and bytes decoded by one content stream, with the forms it draws; each
   * stream is read once per document (a stream drawn again counts again, without reading it again).
   */
  private static long[] count(
      COSStream stream,
      COSDictionary resources,
      Map<COSStream, long[]> counted,
      int page,
      int depth)
      throws PdfBudgetExceededException {
    long[] known = counted.get(stream);
    if (known != null) {
      return known;
    }
    // A form that draws itself (directly or not) counts nothing the second time.
    counted.put(stream, new long[2]);
    long[] counts;
    try (InputStream in = decoded(stream, page)) {
      counts = new Scanner(in, resources, counted, page, depth).scan();
    } catch (IOException e) {
      // A content stream that cannot be read is left to the parser.
      counts = new long[2];
    }
    counted.put(stream, counts);
    return counts;
  }

  /**
   * The decoded content of a stream; a stream compressed with FlateDecode alone (the usual case) is
   * inflated as it is read. Any other chain of filters is decoded one filter at a time into
   * temporary files that may grow no larger than a page's content may be, so that its size never
   * matters here either.
   */
  private static InputStream decoded(COSStream stream, int page)
      throws IOException, PdfBudgetExceededException {
    List<COSName> filters = new PDStream(stream).getFilters();
    if (filters.isEmpty()) {
      return new BufferedInputStream(stream.createRawInputStream(), 64 * 1024);
    }
    if (filters.size() == 1
        && (COSName.FLATE_DECODE.equals(filters.get(0))
            || COSName.FLATE_DECODE_ABBREVIATION.equals(filters.get(0)))
        && stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP) == null) {
      return new BufferedInputStream(
          new InflaterInputStream(stream.createRawInputStream(), new Inflater(), 64 * 1024),
          64 * 1024);
    }
    Path current = null;
    try {
      for (int i = 0; i < filters.size(); i++) {
        Path next = Files.createTempFile("caseops-pdf-content", ".bin");
        try (InputStream in =
                current == null
                    ? stream.createRawInputStream()
                    : new BufferedInputStream(Files.newInputStream(current), 64 * 1024);
            OutputStream out = new Bounded(Files.newOutputStream(next))) {
          FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, out, stream, i);
        } catch (Bounded.Exceeded e) {
          Files.deleteIfExists(next);
          Budget.check(page, 0, MAX_PAGE_CONTENT_BYTES + 1);
        } catch (IOException | RuntimeException e) {
          Files.deleteIfExists(next);
          throw e;
        }
        if (current != null) {
          Files.deleteIfExists(current);
        }
        current = next;
      }
    } catch (IOException | RuntimeException | PdfBudgetExceededException e) {
      if (current != null) {
        Files.deleteIfExists(current);
      }
      throw e;
    }
    Path decoded = current;
    return new BufferedInputStream(Files.newInputStream(decoded), 64 * 1024) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          Files.deleteIfExists(decoded);
        }
      }
    };
  }

  /** An output stream that fails once more bytes are written than one page's content may have. */
  private static final class Bounded extends FilterOutputStream {
    private long written;

    Bounded(OutputStream out) {
      super(new BufferedOutputStream(out, 64 * 1024));
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count(len);
      out.write(b, off, len);
    }

    private void count(long n) throws Exceeded {
      written += n;
      if (written > MAX_PAGE_CONTENT_BYTES) {
        throw new Exceeded();
      }
    }

    static final class Exceeded extends IOException {
      private static final long serialVersionUID = 1L;
    }
  }

  /**
   * Reads a content stream's tokens one at a time, remembering only the length of the strings given
   * to the operator to come and the last name.
   */
  private static final class Scanner {
    private static final int MAX_TOKEN = 64;

    private final InputStream in;
    private final COSDictionary resources;
    private final Map<COSStream, long[]> counted;
    private final int page;
    private final int depth;
    private final StringBuilder token = new StringBuilder();
    private long characters;
    private long bytes;
    private long pending;
    private String lastName;

    Scanner(
        InputStream in,
        COSDictionary resources,
        Map<COSStream, long[]> counted,
        int page,
        int depth) {
      this.in = in;
      this.resources = resources;
      this.counted = counted;
      this.page = page;
      this.depth = depth;
    }

    long[] scan() throws IOException, PdfBudgetExceededException {
      int c = read();
      while (c != -1) {
        if (isWhite(c)) {
          c = read();
        } else if (c == '%') {
          while (c != -1 && c != '\n' && c != '\r') {
            c = read();
          }
        } else if (c == '(') {
          pending += literal();
          c = read();
        } else if (c == '<') {
          c = read();
          if (c == '<') {
            c = read();
          } else {
            long digits = 0;
            while (c != -1 && c != '>') {
              if (!isWhite(c)) {
                digits++;
              }
              c = read();
            }
            pending += (digits + 1) / 2;
            c = read();
          }
        } else if (c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == ')') {
          c = read();
        } else if (c == '/') {
          c = word(read());
          lastName = token.toString();
        } else {
          c = word(c);
          operator(token.toString());
          if ("ID".contentEquals(token)) {
            c = skipInlineImage(c);
          }
        }
      }
      return new long[] {characters, bytes};
    }

    private void operator(String word) throws PdfBudgetExceededException {
      if (word.isEmpty()) {
        return;
      }
      char first = word.charAt(0);
      if ((first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.') {
        return;
      }
      switch (word) {
        case "Tj", "TJ", "'", "\"" -> {
          characters += pending;
          Budget.check(page, characters, bytes);
        }
        case "Do" -> drawForm();
        default -> {}
      }
      pending = 0;
    }

    private void drawForm() throws PdfBudgetExceededException {
      if (lastName == null || resources == null || depth >= MAX_FORM_DEPTH) {
        return;
      }
      COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
      COSBase xobject =
          xobjects == null ? null : xobjects.getDictionaryObject(COSName.getPDFName(lastName));
      if (!(xobject instanceof COSStream form)
          || !COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))) {
        return;
      }
      COSDictionary own = form.getCOSDictionary(COSName.RESOURCES);
      long[] drawn = count(form, own == null ? resources : own, counted, page, depth + 1);
      characters += drawn[0];
      bytes += drawn[1];
      Budget.check(page, characters, bytes);
    }

    /** The bytes of a literal string, the opening parenthesis read. */
    private long literal() throws IOException, PdfBudgetExceededException {
      long length = 0;
      int nesting = 1;
      int c = read();
      while (c != -1) {
        if (c == '\\') {
          c = read();
          length++;
        } else if (c == '(') {
          nesting++;
          length++;
        } else if (c == ')') {
          if (--nesting == 0) {
            return length;
          }
          length++;
        } else {
          length++;
        }
        c = read();
      }
      return length;
    }

    /** Reads a regular word into {@link #token} (its first {@value #MAX_TOKEN} characters). */
    private int word(int c) throws IOException, PdfBudgetExceededException {
      token.setLength(0);
      while (c != -1 && !isWhite(c) && !isDelimiter(c)) {
        if (token.length() < MAX_TOKEN) {
          token.append((char) c);
        }
        c = read();
      }
      return c;
    }

    /** Skips an inline image's data, up to and with its EI operator. */
    private int skipInlineImage(int c) throws IOException, PdfBudgetExceededException {
      int before = c;
      c = read();
      while (c != -1) {
        if (c == 'E' && isWhite(before)) {
          int i = read();
          if (i == 'I') {
            int after = read();
            if (after == -1 || isWhite(after)) {
              return after;
            }
            before = after;
            c = read();
            continue;
          }
          before = i;
          c = i == -1 ? -1 : read();
          continue;
        }
        before = c;
        c = read();
      }
      return -1;
    }

    private int read() throws IOException, PdfBudgetExceededException {
      int c = in.read();
      if (c != -1 && ++bytes > MAX_PAGE_CONTENT_BYTES) {
        Budget.check(page, characters, bytes);
      }
      return c;
    }

    private static boolean isWhite(int c) {
      return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
    }

    private static boolean isDelimiter(int c) {
      return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{'
          || c == '}' || c == '/' || c == '%';
    }
  }
}
