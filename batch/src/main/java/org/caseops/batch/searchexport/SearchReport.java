package org.caseops.batch.searchexport;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caseops.batch.contentexport.LoadFile;

/**
 * The two CSV files of a search export's report (RFC 4180, UTF-8, a header row, written and read
 * with Apache Commons CSV): the item report, one row per item the export selects, with the columns
 * of a production's load file except its paths, then {@code Indexed} ({@code true} or {@code
 * false}) and {@code UnindexedReason}; and the summary, one row per source in the search's scope.
 */
public final class SearchReport {
  private static final Set<String> PATHS = Set.of("NativePath", "TextPath", "PdfPath");

  /** The item report's columns, in order. */
  public static final List<String> COLUMNS = columns();

  /** The summary's columns, in order. */
  public static final List<String> SUMMARY_COLUMNS =
      List.of(
          "Custodian",
          "Source",
          "SourceType",
          "Responsive",
          "Hits",
          "HitsSize",
          "Unindexed",
          "UnindexedSize",
          "Selected",
          "ReportedItems",
          "ReportedSize");

  /** The item report: comma-separated, double quotes where needed, CRLF. */
  public static final CSVFormat CSV =
      CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

  /** The summary, in the same dialect. */
  public static final CSVFormat SUMMARY =
      CSVFormat.RFC4180.builder().setHeader(SUMMARY_COLUMNS.toArray(String[]::new)).get();

  private SearchReport() {}

  private static List<String> columns() {
    List<String> columns = new ArrayList<>();
    for (String column : LoadFile.COLUMNS) {
      if (!PATHS.contains(column)) {
        columns.add(column);
      }
    }
    columns.add("Indexed");
    columns.add("UnindexedReason");
    return List.copyOf(columns);
  }

  /**
   * Reads a report back: its rows, each in column order, without the header.
   *
   * @throws IOException when its header is not the given columns
   */
  public static List<List<String>> read(Reader in, CSVFormat format) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser =
        format.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      if (!parser.getHeaderNames().equals(List.of(format.getHeader()))) {
        throw new IOException("unexpected report header " + parser.getHeaderNames());
      }
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    }
    return rows;
  }
}
