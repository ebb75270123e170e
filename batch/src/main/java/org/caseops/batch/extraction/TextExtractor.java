package org.caseops.batch.extraction;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
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
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts text and metadata with Apache Tika. One auto-detecting parser is shared by every job (it
 * is thread-safe and costly to build); it is also put in each parse context, so that attachments
 * and embedded documents are parsed and their text is counted with the item that holds them.
 * Messages are parsed as RFC 822. A PDF whose pages would take more memory to extract than a server
 * has is refused before it is parsed ({@link PdfBudgetParser}), wherever it is found.
 */
@ApplicationScoped
public class TextExtractor {
  private static final String MESSAGE_ID_HEADER = Message.MESSAGE_RAW_HEADER_PREFIX + "Message-ID";

  private final AutoDetectParser autoDetect = new AutoDetectParser();
  private final Parser parser = new PdfBudgetParser(autoDetect, autoDetect.getDetector());
  private final Parser messageParser = new RFC822Parser();

  /**
   * Extracts one item held in memory.
   *
   * @param message whether the bytes are an RFC 822 message (a mail file or a message split from an
   *     mbox)
   * @param textLimit the most characters of text kept; longer text is cut there and the item stays
   *     indexed
   */
  public Extraction extract(byte[] content, String fileName, boolean message, int textLimit) {
    if (content.length == 0) {
      return Extraction.unindexed(UnindexedReasons.empty(), null);
    }
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    if (message) {
      metadata.set(Metadata.CONTENT_TYPE, "message/rfc822");
    }
    StringWriter text = new StringWriter();
    ContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(text, textLimit));
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    AttachmentCounter attachments =
        new AttachmentCounter(new ParsingEmbeddedDocumentExtractor(context));
    context.set(EmbeddedDocumentExtractor.class, attachments);
    boolean truncated = false;
    try (InputStream in = TikaInputStream.get(content)) {
      (message ? messageParser : parser).parse(in, handler, metadata, context);
    } catch (Exception | LinkageError | StackOverflowError e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        return Extraction.unindexed(reasonFor(e, metadata), contentType(metadata));
      }
    }
    String contentType = contentType(metadata);
    if (!message && parsedByNothing(metadata)) {
      return Extraction.unindexed(UnindexedReasons.unsupported(contentType), contentType);
    }
    return new Extraction(
        true,
        null,
        contentType,
        text.toString(),
        truncated,
        metadata.get(TikaCoreProperties.TITLE),
        first(metadata, TikaCoreProperties.TITLE.getName(), TikaCoreProperties.SUBJECT.getName()),
        joined(metadata, Message.MESSAGE_FROM),
        joined(metadata, Message.MESSAGE_TO),
        joined(metadata, Message.MESSAGE_CC),
        joined(metadata, Message.MESSAGE_BCC),
        instant(metadata.getDate(TikaCoreProperties.CREATED)),
        header(metadata, MESSAGE_ID_HEADER),
        attachments.count());
  }

  /**
   * The header fields of an RFC 822 message (from, to, cc, bcc, subject, sent, Message-ID), read as
   * {@link #extract} reads them but from the header block alone: the body and attachments are
   * neither parsed nor counted, so it costs a fraction of a full extraction. Falls back to the full
   * extraction when the header block alone cannot be read.
   */
  public Extraction headers(byte[] message, String fileName) {
    int end = headerEnd(message);
    if (end < 0) {
      return extract(message, fileName, true, HEADER_TEXT_LIMIT);
    }
    byte[] header = new byte[end + 4];
    System.arraycopy(message, 0, header, 0, end);
    header[end] = '\r';
    header[end + 1] = '\n';
    header[end + 2] = '\r';
    header[end + 3] = '\n';
    Extraction e = extract(header, fileName, true, HEADER_TEXT_LIMIT);
    return e.indexed() ? e : extract(message, fileName, true, HEADER_TEXT_LIMIT);
  }

  /**
   * A message's Bcc as {@link #extract} gives it, or null when its header block has no Bcc field;
   * only a message that has one is parsed ({@link #headers}), so asking costs next to nothing for
   * most mail.
   */
  public String bcc(byte[] message, String fileName) {
    return hasBccField(message) ? headers(message, fileName).bcc() : null;
  }

  /**
   * Whether the message's header block has a Bcc field: what {@link #bcc} looks for before it
   * parses anything, for a caller that asks for most messages without one (no extractor needed).
   */
  public static boolean hasBccField(byte[] message) {
    int end = headerEnd(message);
    int limit = end < 0 ? message.length : end;
    for (int i = 0; i + 4 <= limit; i++) {
      if ((i == 0 || message[i - 1] == '\n')
          && (message[i] | 0x20) == 'b'
          && (message[i + 1] | 0x20) == 'c'
          && (message[i + 2] | 0x20) == 'c'
          && (message[i + 3] == ':' || message[i + 3] == ' ' || message[i + 3] == '\t')) {
        return true;
      }
    }
    return false;
  }

  private static final int HEADER_TEXT_LIMIT = 100_000;

  /** Where the header block ends (the first empty line), or -1 when it has no end. */
  static int headerEnd(byte[] message) {
    for (int i = 0; i < message.length; i++) {
      if (message[i] != '\n') {
        continue;
      }
      if (i + 1 < message.length && message[i + 1] == '\n') {
        return i > 0 && message[i - 1] == '\r' ? i - 1 : i;
      }
      if (i + 2 < message.length && message[i + 1] == '\r' && message[i + 2] == '\n') {
        return i > 0 && message[i - 1] == '\r' ? i - 1 : i;
      }
    }
    return -1;
  }

  private static String reasonFor(Throwable error, Metadata metadata) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EncryptedDocumentException) {
        return UnindexedReasons.encrypted();
      }
      if (t instanceof ZeroByteFileException) {
        return UnindexedReasons.empty();
      }
      if (t instanceof PdfBudgetExceededException) {
        return UnindexedReasons.tooLarge(t.getMessage());
      }
    }
    if (error instanceof LinkageError) {
      return UnindexedReasons.unsupported(contentType(metadata));
    }
    String detail = error.getMessage();
    Throwable cause = error.getCause();
    if (cause != null && cause.getMessage() != null && !cause.getMessage().isBlank()) {
      detail = cause.getMessage();
    }
    return UnindexedReasons.corrupt(
        detail == null || detail.isBlank() ? error.getClass().getSimpleName() : detail);
  }

  /** Whether no parser understood the content (Tika fell back to its empty parser). */
  private static boolean parsedByNothing(Metadata metadata) {
    String[] parsers = metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    if (parsers.length == 0) {
      return true;
    }
    return parsers[parsers.length - 1].endsWith(".EmptyParser");
  }

  private static String contentType(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    return type == null ? null : type.toLowerCase(Locale.ROOT);
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

  private static String header(Metadata metadata, String name) {
    for (String key : metadata.names()) {
      if (key.equalsIgnoreCase(name)) {
        return metadata.get(key);
      }
    }
    return null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /**
   * Counts the item's own attachments (embedded documents at the first level) while they are
   * parsed.
   */
  private static final class AttachmentCounter implements EmbeddedDocumentExtractor {
    private final EmbeddedDocumentExtractor delegate;
    private int depth;
    private int count;

    AttachmentCounter(EmbeddedDocumentExtractor delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
        throws SAXException, IOException {
      if (depth == 0) {
        count++;
      }
      depth++;
      try {
        delegate.parseEmbedded(stream, handler, metadata, outputHtml);
      } finally {
        depth--;
      }
    }

    int count() {
      return count;
    }
  }
}
