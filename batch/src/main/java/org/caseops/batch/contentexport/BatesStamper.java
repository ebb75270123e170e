package org.caseops.batch.contentexport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Stamps production numbers into the footer of every page of a PDF: {@code <prefix><number>}, the
 * number zero-padded to eight digits, counting up from the first page, at the bottom right of the
 * page's crop box, over what the page shows.
 */
public final class BatesStamper {
  /** Digits of a production number. */
  public static final int DIGITS = 8;

  private BatesStamper() {}

  /** A stamped PDF, and the numbers of its first and last pages. */
  public record Stamped(byte[] pdf, long first, long last) {}

  /** The production number of one page. */
  public static String number(String prefix, long n) {
    return prefix + String.format(Locale.ROOT, "%0" + DIGITS + "d", n);
  }

  /** Stamps every page, numbering from {@code first}. */
  public static Stamped stamp(byte[] pdf, String prefix, long first) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      doc.setAllSecurityToBeRemoved(true);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      float size = 9;
      long n = first;
      for (PDPage page : doc.getPages()) {
        String text = number(prefix, n++);
        PDRectangle box = page.getCropBox();
        float width = font.getStringWidth(text) / 1000 * size;
        try (PDPageContentStream content =
            new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          content.beginText();
          content.setFont(font, size);
          content.newLineAtOffset(box.getUpperRightX() - width - 24, box.getLowerLeftY() + 14);
          content.showText(text);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return new Stamped(out.toByteArray(), first, n - 1);
    }
  }
}
