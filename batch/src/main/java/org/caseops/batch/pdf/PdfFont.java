package org.caseops.batch.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Unicode TrueType font the renditions embed: DejaVu Sans, from the {@code
 * net.sf.jasperreports:jasperreports-fonts} artifact (Latin, Greek, Cyrillic, Armenian, Georgian,
 * Hebrew, Arabic and many symbols; no CJK). It is parsed once and embedded as a subset of the
 * glyphs each document uses. It knows which characters it has a glyph for and how wide each is,
 * with a cache per code point. One instance is used by one thread at a time.
 */
public final class PdfFont implements AutoCloseable {
  /** Where the font is on the class path. */
  public static final String RESOURCE = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";

  private static final float UNKNOWN = Float.NaN;
  private static final float MISSING = -1f;

  private final TrueTypeFont ttf;
  private final CmapLookup cmap;
  private final float unitsPerEm;
  private final float[] bmpWidths = new float[0x10000];
  private final int replacement;

  private PdfFont(TrueTypeFont ttf) throws IOException {
    // No glyph substitution: PDFBox would apply Latin ligatures only (it has no Arabic shaping), at
    // a third of the rendering time, and text copied or searched from the PDF stays literal.
    ttf.setEnableGsub(false);
    this.ttf = ttf;
    this.cmap = ttf.getUnicodeCmapLookup();
    this.unitsPerEm = ttf.getUnitsPerEm();
    Arrays.fill(bmpWidths, UNKNOWN);
    this.replacement = hasGlyph(0xFFFD) ? 0xFFFD : '?';
  }

  /** Parses the font shipped on the class path. */
  public static PdfFont load() {
    try (InputStream in = PdfFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the font " + RESOURCE + " is not on the class path");
      }
      return new PdfFont(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())));
    } catch (IOException e) {
      throw new UncheckedIOException("the font " + RESOURCE + " cannot be read", e);
    }
  }

  /** The font as a subset-embedded Type 0 font of the document. */
  public PDType0Font embedIn(PDDocument document) throws IOException {
    return PDType0Font.load(document, ttf, true);
  }

  /** The code point shown for a character the font has no glyph for. */
  public int replacement() {
    return replacement;
  }

  /** Whether the font has a glyph for the code point. */
  public boolean hasGlyph(int codePoint) {
    return width(codePoint) >= 0;
  }

  /**
   * The advance width of the code point's glyph in text space units per 1000 of the font size; a
   * negative value when the font has no glyph for it.
   */
  public float width(int codePoint) {
    if (codePoint < bmpWidths.length) {
      float w = bmpWidths[codePoint];
      if (Float.isNaN(w)) {
        w = lookUp(codePoint);
        bmpWidths[codePoint] = w;
      }
      return w;
    }
    return lookUp(codePoint);
  }

  private float lookUp(int codePoint) {
    int gid = cmap.getGlyphId(codePoint);
    if (gid <= 0) {
      return MISSING;
    }
    try {
      return ttf.getAdvanceWidth(gid) * 1000f / unitsPerEm;
    } catch (IOException e) {
      return MISSING;
    }
  }

  @Override
  public void close() throws IOException {
    ttf.close();
  }
}
