package org.caseops.batch.contentexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseops.batch.testing.Evidence;
import org.junit.jupiter.api.Test;

class BatesStamperTest {
  @Test
  void everyPageCarriesItsNumberInTheFooter() throws Exception {
    byte[] pdf;
    try (PDDocument doc = Loader.loadPDF(Evidence.pdf("Lease of the walrus", null))) {
      doc.addPage(new PDPage());
      doc.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }

    BatesStamper.Stamped stamped = BatesStamper.stamp(pdf, "CV118-", 41);

    assertThat(stamped.first()).isEqualTo(41);
    assertThat(stamped.last()).isEqualTo(43);
    try (PDDocument doc = Loader.loadPDF(stamped.pdf())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(3);
      PDFTextStripper text = new PDFTextStripper();
      for (int page = 1; page <= 3; page++) {
        text.setStartPage(page);
        text.setEndPage(page);
        String shown = text.getText(doc);
        assertThat(shown).contains(BatesStamper.number("CV118-", 40 + page));
        if (page == 1) {
          assertThat(shown).contains("Lease of the walrus");
        }
      }
    }
    assertThat(BatesStamper.number("X", 7)).isEqualTo("X00000007");
  }
}
