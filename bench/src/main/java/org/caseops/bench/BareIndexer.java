package org.caseops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;

/**
 * The least work that indexing a mail folder takes, as a yardstick for the index job: walk the
 * files, split mbox files into messages, parse every message with one shared Tika parser, add one
 * Lucene document per message, commit once at the end. No catalog, no database, no progress.
 */
final class BareIndexer {
  /** What a run did. */
  record Result(long items, long failed, long bytes, long nanos, long documents) {
    double seconds() {
      return nanos / 1e9;
    }

    double itemsPerSecond() {
      return items / seconds();
    }
  }

  private final int writeLimit;
  private final boolean messagesAsRfc822;
  private AutoDetectParser parser;
  private RFC822Parser messageParser;
  private ParseContext context;
  private IndexWriter writer;
  private long items;
  private long failed;
  private long bytes;

  /**
   * @param writeLimit the most characters of text kept per message
   * @param messagesAsRfc822 parse messages with the RFC 822 parser directly, as the index job does,
   *     rather than let the auto-detecting parser detect their type first (attachments go through
   *     the auto-detecting parser either way)
   */
  BareIndexer(int writeLimit, boolean messagesAsRfc822) {
    this.writeLimit = writeLimit;
    this.messagesAsRfc822 = messagesAsRfc822;
  }

  /** Indexes every file under {@code evidence} into a new index in {@code indexDir}. */
  Result run(Path evidence, Path indexDir) throws IOException {
    long start = System.nanoTime();
    parser = new AutoDetectParser();
    messageParser = new RFC822Parser();
    context = new ParseContext();
    // Without this, every embedded part (each attachment) gets a parser set up anew.
    context.set(Parser.class, parser);
    items = 0;
    failed = 0;
    bytes = 0;
    try (FSDirectory dir = FSDirectory.open(indexDir);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer = w;
      try (Stream<Path> files = Files.walk(evidence)) {
        files.filter(Files::isRegularFile).forEach(this::indexFile);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      w.commit();
      long documents = w.getDocStats().numDocs;
      return new Result(items, failed, bytes, System.nanoTime() - start, documents);
    } finally {
      writer = null;
    }
  }

  private void indexFile(Path file) {
    String name = file.getFileName().toString();
    try {
      if (name.endsWith(".mbox")) {
        String base = file.toString();
        MboxSplitter.split(
            file,
            (offset, data, length) -> {
              try (InputStream in = TikaInputStream.get(Arrays.copyOf(data, length))) {
                indexItem(base + "#" + offset, name, in, length);
              }
            });
      } else {
        long size = Files.size(file);
        try (InputStream in = TikaInputStream.get(file)) {
          indexItem(file.toString(), name, in, size);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void indexItem(String id, String fileName, InputStream in, long size) throws IOException {
    items++;
    bytes += size;
    Metadata metadata = new Metadata();
    // The same hints the index job gives: the file name, and that a mail file or mbox entry is a
    // message.
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    boolean message = fileName.endsWith(".eml") || fileName.endsWith(".mbox");
    if (message) {
      metadata.set(Metadata.CONTENT_TYPE, "message/rfc822");
    }
    StringWriter text = new StringWriter();
    try {
      ContentHandler handler =
          new BodyContentHandler(
              new WriteOutContentHandler(
                  new ToTextContentHandler(text), writeLimit, false, context));
      (message && messagesAsRfc822 ? messageParser : parser).parse(in, handler, metadata, context);
    } catch (Exception e) {
      failed++;
      return;
    }
    Document doc = new Document();
    doc.add(new StringField("id", id, Field.Store.YES));
    doc.add(
        new TextField("subject", nonNull(metadata.get(TikaCoreProperties.TITLE)), Field.Store.YES));
    doc.add(new TextField("from", nonNull(metadata.get(Message.MESSAGE_FROM)), Field.Store.YES));
    doc.add(
        new TextField(
            "to", String.join(", ", metadata.getValues(Message.MESSAGE_TO)), Field.Store.YES));
    doc.add(new TextField("body", text.toString(), Field.Store.NO));
    writer.addDocument(doc);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
