package org.caseops.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Generated review-set files for the export and convertToPdf benchmarks, one at a time from a seed:
 * real-looking mail ({@link MailFactory}), or mostly already-compressed documents (JPEG photos, PDF
 * reports with a photo and pages of text, Word documents with a photo) with some mail among them.
 */
final class Natives {
  private Natives() {}

  /** {@code count} messages, as {@link MailFactory} writes them, with CRLF line ends. */
  static Iterator<ReviewSetFixture.Native> mail(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<MailFactory.Person>> people = MailFactory.people(random, 1);
    MailFactory factory = new MailFactory(random, people.get(0), people.get(1));
    factory.newMailbox();
    MailFactory.Person owner = people.get(0).get(0);
    return new Iterator<>() {
      int made;
      ZonedDateTime date = ZonedDateTime.of(2023, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC);

      @Override
      public boolean hasNext() {
        return made < count;
      }

      @Override
      public ReviewSetFixture.Native next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        made++;
        date = date.plusMinutes(37);
        MailFactory.Mail m = factory.next(owner, date, random.nextDouble() < 0.3);
        return message(made, m);
      }
    };
  }

  static ReviewSetFixture.Native message(int number, MailFactory.Mail m) {
    String text = m.text().replace("\n", "\r\n");
    String header = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
    return new ReviewSetFixture.Native(
        String.format(Locale.ROOT, "Inbox/%06d.eml", number),
        true,
        m.subject(),
        "message/rfc822",
        text.getBytes(StandardCharsets.UTF_8),
        m.subject(),
        field(header, "From"),
        field(header, "To"),
        field(header, "Cc"),
        m.date().toInstant());
  }

  private static String field(String header, String name) {
    String prefix = name + ": ";
    for (String line : header.split("\r\n")) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    return null;
  }

  /**
   * {@code count} files, about 90% already compressed: JPEG photos, PDF reports (a photo and two to
   * five pages of text, content streams deflated) and Word documents (a photo and text), in turn;
   * every tenth a message.
   */
  static Iterator<ReviewSetFixture.Native> compressed(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    Iterator<ReviewSetFixture.Native> mail = mail(seed + 1, count);
    return new Iterator<>() {
      int made;

      @Override
      public boolean hasNext() {
        return made < count;
      }

      @Override
      public ReviewSetFixture.Native next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        made++;
        try {
          return switch (made % 10 == 0 ? 3 : made % 3) {
            case 0 -> document(made, "jpg", "image/jpeg", jpeg(random));
            case 1 -> document(made, "pdf", "application/pdf", pdf(random, "Site report " + made));
            case 2 ->
                document(
                    made,
                    "docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx(random, "Minutes of meeting " + made));
            default -> mail.next();
          };
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static ReviewSetFixture.Native document(
      int number, String extension, String contentType, byte[] bytes) {
    String name = String.format(Locale.ROOT, "file-%06d.%s", number, extension);
    return new ReviewSetFixture.Native(
        "Shared Documents/" + name,
        false,
        name,
        contentType,
        bytes,
        null,
        null,
        null,
        null,
        Instant.parse("2024-03-01T10:00:00Z"));
  }

  /** A photo-like JPEG (gradients, shapes and sensor noise), 640 to 1,024 pixels wide. */
  static byte[] jpeg(SplittableRandom random) throws IOException {
    int w = 640 + random.nextInt(385);
    int h = w * 3 / 4;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int r0 = random.nextInt(256);
    int g0 = random.nextInt(256);
    int b0 = random.nextInt(256);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int noise = random.nextInt(41) - 20;
        int r = clamp(r0 + x * 128 / w + noise);
        int g = clamp(g0 + y * 128 / h + noise);
        int b = clamp(b0 + ((x ^ y) & 63) + noise);
        row[x] = (r << 16) | (g << 8) | b;
      }
      image.setRGB(0, y, w, 1, row, 0, w);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static String paragraph(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    int words = 60 + random.nextInt(80);
    for (int i = 0; i < words; i++) {
      List<String> pool = Vocabulary.WORDS;
      b.append(i == 0 ? "" : " ").append(pool.get(random.nextInt(pool.size())));
    }
    return b.append('.').toString();
  }

  /** A report: a photo on the first page, then two to five pages of text; streams deflated. */
  static byte[] pdf(SplittableRandom random, String title) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDPage first = new PDPage(PDRectangle.A4);
      doc.addPage(first);
      PDImageXObject photo = JPEGFactory.createFromByteArray(doc, jpeg(random));
      try (PDPageContentStream content = new PDPageContentStream(doc, first)) {
        content.beginText();
        content.setFont(font, 16);
        content.newLineAtOffset(50, 790);
        content.showText(title);
        content.endText();
        content.drawImage(photo, 50, 340, 495, 495f * photo.getHeight() / photo.getWidth());
      }
      int pages = 2 + random.nextInt(4);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(12.5f);
          content.newLineAtOffset(50, 790);
          for (int line = 0; line < 60; line++) {
            String text = paragraph(random);
            content.showText(text.substring(0, Math.min(95, text.length())));
            content.newLine();
          }
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A Word document (Office Open XML) with a photo and some pages of text. */
  static byte[] docx(SplittableRandom random, String title) throws IOException {
    StringBuilder body = new StringBuilder();
    body.append("<w:p><w:r><w:t>").append(title).append("</w:t></w:r></w:p>");
    int paragraphs = 20 + random.nextInt(60);
    for (int i = 0; i < paragraphs; i++) {
      body.append("<w:p><w:r><w:t>").append(paragraph(random)).append("</w:t></w:r></w:p>");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/><Override"
              + " PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
              + " Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
              + " Target=\"word/document.xml\"/></Relationships>");
      entry(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
              + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
              + body
              + "</w:body></w:document>");
      zip.putNextEntry(new ZipEntry("word/media/image1.jpeg"));
      zip.write(jpeg(random));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
