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
