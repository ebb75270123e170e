package org.caseops.batch.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays text out as PDF pages with PDFBox, in the embedded Unicode font ({@link PdfFont}): a message
 * as its header block (From, To, Cc, Bcc, Sent, Subject), its body, the list of its attachments,
 * then each attachment's text as a section of its own starting on a new page; any other document as
 * its text under its name. Long lines wrap at spaces (or anywhere in a word longer than a line),
 * pages break when full, tabs become spaces, and control and format characters are left out. A
 * character the font has no glyph for is shown as a replacement mark and counted; it never fails
 * the rendering. A native PDF is kept as it is ({@link #keepNative}).
 *
 * <p>Not thread-safe: one renderer per thread; the font is parsed once per renderer.
 */
public final class PdfRenderer implements AutoCloseable {
  /**
   * The version of the layout: a rendition made by another version is not current and is made
   * again. Raise it whenever the output changes.
   */
  public static final int VERSION = 1;

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 50f;
  private static final float TEXT_SIZE = 10f;
  private static final float TITLE_SIZE = 14f;
  private static final float HEADING_SIZE = 12f;
  private static final float LINE_SPACING = 1.25f;
  private static final float LABEL_WIDTH = 76f;
  private static final int TAB_STOP = 4;
  private static final DateTimeFormatter SENT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final PdfFont font;
  private final boolean ownFont;

  /** A renderer with its own copy of the font. */
  public PdfRenderer() {
    this(PdfFont.load(), true);
  }

  /** A renderer with a font the caller owns (and closes). */
  public PdfRenderer(PdfFont font) {
    this(font, false);
  }

  private PdfRenderer(PdfFont font, boolean ownFont) {
    this.font = font;
    this.ownFont = ownFont;
  }

  /** A message: header block, body, attachment list, then each attachment's text. */
  public Rendition renderMessage(MailDocument m) throws IOException {
    return renderMessage(m, null);
  }

  /**
   * A message, as {@link #renderMessage(MailDocument)}; the same key (such as the SHA-256 of the
   * source) gives the same file identifier, so that the same source renders to the same bytes.
   */
  public Rendition renderMessage(MailDocument m, String key) throws IOException {
    String subject = blankTo(m.subject(), "(no subject)");
    try (Layout page = new Layout(subject, key)) {
      page.paragraph(subject, TITLE_SIZE, 0);
      page.gap(TEXT_SIZE * 0.5f);
      page.field("From:", m.from(), true);
      page.field("To:", m.to(), true);
      page.field("Cc:", m.cc(), false);
      page.field("Bcc:", m.bcc(), false);
      page.field("Sent:", m.sent() == null ? null : SENT.format(m.sent()), true);
      page.field("Subject:", m.subject(), true);
      List<MailDocument.Attachment> attachments = m.attachments();
      if (!attachments.isEmpty()) {
        page.field("Attachments:", String.valueOf(attachments.size()), true);
      }
      page.rule();
      page.paragraph(m.body() == null ? "" : m.body(), TEXT_SIZE, 0);
      if (!attachments.isEmpty()) {
        page.gap(TEXT_SIZE);
        page.paragraph("Attachments (" + attachments.size() + ")", HEADING_SIZE, 0);
        for (int i = 0; i < attachments.size(); i++) {
          MailDocument.Attachment a = attachments.get(i);
          page.paragraph(
              (i + 1) + ". " + attachmentName(a) + typeSuffix(a.contentType()), TEXT_SIZE, 12f);
        }
        for (int i = 0; i < attachments.size(); i++) {
          MailDocument.Attachment a = attachments.get(i);
          page.newPage();
          page.paragraph(
              "Attachment " + (i + 1) + " of " + attachments.size() + ": " + attachmentName(a),
              HEADING_SIZE,
              0);
          page.rule();
          page.paragraph(a.text() == null ? "" : a.text(), TEXT_SIZE, 0);
        }
      }
      return page.finish();
    }
  }

  /** A document's extracted text under its name. */
  public Rendition renderText(String title, String text) throws IOException {
    return renderText(title, text, null);
  }

  /** A document's text, with a key for its file identifier as in {@link #renderMessage}. */
  public Rendition renderText(String title, String text, String key) throws IOException {
    String name = blankTo(title, "(untitled)");
    try (Layout page = new Layout(name, key)) {
      page.paragraph(name, HEADING_SIZE, 0);
      page.rule();
      page.paragraph(text == null ? "" : text, TEXT_SIZE, 0);
      return page.finish();
    }
  }

  /**
   * A native PDF kept as it is: its own bytes, with its page count.
   *
   * @throws IOException when PDFBox cannot open it (corrupt, or protected by a password)
   */
  public static Rendition keepNative(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new Rendition(pdf, doc.getNumberOfPages(), 0);
    }
  }

  /** Whether the bytes start as a PDF file does. */
  public static boolean looksLikePdf(byte[] content) {
    int limit = Math.min(content.length - 5, 1024);
    for (int i = 0; i <= limit; i++) {
      if (content[i] == '%'
          && content[i + 1] == 'P'
          && content[i + 2] == 'D'
          && content[i + 3] == 'F'
          && content[i + 4] == '-') {
        return true;
      }
    }
    return false;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static String attachmentName(MailDocument.Attachment a) {
    return blankTo(a.name(), "(unnamed attachment)");
  }

  private static String typeSuffix(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return " (" + (semi < 0 ? contentType : contentType.substring(0, semi)).trim() + ")";
  }

  private static String blankTo(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.strip();
  }

  @Override
  public void close() throws IOException {
    if (ownFont) {
      font.close();
    }
  }

  /** One document being laid out, page by page. */
  private final class Layout implements AutoCloseable {
    private final PDDocument doc = new PDDocument();
    private final PDType0Font pdFont;
    private final float left = MARGIN;
    private final float width = PAGE.getWidth() - 2 * MARGIN;
    private final StringBuilder line = new StringBuilder(256);
    private final String key;
    private PDPageContentStream content;
    private float y;
    private float currentSize = -1;
    private int pages;
    private long replaced;

    Layout(String title, String key) throws IOException {
      this.key = key;
      pdFont = font.embedIn(doc);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(clean(title));
      info.setProducer("caseops");
      newPage();
    }

    void newPage() throws IOException {
      if (content != null) {
        content.endText();
        content.close();
      }
      PDPage page = new PDPage(PAGE);
      doc.addPage(page);
      content = new PDPageContentStream(doc, page);
      content.beginText();
      currentSize = -1;
      y = PAGE.getHeight() - MARGIN;
      pages++;
    }

    void gap(float height) {
      y -= height;
    }

    /** A thin line across the page under the text above, with some room around it. */
    void rule() throws IOException {
      gap(TEXT_SIZE * 0.4f);
      if (y - TEXT_SIZE < MARGIN) {
        newPage();
        return;
      }
      content.endText();
      content.setLineWidth(0.5f);
      content.moveTo(left, y);
      content.lineTo(left + width, y);
      content.stroke();
      content.beginText();
      currentSize = -1;
      gap(TEXT_SIZE * 0.8f);
    }

    /**
     * A header line: the label, and the value wrapped beside it; left out when optional and empty.
     */
    void field(String label, String value, boolean always) throws IOException {
      boolean empty = value == null || value.isBlank();
      if (empty && !always) {
        return;
      }
      float leading = TEXT_SIZE * LINE_SPACING;
      ensureRoom(leading);
      show(label, TEXT_SIZE, left, y);
      // The value's first line goes on the label's line.
      y += leading;
      paragraph(empty ? "" : value, TEXT_SIZE, LABEL_WIDTH);
    }

    /** Text wrapped to the width at the indent; each of its lines breaks a line. */
    void paragraph(String text, float size, float indent) throws IOException {
      float leading = size * LINE_SPACING;
      float max = width - indent;
      float scale = size / 1000f;
      float spaceWidth = font.width(' ') * scale;
      int column = 0;
      line.setLength(0);
      int lineStart = 0;
      float w = 0;
      int space = -1;
      float widthAtSpace = 0;
      int n = text.length();
      for (int i = 0; i <= n; ) {
        int cp;
        int step;
        if (i == n) {
          cp = '\n';
          step = 1;
        } else {
          cp = text.codePointAt(i);
          step = Character.charCount(cp);
        }
        i += step;
        if (cp == '\r') {
          if (i < n && text.charAt(i) == '\n') {
            continue;
          }
          cp = '\n';
        }
        if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C) {
          emit(line.substring(lineStart), size, indent, leading);
          line.setLength(0);
          lineStart = 0;
          w = 0;
          space = -1;
          column = 0;
          continue;
        }
        int count = 1;
        if (cp == '\t') {
          cp = ' ';
          count = TAB_STOP - (column % TAB_STOP);
        } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
          continue;
        }
        if (Character.isSpaceChar(cp)) {
          if (!font.hasGlyph(cp)) {
            cp = ' ';
          }
        } else if (Character.isSurrogate((char) cp) && cp < 0x10000 || !font.hasGlyph(cp)) {
          replaced++;
          cp = font.replacement();
        }
        float cw = font.width(cp) * scale;
        for (int k = 0; k < count; k++) {
          if (cp == ' ') {
            space = line.length();
            widthAtSpace = w;
          }
          while (w + cw > max && line.length() > lineStart) {
            if (space > lineStart) {
              // Break at the last space: what follows it starts the next line.
              emit(line.substring(lineStart, space), size, indent, leading);
              w = Math.max(0, w - widthAtSpace - spaceWidth);
              lineStart = space + 1;
            } else {
              // A word longer than the line: break it where it is.
              emit(line.substring(lineStart), size, indent, leading);
              lineStart = line.length();
              w = 0;
            }
            space = -1;
          }
          line.appendCodePoint(cp);
          w += cw;
          column++;
        }
      }
    }

    private void emit(String text, float size, float indent, float leading) throws IOException {
      ensureRoom(leading);
      if (!text.isEmpty()) {
        show(text, size, left + indent, y);
      }
    }

    /** Moves down one line, to a new page when this one is full. */
    private void ensureRoom(float leading) throws IOException {
      if (y - leading < MARGIN) {
        newPage();
      }
      y -= leading;
    }

    private void show(String text, float size, float x, float atY) throws IOException {
      if (size != currentSize) {
        content.setFont(pdFont, size);
        currentSize = size;
      }
      content.setTextMatrix(Matrix.getTranslateInstance(x, atY));
      content.showText(text);
    }

    /** Text fit for the document information: control characters left out. */
    private String clean(String text) {
      StringBuilder b = new StringBuilder(text.length());
      text.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
      return b.toString();
    }

    Rendition finish() throws IOException {
      content.endText();
      content.close();
      content = null;
      if (key != null) {
        // A file identifier of our own: without one PDFBox makes one from the clock.
        byte[] id = Arrays.copyOf(sha256(key + "/" + VERSION), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return new Rendition(out.toByteArray(), pages, replaced);
    }

    @Override
    public void close() throws IOException {
      if (content != null) {
        content.close();
      }
      doc.close();
    }
  }
}
