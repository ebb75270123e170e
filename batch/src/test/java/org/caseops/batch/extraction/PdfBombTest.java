package org.caseops.batch.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import org.caseops.batch.pdf.RenditionSources;
import org.caseops.batch.testing.Evidence;
import org.junit.jupiter.api.Test;

/**
 * A PDF whose page content inflates to far more text than a server can hold while extracting it is
 * refused with a reason instead of exhausting the heap; ordinary PDFs are read as before.
 */
class PdfBombTest {
  private static final String TEXT_OPERATOR = "BT /F1 12 Tf 72 712 Td (bomb) Tj ET\n";

  private final TextExtractor extractor = new TextExtractor();

  @Test
  void aPageShowingMillionsOfCharactersIsNotIndexedAndSaysWhy() throws IOException {
    byte[] bomb = pdf(repeated(TEXT_OPERATOR, 100L * 1024 * 1024), null);
    assertThat(bomb.length).isLessThan(1024 * 1024);

    Extraction e = extractor.extract(bomb, "bomb.pdf", false, 100_000);

    assertThat(e.indexed()).isFalse();
    assertThat(e.unindexedReason())
        .isEqualTo(
            "too large: PDF page 1 shows more than 1,000,000 characters, the most one page may"
                + " show");
  }

  @Test
  void aFormDrawnThousandsOfTimesCountsEachTimeItIsDrawn() throws IOException {
    String form = "BT /F1 12 Tf 72 712 Td (" + "x".repeat(1000) + ") Tj ET\n";
    byte[] bomb = pdf(repeated("/Fx Do\n", 7L * 2000), form);

    Extraction e = extractor.extract(bomb, "forms.pdf", false, 100_000);

    assertThat(e.indexed()).isFalse();
    assertThat(e.unindexedReason())
        .startsWith("too large: PDF page 1 shows more than 1,000,000 characters");
  }

  @Test
  void aPageWhoseContentDecodesToMoreThanTheBudgetIsNotIndexed() throws IOException {
    byte[] bomb = pdf(repeated("0 0 m 1 1 l S\n", 70L * 1024 * 1024), null);

    Extraction e = extractor.extract(bomb, "drawing.pdf", false, 100_000);

    assertThat(e.indexed()).isFalse();
    assertThat(e.unindexedReason())
        .isEqualTo(
            "too large: PDF page 1 has more than 67,108,864 bytes of content, the most one page"
                + " may have");
  }

  @Test
  void aBombBehindAChainOfFiltersIsDecodedNoFurtherThanTheBudget() throws IOException {
    byte[] flate = repeated(TEXT_OPERATOR, 100L * 1024 * 1024);
    byte[] hex = (HexFormat.of().formatHex(flate) + ">").getBytes(StandardCharsets.US_ASCII);
    byte[] bomb = pdf(hex, "[/ASCIIHexDecode /FlateDecode]", null);

    Extraction e = extractor.extract(bomb, "chain.pdf", false, 100_000);

    assertThat(e.indexed()).isFalse();
    assertThat(e.unindexedReason())
        .isEqualTo(
            "too large: PDF page 1 has more than 67,108,864 bytes of content, the most one page"
                + " may have");

    byte[] smaller = repeated(TEXT_OPERATOR, 20L * 1024 * 1024);
    byte[] text =
        pdf(
            (HexFormat.of().formatHex(smaller) + ">").getBytes(StandardCharsets.US_ASCII),
            "[/ASCIIHexDecode /FlateDecode]",
            null);
    assertThat(extractor.extract(text, "chain.pdf", false, 100_000).unindexedReason())
        .startsWith("too large: PDF page 1 shows more than 1,000,000 characters");

    byte[] ordinary =
        pdf(
            (HexFormat.of()
                        .formatHex(
                            "BT /F1 12 Tf 72 700 Td (Harbour seal) Tj ET"
                                .getBytes(StandardCharsets.US_ASCII))
                    + ">")
                .getBytes(StandardCharsets.US_ASCII),
            "/ASCIIHexDecode",
            null);
    Extraction read = extractor.extract(ordinary, "seal.pdf", false, 100_000);
    assertThat(read.indexed()).isTrue();
    assertThat(read.text()).contains("Harbour seal");
  }

  @Test
  void aBombAttachedToAMessageLeavesTheMessageIndexed() throws IOException {
    byte[] bomb = pdf(repeated(TEXT_OPERATOR, 100L * 1024 * 1024), null);
    String message =
        Evidence.messageWithAttachment(
            "ann@contoso.com",
            "bob@contoso.com",
            "Quarterly walrus",
            "Tue, 06 Jan 2026 11:00:00 +0000",
            "<bomb@contoso.com>",
            "See the attached report.",
            "bomb.pdf",
            "application/pdf",
            bomb);

    Extraction e =
        extractor.extract(message.getBytes(StandardCharsets.US_ASCII), "m.eml", true, 100_000);

    assertThat(e.indexed()).isTrue();
    assertThat(e.text()).contains("See the attached report.").doesNotContain("bombbomb");
    assertThat(e.attachmentCount()).isEqualTo(1);
  }

  @Test
  void aRenditionOfABombFailsWithTheReason() throws IOException {
    byte[] bomb = pdf(repeated(TEXT_OPERATOR, 100L * 1024 * 1024), null);

    assertThatThrownBy(() -> new RenditionSources().documentText(bomb, "bomb.pdf", 100_000))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("PDF page 1 shows more than 1,000,000 characters");
  }

  @Test
  void ordinaryPdfsAreReadAsBefore() throws IOException {
    Extraction e = extractor.extract(Evidence.pdf("The walrus budget", null), "r.pdf", false, 1000);
    assertThat(e.indexed()).isTrue();
    assertThat(e.contentType()).isEqualTo("application/pdf");
    assertThat(e.text()).contains("The walrus budget");

    String message =
        Evidence.messageWithAttachment(
            "ann@contoso.com",
            "bob@contoso.com",
            "Report",
            "Tue, 06 Jan 2026 11:00:00 +0000",
            "<report@contoso.com>",
            "See the attached report.",
            "report.pdf",
            "application/pdf",
            Evidence.pdf("The attached walrus census", null));
    Extraction mail =
        extractor.extract(message.getBytes(StandardCharsets.US_ASCII), "m.eml", true, 100_000);
    assertThat(mail.indexed()).isTrue();
    assertThat(mail.text()).contains("The attached walrus census");

    // Text, strings that are not shown, an inline image and a form, all within the budget.
    String content =
        "q BI /W 2 /H 1 /BPC 8 /CS /G ID \u0001(\u0002 EI Q\n"
            + "/Span <</ActualText (ignored)>> BDC EMC\n"
            + "BT /F1 12 Tf 72 700 Td [(Sea) -20 (lion)] TJ 0 -14 Td (otter) ' ET\n"
            + "/Fx Do\n";
    Extraction page =
        extractor.extract(
            pdf(content, "BT /F1 12 Tf 72 600 Td (kelp) Tj ET"), "p.pdf", false, 1000);
    assertThat(page.indexed()).isTrue();
    assertThat(page.text()).contains("Sea").contains("lion").contains("otter").contains("kelp");
  }

  /** The text repeated to at least this many bytes, compressed with FlateDecode. */
  private static byte[] repeated(String text, long bytes) {
    byte[] one = text.getBytes(StandardCharsets.US_ASCII);
    int times = (int) ((bytes + one.length - 1) / one.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    byte[] chunk = new byte[one.length * 4096];
    for (int i = 0; i < 4096; i++) {
      System.arraycopy(one, 0, chunk, i * one.length, one.length);
    }
    byte[] buffer = new byte[64 * 1024];
    for (int done = 0; done < times; done += 4096) {
      int n = Math.min(4096, times - done);
      deflater.setInput(chunk, 0, n * one.length);
      while (!deflater.needsInput()) {
        int len = deflater.deflate(buffer);
        out.write(buffer, 0, len);
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      int len = deflater.deflate(buffer);
      out.write(buffer, 0, len);
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A PDF whose page content is already compressed with FlateDecode. */
  private static byte[] pdf(byte[] flateContent, String form) throws IOException {
    return pdf(flateContent, "/FlateDecode", form);
  }

  private static byte[] pdf(String plainContent, String form) throws IOException {
    return pdf(plainContent.getBytes(StandardCharsets.ISO_8859_1), null, form);
  }

  /**
   * A one-page PDF written byte by byte: its content stream (encoded with the filter, if any), the
   * Helvetica font as F1 and, when given, a form Fx with that content.
   */
  private static byte[] pdf(byte[] content, String filter, String form) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    String resources =
        "/Resources << /Font << /F1 4 0 R >>"
            + (form == null ? "" : " /XObject << /Fx 6 0 R >>")
            + " >>";
    offsets.add(out.size());
    write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    offsets.add(out.size());
    write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    offsets.add(out.size());
    write(
        out,
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            + resources
            + " /Contents 5 0 R >>\nendobj\n");
    offsets.add(out.size());
    write(
        out,
        "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
            + " >>\nendobj\n");
    offsets.add(out.size());
    write(
        out,
        "5 0 obj\n<< /Length "
            + content.length
            + (filter == null ? "" : " /Filter " + filter)
            + " >>\nstream\n");
    out.write(content);
    write(out, "\nendstream\nendobj\n");
    if (form != null) {
      offsets.add(out.size());
      byte[] formBytes = form.getBytes(StandardCharsets.ISO_8859_1);
      write(
          out,
          "6 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font <<"
              + " /F1 4 0 R >> >> /Length "
              + formBytes.length
              + " >>\nstream\n");
      out.write(formBytes);
      write(out, "\nendstream\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table
        .append("trailer\n<< /Size ")
        .append(offsets.size() + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
