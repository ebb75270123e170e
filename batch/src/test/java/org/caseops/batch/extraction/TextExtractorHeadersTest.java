package org.caseops.batch.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The header fields of a message read from its header block alone, as the full reading gives them.
 */
class TextExtractorHeadersTest {
  private final TextExtractor extractor = new TextExtractor();

  private static final String MULTIPART =
      "From: Ann Lee <ann@contoso.com>\r\n"
          + "To: bob@fabrikam.com, \"Carol, Legal\" <carol@contoso.com>\r\n"
          + "Cc: dave@contoso.com\r\n"
          + "Bcc: Secret Keeper <secret@contoso.com>, audit@contoso.com\r\n"
          + "Subject: =?UTF-8?B?"
          + java.util.Base64.getEncoder()
              .encodeToString("Бюджет 予算".getBytes(StandardCharsets.UTF_8))
          + "?=\r\n"
          + "Date: Tue, 06 Jan 2026 11:00:00 +0000\r\n"
          + "Message-ID: <m2@contoso.com>\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
          + "\r\n"
          + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe walrus budget.\r\n"
          + "--b1\r\nContent-Type: text/csv; name=\"a.csv\"\r\n"
          + "Content-Disposition: attachment; filename=\"a.csv\"\r\n\r\na,b\r\n1,2\r\n"
          + "--b1--\r\n";

  @Test
  void aMultipartMessagesHeadersAreReadAsTheFullReadingReadsThem() {
    byte[] message = MULTIPART.getBytes(StandardCharsets.UTF_8);
    Extraction full = extractor.extract(message, "m.eml", true, 100_000);
    Extraction headers = extractor.headers(message, "m.eml");

    assertThat(full.bcc()).contains("secret@contoso.com").contains("audit@contoso.com");
    assertThat(headers.bcc()).isEqualTo(full.bcc());
    assertThat(headers.from()).isEqualTo(full.from());
    assertThat(headers.to()).isEqualTo(full.to());
    assertThat(headers.cc()).isEqualTo(full.cc());
    assertThat(headers.subject()).isEqualTo("Бюджет 予算").isEqualTo(full.subject());
    assertThat(headers.sent()).isEqualTo(full.sent());
    assertThat(headers.text()).doesNotContain("walrus");
    assertThat(headers.attachmentCount()).isZero();
  }

  @Test
  void bareLineFeedsAndAMessageWithoutABodyWork() {
    byte[] lf = MULTIPART.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(extractor.headers(lf, "m.eml").bcc()).contains("audit@contoso.com");
    byte[] noBody =
        "From: a@contoso.com\r\nBcc: b@contoso.com\r\nSubject: x\r\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(TextExtractor.headerEnd(noBody)).isEqualTo(-1);
    assertThat(extractor.headers(noBody, "m.eml").bcc()).contains("b@contoso.com");
  }

  @Test
  void bccIsReadOnlyFromAHeaderFieldAndIsNullWithoutOne() {
    byte[] message = MULTIPART.getBytes(StandardCharsets.UTF_8);
    assertThat(extractor.bcc(message, "m.eml"))
        .isEqualTo(extractor.extract(message, "m.eml", true, 100_000).bcc());
    byte[] lowerCase = MULTIPART.replace("Bcc:", "bcc:").getBytes(StandardCharsets.UTF_8);
    assertThat(extractor.bcc(lowerCase, "m.eml")).contains("audit@contoso.com");
    byte[] without =
        MULTIPART
            .replace("Bcc: Secret Keeper <secret@contoso.com>, audit@contoso.com\r\n", "")
            .replace("The walrus budget.", "Bcc: not a header, in the body.")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(extractor.bcc(without, "m.eml")).isNull();
    assertThat(extractor.extract(without, "m.eml", true, 100_000).bcc()).isNull();
  }

  @Test
  void theHeaderBlockEndsAtTheFirstEmptyLine() {
    assertThat(
            TextExtractor.headerEnd("A: b\r\n\r\nbody\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(4);
    assertThat(TextExtractor.headerEnd("A: b\n\nbody".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(4);
  }
}
