package org.caseops.batch.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.caseops.batch.extraction.Extraction;
import org.caseops.domain.items.Item;

/**
 * The fields of a case's Lucene index (analyzed with {@link #analyzer()}); one document per indexed
 * item, keyed by the item id. Exact fields: {@link #ID} (also as doc values in {@link #ID_VALUE}),
 * {@link #SOURCE_ID}, {@link #KIND} ({@code email} or {@code docs}), {@link #LOCATION}, {@link
 * #FILETYPE} (lower-case extension; {@code eml} for messages split from an mbox), {@link
 * #CONTENT_TYPE}, {@link #MESSAGE_ID}. Analyzed, stored: {@link #SUBJECT} (subject or document
 * title), {@link #FROM}, {@link #TO}, {@link #CC}, {@link #FILENAME} (also indexed, not stored,
 * with dots and underscores as spaces). Analyzed, not stored: {@link #BCC}, {@link #PARTICIPANTS}
 * (from, to, cc and bcc), {@link #CONTENT} (body and attachments' text). Address keys, exact, not
 * stored, one value per key of every address in the header ({@link MailAddresses#keys}: whole
 * address, local part, domain, parent domains, lower-case): {@link #FROM_ADDRESS}, {@link
 * #TO_ADDRESS}, {@link #CC_ADDRESS}, {@link #BCC_ADDRESS}, {@link #PARTICIPANTS_ADDRESS}. Numbers
 * (point, stored, doc values): {@link #SENT} (epoch milliseconds) and {@link #SIZE} (bytes).
 */
public final class IndexFields {
  /**
   * The key under which an index's commit records the {@link #FORMAT} its documents were written
   * in. Format 1 (no key) had no address keys, no bcc field and no file name parts; an index
   * written in an older format is read again whole by the next index job, since its documents
   * cannot answer every query.
   */
  public static final String FORMAT_KEY = "caseops.index.format";

  /** The format of the documents {@link #document} writes. */
  public static final String FORMAT = "2";

  public static final String ID = "id";

  /**
   * The item id again, as binary doc values, for {@link ItemIds}. A field of its own: Lucene keeps
   * one schema per field, and documents written before it existed have {@link #ID} without doc
   * values. Those read their stored id instead.
   */
  public static final String ID_VALUE = "idValue";

  public static final String SOURCE_ID = "sourceId";
  public static final String KIND = "kind";
  public static final String LOCATION = "location";
  public static final String FILETYPE = "filetype";
  public static final String CONTENT_TYPE = "contentType";
  public static final String MESSAGE_ID = "messageId";
  public static final String SUBJECT = "subject";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String CC = "cc";
  public static final String BCC = "bcc";
  public static final String FILENAME = "filename";
  public static final String PARTICIPANTS = "participants";
  public static final String CONTENT = "content";
  public static final String FROM_ADDRESS = "fromAddress";
  public static final String TO_ADDRESS = "toAddress";
  public static final String CC_ADDRESS = "ccAddress";
  public static final String BCC_ADDRESS = "bccAddress";
  public static final String PARTICIPANTS_ADDRESS = "participantsAddress";
  public static final String SENT = "sent";
  public static final String SIZE = "size";

  public static final String KIND_EMAIL = "email";
  public static final String KIND_DOCS = "docs";

  private static final Pattern NAME_SEPARATORS = Pattern.compile("[._]");

  private IndexFields() {}

  /** The analyzer of the analyzed fields, for writing the index and for building queries on it. */
  public static Analyzer analyzer() {
    return new StandardAnalyzer();
  }

  /** The document of an indexed item. */
  public static Document document(
      Item item, boolean email, String fileName, String fileType, Extraction extraction) {
    Document doc = new Document();
    doc.add(new StringField(ID, item.getId(), Field.Store.YES));
    doc.add(new BinaryDocValuesField(ID_VALUE, new BytesRef(item.getId())));
    doc.add(new StringField(SOURCE_ID, item.getSourceId(), Field.Store.YES));
    doc.add(new StringField(KIND, email ? KIND_EMAIL : KIND_DOCS, Field.Store.YES));
    doc.add(new StringField(LOCATION, item.getLocation(), Field.Store.YES));
    exact(doc, FILETYPE, fileType);
    exact(doc, CONTENT_TYPE, extraction.contentType());
    exact(doc, MESSAGE_ID, extraction.messageId());
    text(doc, SUBJECT, email ? extraction.subject() : extraction.title(), Field.Store.YES);
    text(doc, FROM, extraction.from(), Field.Store.YES);
    text(doc, TO, extraction.to(), Field.Store.YES);
    text(doc, CC, extraction.cc(), Field.Store.YES);
    text(doc, BCC, extraction.bcc(), Field.Store.NO);
    text(doc, FILENAME, fileName, Field.Store.YES);
    if (fileName != null && NAME_SEPARATORS.matcher(fileName).find()) {
      // StandardAnalyzer keeps "notes.docx" or "q1_plan" as one word: index the parts as words too.
      text(doc, FILENAME, NAME_SEPARATORS.matcher(fileName).replaceAll(" "), Field.Store.NO);
    }
    List<String> participants = new ArrayList<>();
    for (String p :
        new String[] {extraction.from(), extraction.to(), extraction.cc(), extraction.bcc()}) {
      if (p != null && !p.isBlank()) {
        participants.add(p);
      }
    }
    text(
        doc,
        PARTICIPANTS,
        participants.isEmpty() ? null : String.join(", ", participants),
        Field.Store.NO);
    text(doc, CONTENT, extraction.text(), Field.Store.NO);
    addresses(doc, FROM_ADDRESS, extraction.from());
    addresses(doc, TO_ADDRESS, extraction.to());
    addresses(doc, CC_ADDRESS, extraction.cc());
    addresses(doc, BCC_ADDRESS, extraction.bcc());
    addresses(doc, PARTICIPANTS_ADDRESS, String.join(", ", participants));
    if (extraction.sent() != null) {
      number(doc, SENT, extraction.sent().toEpochMilli());
    }
    number(doc, SIZE, item.getSize());
    return doc;
  }

  private static void exact(Document doc, String name, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(
          new StringField(
              name, value.length() > 1000 ? value.substring(0, 1000) : value, Field.Store.YES));
    }
  }

  private static void text(Document doc, String name, String value, Field.Store store) {
    if (value != null && !value.isBlank()) {
      doc.add(new TextField(name, value, store));
    }
  }

  private static void addresses(Document doc, String name, String header) {
    for (String key : MailAddresses.keys(header)) {
      if (key.length() <= 1000) {
        doc.add(new StringField(name, key, Field.Store.NO));
      }
    }
  }

  private static void number(Document doc, String name, long value) {
    doc.add(new LongPoint(name, value));
    doc.add(new StoredField(name, value));
    doc.add(new NumericDocValuesField(name, value));
  }
}
