package org.caseops.batch.pdf;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.caseops.batch.extraction.PdfBudgetParser;
import org.xml.sax.ContentHandler;

/**
 * Reads what a rendition shows from a file's stored bytes, with Apache Tika: a message's header
 * fields, body and attachments (each attachment's text apart, with what it embeds in turn), or a
 * document's text. One auto-detecting parser is shared (it is thread-safe and costly to build); a
 * PDF whose pages would take more memory to read than a server has is refused before it is parsed
 * ({@link PdfBudgetParser}), wherever it is found.
 */
@ApplicationScoped
public class RenditionSources {
  private final AutoDetectParser autoDetect = new AutoDetectParser();
  private final Parser parser = new PdfBudgetParser(autoDetect, autoDetect.getDetector());
  private final Parser messageParser = new RFC822Parser();

  /**
   * The message in these bytes (RFC 822).
   *
   * @param textLimit the most characters kept of the body and of each attachment's text
   * @throws IOException when the message cannot be parsed
   */
  public MailDocument message(byte[] content, int textLimit) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, "message/rfc822");
    StringWriter body = new StringWriter();
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    Attachments attachments = new Attachments(textLimit);
    context.set(EmbeddedDocumentExtractor.class, attachments);
    try (InputStream in = TikaInputStream.get(content)) {
      messageParser.parse(
          in,
          new BodyContentHandler(new WriteOutContentHandler(body, textLimit)),
          metadata,
          context);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new IOException("the message cannot be read: " + describe(e), e);
      }
    }
    Date sent = metadata.getDate(TikaCoreProperties.CREATED);
    return new MailDocument(
        first(metadata, TikaCoreProperties.TITLE.getName(), TikaCoreProperties.SUBJECT.getName()),
        joined(metadata, Message.MESSAGE_FROM),
        joined(metadata, Message.MESSAGE_TO),
        joined(metadata, Message.MESSAGE_CC),
        joined(metadata, Message.MESSAGE_BCC),
        sent == null ? null : sent.toInstant(),
        body.toString(),
        attachments.found);
  }

  /**
   * The text of a document (anything but a message).
   *
   * @throws IOException when the document cannot be parsed, or no parser reads its type
   */
  public String documentText(byte[] content, String fileName, int textLimit) throws IOException {
    Metadata metadata = new Metadata();
    if (fileName != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    }
    String text = parse(content, metadata, textLimit);
    String[] parsers = metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    if (parsers.length == 0 || parsers[parsers.length - 1].endsWith(".EmptyParser")) {
      throw new IOException(
          "no text can be read from its type (" + metadata.get(Metadata.CONTENT_TYPE) + ")");
    }
    return text;
  }

  private String parse(byte[] content, Metadata metadata, int textLimit) throws IOException {
    StringWriter text = new StringWriter();
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    try (InputStream in = TikaInputStream.get(content)) {
      parser.parse(
          in,
          new BodyContentHandler(new WriteOutContentHandler(text, textLimit)),
          metadata,
          context);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw new IOException(describe(e), e);
      }
    }
    return text.toString();
  }

  private static String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() <= 200 ? line : line.substring(0, 200);
      }
    }
    return error.getClass().getSimpleName();
  }

  private static String first(Metadata metadata, String... names) {
    for (String name : names) {
      String value = metadata.get(name);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static String joined(Metadata metadata, String name) {
    String[] values = metadata.getValues(name);
    return values.length == 0 ? null : String.join(", ", values);
  }

  /**
   * Takes the message's own attachments out of its text: each is parsed apart (with whatever it
   * embeds) and kept with its name; one that cannot be parsed keeps a note saying why.
   */
  private final class Attachments implements EmbeddedDocumentExtractor {
    private final int textLimit;
    final List<MailDocument.Attachment> found = new ArrayList<>();

    Attachments(int textLimit) {
      this.textLimit = textLimit;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return true;
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
      String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
      String type = metadata.get(Metadata.CONTENT_TYPE);
      String text;
      try {
        byte[] bytes = stream.readAllBytes();
        Metadata own = new Metadata();
        if (name != null) {
          own.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        if (type != null) {
          own.set(Metadata.CONTENT_TYPE, type);
        }
        text = parse(bytes, own, textLimit);
        if (type == null) {
          type = own.get(Metadata.CONTENT_TYPE);
        }
      } catch (IOException | RuntimeException e) {
        text = "(No text could be read from this attachment: " + describe(e) + ")";
      }
      found.add(new MailDocument.Attachment(name, type, text));
    }
  }
}
