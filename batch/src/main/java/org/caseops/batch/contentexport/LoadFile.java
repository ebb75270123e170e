package org.caseops.batch.contentexport;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * The two load files of a production, with the same rows and columns: {@code loadfile.csv} (RFC
 * 4180, UTF-8, a header row) and {@code loadfile.dat} (Concordance: every field between {@code þ}
 * (U+00FE), fields separated by ASCII 20 (U+0014), UTF-8, a header row). Both are written and read
 * with Apache Commons CSV.
 */
public final class LoadFile {
  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "DocID",
          "BegBates",
          "EndBates",
          "Custodian",
          "Source",
          "Location",
          "From",
          "To",
          "Cc",
          "Bcc",
          "Subject",
          "Sent",
          "FileName",
          "FileExtension",
          "Size",
          "SHA256",
          "Tags",
          "NativePath",
          "TextPath",
          "PdfPath");

  /** {@code loadfile.csv}: comma-separated, double quotes where needed, CRLF. */
  public static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  /** {@code loadfile.dat}: Concordance delimiters, every field qualified. */
  public static final CSVFormat DAT =
      CSVFormat.Builder.create()
          .setDelimiter('\u0014')
          .setQuote('\u00fe')
          .setQuoteMode(QuoteMode.ALL)
          .setRecordSeparator("\r\n")
          .setHeader(COLUMNS.toArray(String[]::new))
          .get();

  private LoadFile() {}

  /**
   * Appends a row of {@code loadfile.csv} as {@link #CSV} prints it (Commons CSV's minimal quoting:
   * a field is quoted when it is empty and first in its row, starts with a character up to {@code
   * #}, holds a comma, a double quote, CR or LF, or ends with a character up to a space; double
   * quotes inside are doubled), then CRLF. Written here, not with Commons CSV, because a production
   * writes two rows per file: {@code LoadFileTest} checks that both agree on every kind of field.
   */
  static void appendCsvRow(StringBuilder out, String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = row[i];
      int length = value.length();
      boolean quote;
      if (length == 0) {
        quote = i == 0;
      } else if (value.charAt(0) <= '#') {
        quote = true;
      } else {
        quote = false;
        for (int j = 0; j < length; j++) {
          char c = value.charAt(j);
          if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
          }
        }
        quote |= value.charAt(length - 1) <= ' ';
      }
      if (quote) {
        appendQuoted(out, value, '"');
      } else {
        out.append(value);
      }
    }
    out.append("\r\n");
  }

  /**
   * Appends a row of {@code loadfile.dat} as {@link #DAT} prints it: every field between {@code þ},
   * a {@code þ} inside doubled, fields separated by ASCII 20, then CRLF.
   */
  static void appendDatRow(StringBuilder out, String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.append('\u0014');
      }
      appendQuoted(out, row[i], '\u00fe');
    }
    out.append("\r\n");
  }

  private static void appendQuoted(StringBuilder out, String value, char quote) {
    out.append(quote);
    int first = value.indexOf(quote);
    if (first < 0) {
      // Most fields hold no qualifier: appended whole, without searching or splitting them again.
      out.append(value);
      out.append(quote);
      return;
    }
    int from = 0;
    for (int at = first; at >= 0; at = value.indexOf(quote, at + 1)) {
      out.append(value, from, at + 1);
      from = at;
    }
    out.append(value, from, value.length());
    out.append(quote);
  }

  /** A printer of a load file; writes the header row first. */
  public static CSVPrinter printer(Writer out, CSVFormat format) throws IOException {
    return new CSVPrinter(out, format);
  }

  /** Reads a load file back: its rows, each in column order, without the header. */
  public static List<List<String>> read(Reader in, CSVFormat format) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    forEach(in, format, rows::add);
    return rows;
  }

  /** One row of a load file, for {@link #forEach}. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(List<String> row) throws IOException;
  }

  /**
   * Reads a load file row by row, without holding more than one: each row in column order, without
   * the header.
   */
  public static void forEach(Reader in, CSVFormat format, RowConsumer rows) throws IOException {
    try (CSVParser parser =
        format.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      if (!parser.getHeaderNames().equals(COLUMNS)) {
        throw new IOException("unexpected load file header " + parser.getHeaderNames());
      }
      for (CSVRecord record : parser) {
        rows.accept(record.toList());
      }
    }
  }
}
