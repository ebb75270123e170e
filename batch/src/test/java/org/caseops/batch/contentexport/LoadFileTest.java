package org.caseops.batch.contentexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** Both load files are written and read back with Commons CSV, row by row, and agree. */
class LoadFileTest {
  private static List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("DOC0000001", "Budget, \"final\" draft", "line one\r\nline two"));
    rows.add(row("DOC0000002", "þorn þ and \u0014 separator", "Ünïcødé 予算 бюджет"));
    rows.add(row("DOC0000003", "", ""));
    return rows;
  }

  private static List<String> row(String docId, String subject, String to) {
    List<String> row = new ArrayList<>();
    for (String column : LoadFile.COLUMNS) {
      row.add(
          switch (column) {
            case "DocID" -> docId;
            case "Subject" -> subject;
            case "To" -> to;
            case "Size" -> "1234";
            default -> column.toLowerCase();
          });
    }
    return row;
  }

  private static String write(CSVFormat format, List<List<String>> rows) throws Exception {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = LoadFile.printer(out, format)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    return out.toString();
  }

  @Test
  void csvAndDatHoldTheSameRowsInTheSameColumns() throws Exception {
    String csv = write(LoadFile.CSV, rows());
    String dat = write(LoadFile.DAT, rows());

    assertThat(csv).startsWith(String.join(",", LoadFile.COLUMNS) + "\r\n");
    assertThat(dat)
        .startsWith("þDocIDþ\u0014þBegBatesþ\u0014þEndBatesþ\u0014þCustodianþ")
        .contains("þþþorn þþ and \u0014 separatorþ");
    List<List<String>> fromCsv = LoadFile.read(new StringReader(csv), LoadFile.CSV);
    List<List<String>> fromDat = LoadFile.read(new StringReader(dat), LoadFile.DAT);
    assertThat(fromCsv).isEqualTo(rows());
    assertThat(fromDat).isEqualTo(rows());
    for (int i = 0; i < fromCsv.size(); i++) {
      assertThat(fromDat.get(i)).as("row %d", i).isEqualTo(fromCsv.get(i));
    }
  }

  @Test
  void rowsAreFormattedExactlyAsCommonsCsvPrintsThem() throws Exception {
    // Fields made of the characters that decide quoting (separators, qualifiers, line breaks,
    // spaces, characters up to '#', the Concordance ones) among ordinary and non-Latin ones.
    char[] alphabet = ",\"\r\n \t#!'a Z09þ\u0014\u0000\\;é文".toCharArray();
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 20_000; n++) {
      String[] row = new String[1 + random.nextInt(LoadFile.COLUMNS.size())];
      for (int i = 0; i < row.length; i++) {
        StringBuilder field = new StringBuilder();
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
        for (int j = 0; j < length; j++) {
          field.append(alphabet[random.nextInt(alphabet.length)]);
        }
        row[i] = field.toString();
      }
      StringBuilder csv = new StringBuilder();
      StringBuilder dat = new StringBuilder();
      LoadFile.CSV.printRecord(csv, (Object[]) row);
      LoadFile.DAT.printRecord(dat, (Object[]) row);
      StringBuilder fastCsv = new StringBuilder();
      StringBuilder fastDat = new StringBuilder();
      LoadFile.appendCsvRow(fastCsv, row);
      LoadFile.appendDatRow(fastDat, row);
      assertThat(fastCsv.toString()).as(java.util.Arrays.toString(row)).isEqualTo(csv.toString());
      assertThat(fastDat.toString()).as(java.util.Arrays.toString(row)).isEqualTo(dat.toString());
    }
  }

  @Test
  void theColumnsAreInTheAgreedOrder() {
    assertThat(LoadFile.COLUMNS)
        .containsExactly(
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
  }
}
