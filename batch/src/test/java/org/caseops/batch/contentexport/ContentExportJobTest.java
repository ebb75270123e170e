package org.caseops.batch.contentexport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedContentFailures;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The contentExport job on JBeret SE over a review set of mail (one in Cyrillic and Japanese), a
 * PDF, an Office document, a text memo and a file whose stored copy is corrupt.
 */
class ContentExportJobTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  /** A review set of six files, one of them corrupt in the content store. */
  private static final class Corpus {
    final String caseId;
    final ReviewSet set;
    final List<ReviewSetItem> files;
    final String corruptSha;
    final ReviewTag responsive;

    Corpus(IndexJobHarness h, SearchJobs s) throws Exception {
      caseId = h.newCase().getId();
      Custodian ann = h.newCustodian(caseId, "ann@contoso.com");
      CustodianSource mail = h.mailbox(ann);
      CustodianSource site = h.site(ann, "https://contoso.sharepoint.com/sites/legal");
      Path inbox = h.folderOf(mail);
      Path docs = h.folderOf(site);
      Evidence.write(
          inbox.resolve("inbox/m1.eml"),
          Evidence.message(
              "Ann <ann@contoso.com>",
              "bob@fabrikam.com",
              "carol@contoso.com",
              "Budget, \"final\"",
              "Mon, 05 Jan 2026 10:00:00 +0000",
              "<m1@contoso.com>",
              "The walrus budget is final."));
      Evidence.write(
          inbox.resolve("inbox/m2.eml"),
          "From: ann@contoso.com\r\nTo: ivan@example.ru\r\nBcc: secret@contoso.com\r\n"
              + "Subject: =?UTF-8?B?"
              + java.util.Base64.getEncoder()
                  .encodeToString("Бюджет 予算".getBytes(StandardCharsets.UTF_8))
              + "?=\r\nDate: Tue, 06 Jan 2026 11:00:00 +0000\r\nMessage-ID: <m2@contoso.com>\r\n"
              + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
              + "Бюджет утверждён. 予算は承認されました。\r\n");
      Evidence.write(
          docs.resolve("contracts/lease.pdf"), Evidence.pdf("Lease of the walrus", null));
      Evidence.write(docs.resolve("contracts/terms.docx"), docx("Terms of the walrus"));
      Evidence.write(docs.resolve("memo.txt"), "Memo about the walrus.\n".repeat(40));
      Evidence.write(docs.resolve("notes/broken.txt"), "These notes will be corrupted.\n");
      s.index(caseId);
      EdiscoverySearch all = s.searchAll(caseId, "");
      set = s.reviewSet(caseId, "Production");
      CaseOperation added =
          s.run(
              caseId,
              CaseAction.addToReviewSet,
              OperationTarget.reviewSet(set.getId(), all.getId(), List.of("partiallyIndexed")));
      assertThat(added.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      files = s.reviewSets.listItems(set.getId(), 0, 100);
      assertThat(files).hasSize(6);
      corruptSha =
          files.stream()
              .filter(f -> f.getLocation().equals("notes/broken.txt"))
              .findFirst()
              .orElseThrow()
              .getSha256();
      Path blob =
          CaseopsPaths.contentDir(caseId).resolve(corruptSha.substring(0, 2)).resolve(corruptSha);
      Files.writeString(blob, "Not what was collected.\n");
      ReviewTagRepository tags = s.tags;
      responsive = ReviewTag.create(caseId, "Responsive", null, null, null, ALICE, Instant.now());
      tags.add(responsive);
      ReviewSetItem pdf =
          files.stream().filter(f -> f.getLocation().endsWith(".pdf")).findFirst().orElseThrow();
      tags.retag(set.getId(), Map.of(pdf.getId(), Set.of(responsive.getId())), Map.of());
    }
  }

  /** A minimal Office Open XML word-processing document. */
  static byte[] docx(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
                  + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"rels\""
                  + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override"
                  + " PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
                  + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
                  + " Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                  + " Target=\"word/document.xml\"/></Relationships>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document"
                  + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                  + text
                  + "</w:t></w:r></w:p></w:body></w:document>")
              .getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static CaseOperation submit(IndexJobHarness h, Corpus c, String options) {
    CaseOperation operation =
        CaseOperation.submit(
            c.caseId,
            CaseAction.contentExport,
            OperationTarget.of(
                null, c.set.getId(), null, List.of(), List.of(), List.of(options.split(","))),
            Map.of("outputName", "Vol 1"),
            ALICE,
            Instant.now());
    h.operations.add(operation);
    return operation;
  }

  private static Properties parameters(String partSize) {
    Properties p = new Properties();
    p.setProperty("itemCount", "1");
    p.setProperty("pageSize", "2");
    p.setProperty("partSize", partSize);
    return p;
  }

  /**
   * Every entry of every part but the load files, by name, with its bytes; an entry seen twice
   * fails the test, and so does a load file anywhere but at the root of the first part.
   */
  private static Map<String, byte[]> entries(List<Path> parts, Map<String, Integer> methods)
      throws IOException {
    Map<String, byte[]> all = new HashMap<>();
    for (Path part : parts) {
      try (ZipFile zip = new ZipFile(part.toFile())) {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
          if (entry.getName().contains("loadfile")) {
            assertThat(entry.getName()).isIn(ExportPartWriter.LOAD_FILES);
            assertThat(part.getFileName().toString()).isEqualTo("Vol_1_part001.zip");
            continue;
          }
          try (InputStream in = zip.getInputStream(entry)) {
            assertThat(all.put(entry.getName(), in.readAllBytes()))
                .as("%s appears once", entry.getName())
                .isNull();
          }
          methods.put(entry.getName(), entry.getMethod());
        }
      }
    }
    return all;
  }

  private static List<Path> parts(String caseId, String operationId) throws IOException {
    try (Stream<Path> files = Files.list(CaseopsPaths.exportDir(caseId, operationId))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    }
  }

  /**
   * A load file as it stands at the root of the first part, parsed; the copy beside the parts has
   * the same bytes.
   */
  private static List<List<String>> loadFile(String caseId, String operationId, String name)
      throws IOException {
    Path folder = CaseopsPaths.exportDir(caseId, operationId);
    byte[] inPart;
    try (ZipFile zip = new ZipFile(folder.resolve("Vol_1_part001.zip").toFile())) {
      ZipEntry entry = zip.getEntry(name);
      assertThat(entry).as("%s at the root of the first part", name).isNotNull();
      try (InputStream in = zip.getInputStream(entry)) {
        inPart = in.readAllBytes();
      }
    }
    assertThat(inPart).isEqualTo(Files.readAllBytes(folder.resolve(name)));
    return LoadFile.read(
        new StringReader(new String(inPart, StandardCharsets.UTF_8)),
        name.endsWith(".csv") ? LoadFile.CSV : LoadFile.DAT);
  }

  private static int column(String name) {
    return LoadFile.COLUMNS.indexOf(name);
  }

  @Test
  void writesPartsWithVerifiedNativesTextAndTwoLoadFilesThatAgree() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      CaseOperation operation = submit(h, c, "originalFiles,text,tags");
      long execution =
          h.jobs.start(
              "contentExport",
              IndexJobHarness.parameters(operation.getId(), c.caseId, parameters("1500")));
      assertThat(h.awaitEnd(execution, operation.getId())).isEqualTo(BatchStatus.COMPLETED);
      CaseOperation done = h.awaitOperation(operation.getId());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getResultInfo().getMessage())
          .startsWith("Exported 6 files in ")
          .contains("1 file could not be exported")
          .contains("'broken.txt'");
      List<Path> parts = parts(c.caseId, operation.getId());
      assertThat(parts.size()).isGreaterThan(1);
      Map<String, Integer> methods = new HashMap<>();
      Map<String, byte[]> entries = entries(parts, methods);
      List<List<String>> csv = loadFile(c.caseId, operation.getId(), "loadfile.csv");
      List<List<String>> dat = loadFile(c.caseId, operation.getId(), "loadfile.dat");
      assertThat(dat).isEqualTo(csv);
      assertThat(csv).hasSize(6);
      assertThat(csv).extracting(r -> r.get(0)).doesNotHaveDuplicates();
      Map<String, ReviewSetItem> bySha = new HashMap<>();
      c.files.forEach(f -> bySha.put(f.getSha256(), f));
      int natives = 0;
      for (List<String> row : csv) {
        assertThat(row).hasSize(LoadFile.COLUMNS.size());
        String sha = row.get(column("SHA256"));
        ReviewSetItem file = bySha.get(sha);
        assertThat(file).isNotNull();
        assertThat(row.get(column("Size"))).isEqualTo(Long.toString(file.getSize()));
        String nativePath = row.get(column("NativePath"));
        if (sha.equals(c.corruptSha)) {
          assertThat(nativePath).isEmpty();
          continue;
        }
        byte[] bytes = entries.get(nativePath);
        assertThat(bytes).as(nativePath).isNotNull();
        assertThat(Evidence.sha256(bytes)).isEqualTo(sha);
        natives++;
        String ext = row.get(column("FileExtension"));
        boolean compressed = ext.equals("pdf") || ext.equals("docx");
        assertThat(methods.get(nativePath))
            .as(nativePath)
            .isEqualTo(compressed ? ZipEntry.STORED : ZipEntry.DEFLATED);
        assertThat(row.get(column("Custodian"))).isEqualTo("ann@contoso.com");
      }
      assertThat(natives).isEqualTo(5);
      List<String> cyrillic =
          csv.stream()
              .filter(r -> r.get(column("Subject")).equals("Бюджет 予算"))
              .findFirst()
              .orElseThrow();
      assertThat(cyrillic.get(column("Bcc"))).contains("secret@contoso.com");
      assertThat(cyrillic.get(column("FileExtension"))).isEqualTo("eml");
      assertThat(new String(entries.get(cyrillic.get(column("TextPath"))), StandardCharsets.UTF_8))
          .contains("予算は承認されました");
      List<String> pdf =
          csv.stream()
              .filter(r -> r.get(column("FileExtension")).equals("pdf"))
              .findFirst()
              .orElseThrow();
      assertThat(pdf.get(column("Tags"))).isEqualTo("Responsive");
      assertThat(pdf.get(column("Location"))).isEqualTo("contracts/lease.pdf");
      List<String> budget =
          csv.stream()
              .filter(r -> r.get(column("Subject")).equals("Budget, \"final\""))
              .findFirst()
              .orElseThrow();
      assertThat(budget.get(column("Cc"))).contains("carol@contoso.com");
      assertThat(budget.get(column("Sent"))).isEqualTo("2026-01-05T10:00:00Z");

      ExportFileRepository registry = h.weld.select(ExportFileRepository.class).get();
      List<ExportFile> registered = registry.listOfOperation(operation.getId());
      assertThat(registered)
          .extracting(ExportFile::getFileName)
          .containsAll(List.of("loadfile.csv", "loadfile.dat"))
          .hasSize(parts.size() + 2);
      for (ExportFile file : registered) {
        byte[] bytes =
            Files.readAllBytes(
                CaseopsPaths.exportDir(c.caseId, operation.getId()).resolve(file.getFileName()));
        assertThat(Evidence.sha256(bytes)).isEqualTo(file.getSha256());
        assertThat((long) bytes.length).isEqualTo(file.getSize());
      }
    }
  }

  @Test
  void aReviewSetQueryExportsOnlyTheFilesItMatchesNumberedWithoutGaps() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      ReviewSetQuery query =
          ReviewSetQuery.create(c.caseId, c.set.getId(), "walrus", "walrus", null, Instant.now());
      s.reviewSets.addQuery(query);
      CaseOperation operation =
          CaseOperation.submit(
              c.caseId,
              CaseAction.contentExport,
              OperationTarget.of(
                  null,
                  c.set.getId(),
                  query.getId(),
                  List.of(),
                  List.of(),
                  List.of("originalFiles")),
              Map.of("outputName", "Vol 1"),
              ALICE,
              Instant.now());
      h.operations.add(operation);
      // Pages of two files, a part per file: the query is run page by page, the parts restart.
      long execution =
          h.jobs.start(
              "contentExport",
              IndexJobHarness.parameters(operation.getId(), c.caseId, parameters("1")));
      assertThat(h.awaitEnd(execution, operation.getId())).isEqualTo(BatchStatus.COMPLETED);

      CaseOperation done = h.awaitOperation(operation.getId());
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getWorkTotal()).isEqualTo(4L);
      List<List<String>> csv = loadFile(c.caseId, operation.getId(), "loadfile.csv");
      assertThat(csv)
          .extracting(r -> r.get(column("DocID")))
          .containsExactly("DOC0000001", "DOC0000002", "DOC0000003", "DOC0000004");
      assertThat(csv)
          .extracting(r -> r.get(column("Location")))
          .containsExactlyInAnyOrder(
              "inbox/m1.eml", "contracts/lease.pdf", "contracts/terms.docx", "memo.txt");
      assertThat(entries(parts(c.caseId, operation.getId()), new HashMap<>())).hasSize(4);
    }
  }

  @Test
  void aPartIsFinishedAtPartEntriesEntriesWithEachDocumentWhole() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      CaseOperation operation = submit(h, c, "originalFiles,text");
      Properties p = parameters("100000000");
      p.setProperty("partEntries", "6");
      long execution =
          h.jobs.start("contentExport", IndexJobHarness.parameters(operation.getId(), c.caseId, p));
      assertThat(h.awaitEnd(execution, operation.getId())).isEqualTo(BatchStatus.COMPLETED);

      List<Path> parts = parts(c.caseId, operation.getId());
      // Five readable files, each a native and a text: two documents (four entries) per part, the
      // first part one beside the load files. The unreadable file adds no entry, wherever it comes
      // in the order, and never makes a part of its own.
      assertThat(parts).hasSize(3);
      for (Path part : parts) {
        try (ZipFile zip = new ZipFile(part.toFile())) {
          assertThat(zip.size()).as("%s", part.getFileName()).isBetween(1, 6);
          List<String> names =
              java.util.Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
          for (String name : names) {
            if (ExportPartWriter.LOAD_FILES.contains(name)) {
              continue;
            }
            String doc = name.substring(name.indexOf('/') + 1, name.lastIndexOf('.'));
            assertThat(names)
                .as("the native and text of %s together", doc)
                .anyMatch(n -> n.startsWith("natives/" + doc))
                .anyMatch(n -> n.startsWith("text/" + doc));
          }
        }
      }
      assertThat(entries(parts, new HashMap<>())).hasSize(10);
      assertThat(loadFile(c.caseId, operation.getId(), "loadfile.csv")).hasSize(6);
    }
  }

  @Test
  void pdfReplacementStampsEveryPageAndTheNextProductionContinuesTheNumbers() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      List<long[]> ranges = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        CaseOperation operation = submit(h, c, "originalFiles,pdfReplacement");
        long execution =
            h.jobs.start(
                "contentExport",
                IndexJobHarness.parameters(operation.getId(), c.caseId, parameters("100000")));
        assertThat(h.awaitEnd(execution, operation.getId())).isEqualTo(BatchStatus.COMPLETED);
        CaseOperation done = h.awaitOperation(operation.getId());
        assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
        assertThat(done.getResultInfo().getMessage())
            .contains("1 file could not be exported")
            .contains("PDF pages are numbered CASEOPS_")
            .doesNotContain("as PDF");
        Map<String, byte[]> entries = entries(parts(c.caseId, operation.getId()), new HashMap<>());
        List<List<String>> csv = loadFile(c.caseId, operation.getId(), "loadfile.csv");
        assertThat(loadFile(c.caseId, operation.getId(), "loadfile.dat")).isEqualTo(csv);
        long first = Long.MAX_VALUE;
        long last = 0;
        long pages = 0;
        for (List<String> row : csv) {
          String pdfPath = row.get(column("PdfPath"));
          if (row.get(column("SHA256")).equals(c.corruptSha)) {
            assertThat(pdfPath).isEmpty();
            assertThat(row.get(column("BegBates"))).isEmpty();
            continue;
          }
          long beg = Long.parseLong(row.get(column("BegBates")).substring("CASEOPS_".length()));
          long end = Long.parseLong(row.get(column("EndBates")).substring("CASEOPS_".length()));
          first = Math.min(first, beg);
          last = Math.max(last, end);
          try (org.apache.pdfbox.pdmodel.PDDocument pdf =
              org.apache.pdfbox.Loader.loadPDF(entries.get(pdfPath))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo((int) (end - beg + 1));
            pages += pdf.getNumberOfPages();
            org.apache.pdfbox.text.PDFTextStripper text =
                new org.apache.pdfbox.text.PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
              text.setStartPage(page);
              text.setEndPage(page);
              String shown = text.getText(pdf);
              assertThat(shown).contains(BatesStamper.number("CASEOPS_", beg + page - 1));
              if (page == 1 && row.get(column("Subject")).equals("Budget, \"final\"")) {
                assertThat(shown).contains("Budget");
              }
            }
          }
        }
        assertThat(last - first + 1).as("numbers without gaps").isEqualTo(pages);
        // Without text, a message's Bcc is still read (from its header block).
        assertThat(
                csv.stream()
                    .filter(r -> r.get(column("Subject")).equals("Бюджет 予算"))
                    .findFirst()
                    .orElseThrow()
                    .get(column("Bcc")))
            .contains("secret@contoso.com");
        ranges.add(new long[] {first, last});
      }
      assertThat(ranges.get(0)[0]).isEqualTo(1);
      assertThat(ranges.get(1)[0]).isEqualTo(ranges.get(0)[1] + 1);
    }
  }

  @Test
  void aRestartAfterAFailureMidPartRewritesThatPartAndExportsEveryFileOnce() throws Exception {
    // One part for everything: the failure at the fifth file leaves the only part half written.
    restartAfterFailure("100000", false);
  }

  @Test
  void aRestartKeepsTheFinishedPartsAndWritesTheRestOnce() throws Exception {
    // A part per file: the failure at the fifth file comes after finished parts. A part is finished
    // when the next document's first entry is due, after that document was read; of the four read
    // before the failure one may be the unreadable file, which adds no entry: three parts at least
    // were started, the first is kept aside until the end, so one at least is finished.
    restartAfterFailure("1", true);
  }

  private void restartAfterFailure(String partSize, boolean partsFinishedBefore) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Corpus c = new Corpus(h, s);
      CaseOperation operation = submit(h, c, "originalFiles");
      Properties small = parameters(partSize);
      InducedContentFailures.failOpenOnce(5);
      long first;
      try {
        first =
            h.jobs.start(
                "contentExport", IndexJobHarness.parameters(operation.getId(), c.caseId, small));
        assertThat(h.awaitEnd(first, operation.getId())).isEqualTo(BatchStatus.FAILED);
      } finally {
        InducedContentFailures.reset();
      }
      Path folder = CaseopsPaths.exportDir(c.caseId, operation.getId());
      List<Path> before = parts(c.caseId, operation.getId());
      if (partsFinishedBefore) {
        assertThat(before).isNotEmpty();
      } else {
        assertThat(before).isEmpty();
      }
      Map<Path, byte[]> finished = new HashMap<>();
      for (Path part : before) {
        finished.put(part, Files.readAllBytes(part));
      }
      assertThat(h.weld.select(ExportFileRepository.class).get().listOfOperation(operation.getId()))
          .extracting(ExportFile::getFileName)
          .doesNotContain("loadfile.csv");
      CaseOperation failed = h.operations.find(operation.getId()).orElseThrow();
      assertThat(failed.getStatus()).isEqualTo(CaseOperationStatus.failed);
      // The four files written before the failure, one a chunk, moved percentProgress while the
      // job ran (it stayed at 0 until the end before).
      assertThat(failed.getPercentProgress()).isBetween(1, 99);
      // What a process killed mid-part leaves: the next part half written, its rows half written.
      String next = String.format("Vol_1_part%03d.zip", before.size() + 1);
      Files.writeString(folder.resolve(".work").resolve(next + ".tmp"), "half a zip");
      Files.writeString(
          folder.resolve(".work").resolve(String.format("rows-%05d.csv.tmp", before.size() + 1)),
          "half a row");

      long restart =
          h.jobs.restart(first, IndexJobHarness.parameters(operation.getId(), c.caseId, small));
      assertThat(h.awaitEnd(restart, operation.getId())).isEqualTo(BatchStatus.COMPLETED);

      CaseOperation done = h.awaitOperation(operation.getId());
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage()).startsWith("Exported 6 files in ");
      // The file left out is among the operation's failed items once, however often it was met.
      assertThat(
              h.weld
                  .select(ItemFailureRepository.class)
                  .get()
                  .list(operation.getId(), ListQuery.page(0, 10)))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.getItem()).matches("DOC\\d{7} broken\\.txt");
                assertThat(f.getReason()).startsWith("left out of the parts: ");
              });
      List<Path> parts = parts(c.caseId, operation.getId());
      assertThat(parts).containsAll(before);
      for (Path part : before) {
        assertThat(Files.readAllBytes(part))
            .as("%s is kept as it was", part)
            .isEqualTo(finished.get(part));
      }
      Map<String, byte[]> entries = entries(parts, new HashMap<>());
      assertThat(entries).hasSize(5);
      List<String> shas = new ArrayList<>();
      entries.values().forEach(b -> shas.add(Evidence.sha256(b)));
      assertThat(shas)
          .containsExactlyInAnyOrderElementsOf(
              c.files.stream()
                  .map(ReviewSetItem::getSha256)
                  .filter(sha -> !sha.equals(c.corruptSha))
                  .toList());
      List<List<String>> csv = loadFile(c.caseId, operation.getId(), "loadfile.csv");
      assertThat(csv).extracting(r -> r.get(0)).hasSize(6).doesNotHaveDuplicates();
      try (Stream<Path> left = Files.walk(folder)) {
        assertThat(
                left.filter(
                        p ->
                            p.toString().endsWith(".tmp")
                                || p.endsWith(ExportPartWriter.FIRST_BODY))
                    .toList())
            .isEmpty();
      }
      if (partsFinishedBefore) {
        // A part per file: the first part holds the load files alone, its document went to a part
        // after the last.
        try (ZipFile zip = new ZipFile(folder.resolve("Vol_1_part001.zip").toFile())) {
          assertThat(java.util.Collections.list(zip.entries()))
              .extracting(ZipEntry::getName)
              .containsExactlyElementsOf(ExportPartWriter.LOAD_FILES);
        }
        // The first document with a native (the corrupt file has none; it may come first).
        String firstNative =
            csv.stream()
                .map(r -> r.get(column("NativePath")))
                .filter(p -> !p.isEmpty())
                .findFirst()
                .orElseThrow();
        try (ZipFile zip = new ZipFile(parts.get(parts.size() - 1).toFile())) {
          assertThat(java.util.Collections.list(zip.entries()))
              .extracting(ZipEntry::getName)
              .containsExactly(firstNative);
        }
      } else {
        assertThat(parts).hasSize(1);
      }
      assertThat(h.weld.select(ExportFileRepository.class).get().listOfOperation(operation.getId()))
          .hasSize(parts.size() + 2);
    }
  }
}
