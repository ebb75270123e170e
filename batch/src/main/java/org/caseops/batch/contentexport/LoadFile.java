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
