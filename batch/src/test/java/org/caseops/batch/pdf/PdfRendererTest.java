package org.caseops.batch.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseops.batch.testing.Evidence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The renderer, read back with PDFBox's text stripper. */
class PdfRendererTest {
  private static PdfRenderer renderer;

  @BeforeAll
  static void open() {
    renderer = new PdfRenderer();
  }

  @AfterAll
  static void close() throws IOException {
    renderer.close();
  }

  @Test
  void aMessageShowsItsHeaderBlockBodyAttachmentListAndEachAttachmentsText() throws Exception {
    MailDocument mail =
        new MailDocument(
            "Q3 budget review",
            "Ann Lee <ann@contoso.com>",
            "Bob Roe <bob@fabrikam.com>",
            "carol@contoso.com",
            "dan@contoso.com",
            Instant.parse("2024-03-05T09:30:00Z"),
            "Please find the numbers attached.\n\tIndented with a tab.",
            List.of(
                new MailDocument.Attachment("numbers.txt", "text/plain", "Revenue 1,234,567"),
                new MailDocument.Attachment("notes.docx", null, "Walrus sightings rose")));

    Rendition r = renderer.renderMessage(mail);

    assertThat(r.pages()).isEqualTo(3);
    assertThat(r.replacedCharacters()).isZero();
    String text = text(r.pdf());
    assertThat(text)
        .contains("Q3 budget review")
        .contains("From:")
        .contains("Ann Lee <ann@contoso.com>")
        .contains("To:")
        .contains("Bob Roe <bob@fabrikam.com>")
        .contains("Cc:")
        .contains("carol@contoso.com")
        .contains("Bcc:")
        .contains("dan@contoso.com")
        .contains("Sent:")
        .contains("2024-03-05 09:30:00 UTC")
        .contains("Subject:")
        .contains("Please find the numbers attached.")
        .contains("Indented with a tab.")
        .contains("1. numbers.txt (text/plain)")
        .contains("2. notes.docx")
        .contains("Attachment 1 of 2: numbers.txt")
        .contains("Revenue 1,234,567")
        .contains("Attachment 2 of 2: notes.docx")
        .contains("Walrus sightings rose");
    assertThat(text.indexOf("Please find")).isLessThan(text.indexOf("Revenue 1,234,567"));
    try (PDDocument doc = Loader.loadPDF(r.pdf())) {
      PDFont font =
          doc.getPage(0)
              .getResources()
              .getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).contains("DejaVuSans");
      assertThat(font.isEmbedded()).isTrue();
    }
  }

  @Test
  void longTextWrapsAndBreaksPagesWithoutLosingAWord() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      b.append("word").append(i).append(i % 17 == 0 ? "\n" : " ");
    }
    b.append("x".repeat(500));
    Rendition r = renderer.renderText("long.txt", b.toString());
    assertThat(r.pages()).isGreaterThan(3);
    String text = text(r.pdf());
    assertThat(text).contains("word0").contains("word1234").contains("word2999");
    assertThat(text.replaceAll("\\s", "")).contains("x".repeat(500));
  }

  @Test
  void nonLatinScriptsRenderOrAreCountedAsReplacedAndControlsAreDropped() throws Exception {
    String greek = "Καλημέρα κόσμε";
    String cyrillic = "Привет, мир";
    String arabic = "مرحبا بالعالم";
    String cjk = "你好世界";
    String controls = "bell\u0007 nul\u0000 esc\u001B zero\u200Bwidth lone\uD800 done";
    Rendition r =
        renderer.renderText(
            "scripts.txt",
            String.join("\n", greek, cyrillic, arabic, cjk, controls, "\f next page"));

    String text = text(r.pdf());
    assertThat(text).contains(greek).contains(cyrillic).contains("bell nul esc zerowidth");
    // DejaVu Sans has Arabic glyphs but no CJK ones: those four characters and the lone surrogate
    // are shown as replacement marks and counted.
    assertThat(r.replacedCharacters()).isEqualTo(cjk.length() + 1);
    assertThat(text).contains("\uFFFD");
  }

  @Test
  void aNativePdfIsKeptByteForByteAndACorruptOneIsRefused() throws Exception {
    byte[] pdf = Evidence.pdf("Native walrus report", null);
    Rendition r = PdfRenderer.keepNative(pdf);
    assertThat(r.pdf()).isSameAs(pdf).isEqualTo(pdf);
    assertThat(r.pages()).isEqualTo(1);
    assertThat(PdfRenderer.looksLikePdf(pdf)).isTrue();
    assertThat(PdfRenderer.looksLikePdf("hello".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThatThrownBy(
            () -> PdfRenderer.keepNative("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aMessageIsReadFromItsBytesWithItsAttachmentApart() throws Exception {
    RenditionSources sources = new RenditionSources();
    String eml =
        Evidence.messageWithAttachment(
            "Ann Lee <ann@contoso.com>",
            "bob@fabrikam.com",
            "Shipment Ωμέγα",
            "Tue, 05 Mar 2024 09:30:00 +0000",
            "<m1@contoso.com>",
            "The body says hello.",
            "manifest.txt",
            "text/plain",
            "Crates of walrus ivory".getBytes(StandardCharsets.UTF_8));
    MailDocument mail = sources.message(eml.getBytes(StandardCharsets.UTF_8), 100_000);
    assertThat(mail.subject()).isEqualTo("Shipment Ωμέγα");
    assertThat(mail.from()).contains("ann@contoso.com");
    assertThat(mail.to()).contains("bob@fabrikam.com");
    assertThat(mail.sent()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
    assertThat(mail.body()).contains("The body says hello.").doesNotContain("walrus ivory");
    assertThat(mail.attachments()).hasSize(1);
    assertThat(mail.attachments().get(0).name()).isEqualTo("manifest.txt");
    assertThat(mail.attachments().get(0).text()).contains("Crates of walrus ivory");

    String text = text(renderer.renderMessage(mail).pdf());
    assertThat(text).contains("Shipment Ωμέγα").contains("manifest.txt").contains("walrus ivory");
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
