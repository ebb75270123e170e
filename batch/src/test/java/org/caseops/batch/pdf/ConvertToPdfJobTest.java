package org.caseops.batch.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedRenditionFailures;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The convertToPdf job on JBeret SE, over a review set of mail (one message twice, one with an
 * attachment), a native PDF, text and HTML documents and a corrupt PDF.
 */
class ConvertToPdfJobTest {

  /** The case, its review set, and the files by location. */
  private record Review(String caseId, ReviewSet set, Map<String, ReviewSetItem> files) {}

  @Test
  void convertsEveryFileNamesTheCorruptOneStoresEachRenditionOnceAndSkipsCurrentOnes()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Review r = review(h, s);
      PdfRenditionRepository renditions = h.weld.select(PdfRenditionRepository.class).get();
      ContentStore store = h.weld.select(ContentStore.class).get();
      long blobsBefore = blobs(r.caseId());

      CaseOperation first = convert(s, r, null);

      assertThat(first.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(first.getPercentProgress()).isEqualTo(100);
      assertThat(first.getResultInfo().getMessage())
          .startsWith(
              "Converted 6 files to PDF; 0 were current already. 1 file could not be converted:"
                  + " 'broken.pdf' (it cannot be read as a PDF: ")
          .endsWith(").");
      Map<String, PdfRendition> pdfs =
          renditions.findAll(r.files().values().stream().map(ReviewSetItem::getId).toList());
      assertThat(pdfs).hasSize(6).doesNotContainKey(r.files().get("broken.pdf").getId());
      ReviewSetItem report = r.files().get("report.pdf");
      assertThat(pdfs.get(report.getId()).getPdfSha256()).isEqualTo(report.getSha256());
      String copyPdf = pdfs.get(r.files().get("inbox/copy.eml").getId()).getPdfSha256();
      assertThat(pdfs.get(r.files().get("inbox/budget.eml").getId()).getPdfSha256())
          .isEqualTo(copyPdf);
      // Six renditions, of which the native PDF is its own content and two are the same bytes.
      assertThat(blobs(r.caseId())).isEqualTo(blobsBefore + 4);
      String mailText = text(store, r.caseId(), pdfs.get(r.files().get("inbox/ship.eml").getId()));
      assertThat(mailText)
          .contains("Shipment Ωμέγα")
          .contains("ann@contoso.com")
          .contains("manifest.txt")
          .contains("Crates of walrus ivory");
      assertThat(text(store, r.caseId(), pdfs.get(r.files().get("notes.html").getId())))
          .contains("Harbour meeting notes");
      for (PdfRendition p : pdfs.values()) {
        assertThat(store.size(r.caseId(), p.getPdfSha256())).contains(p.getSize());
        assertThat(p.getPageCount()).isPositive();
      }

      CaseOperation second = convert(s, r, null);
      assertThat(second.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(second.getResultInfo().getMessage())
          .startsWith("Converted 0 files to PDF; 6 were current already.")
          .contains("'broken.pdf' (it cannot be read as a PDF: ");
      assertThat(renditions.findAll(pdfs.keySet()))
          .allSatisfy(
              (id, p) ->
                  assertThat(p.getRenderedDateTime())
                      .isEqualTo(pdfs.get(id).getRenderedDateTime()));
    }
  }

  @Test
  void aQueryConvertsOnlyTheFilesItMatches() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Review r = review(h, s);
      ReviewSetQuery query =
          ReviewSetQuery.create(
              r.caseId(), r.set().getId(), "mail", "kind:email", null, Instant.now());
      s.reviewSets.addQuery(query);

      CaseOperation done = convert(s, r, query.getId());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo("Converted 3 files to PDF; 0 were current already.");
      Map<String, PdfRendition> pdfs =
          h.weld
              .select(PdfRenditionRepository.class)
              .get()
              .findAll(r.files().values().stream().map(ReviewSetItem::getId).toList());
      assertThat(pdfs.keySet())
          .containsExactlyInAnyOrder(
              r.files().get("inbox/budget.eml").getId(),
              r.files().get("inbox/copy.eml").getId(),
              r.files().get("inbox/ship.eml").getId());
    }
  }

  @Test
  void aJobThatFailsMidChunkAndRestartsRendersEveryFileOnce() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      Review r = review(h, s);
      PdfRenditionRepository renditions = h.weld.select(PdfRenditionRepository.class).get();
      Properties small = new Properties();
      small.setProperty("itemCount", "2");
      small.setProperty("pageSize", "2");
      CaseOperation operation =
          CaseOperation.submit(
              r.caseId(),
              CaseAction.convertToPdf,
              OperationTarget.tags(r.set().getId(), null, List.of(), List.of()),
              IdentitySet.user("u1", "Alice"),
              Instant.now());
      h.operations.add(operation);
      InducedRenditionFailures.failSaveOnce(2);
      long first;
      try {
        first =
            h.jobs.start(
                CaseAction.convertToPdf.jobName(),
                IndexJobHarness.parameters(operation.getId(), r.caseId(), small));
        assertThat(h.awaitEnd(first, operation.getId())).isEqualTo(BatchStatus.FAILED);
      } finally {
        InducedRenditionFailures.reset();
      }
      List<String> ids = r.files().values().stream().map(ReviewSetItem::getId).toList();
      Map<String, PdfRendition> before = renditions.findAll(ids);
      // The first chunk (two files in file id order, one of them perhaps the corrupt one)
      // committed.
      assertThat(before).hasSizeBetween(1, 2);

      long restart =
          h.jobs.restart(first, IndexJobHarness.parameters(operation.getId(), r.caseId(), small));
      assertThat(h.awaitEnd(restart, operation.getId())).isEqualTo(BatchStatus.COMPLETED);

      CaseOperation done = h.operations.find(operation.getId()).orElseThrow();
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getResultInfo().getMessage())
          .startsWith(
              "Converted 6 files to PDF; 0 were current already. 1 file could not be converted:"
                  + " 'broken.pdf' (it cannot be read as a PDF: ")
          .endsWith(").");
      Map<String, PdfRendition> after = renditions.findAll(ids);
      assertThat(after).hasSize(6);
      // The files done before the failure were not rendered again.
      before.forEach(
          (id, p) ->
              assertThat(after.get(id).getRenderedDateTime()).isEqualTo(p.getRenderedDateTime()));
    }
  }

  private static CaseOperation convert(SearchJobs s, Review r, String queryId)
      throws InterruptedException {
    return s.run(
        r.caseId(),
        CaseAction.convertToPdf,
        OperationTarget.tags(r.set().getId(), queryId, List.of(), List.of()));
  }

  /** Writes the evidence, indexes it and adds every item (unindexed ones too) to a review set. */
  private static Review review(IndexJobHarness h, SearchJobs s) throws Exception {
    EdiscoveryCase c = h.newCase();
    Custodian ann = h.newCustodian(c.getId(), "ann@contoso.com");
    CustodianSource mailbox = h.mailbox(ann);
    CustodianSource site = h.site(ann, "https://contoso.sharepoint.com/sites/legal");
    Path mail = h.folderOf(mailbox);
    String budget =
        Evidence.message(
            "Ann Lee <ann@contoso.com>",
            "bob@fabrikam.com",
            "carol@contoso.com",
            "Q3 budget",
            "Tue, 05 Mar 2024 09:30:00 +0000",
            "<b1@contoso.com>",
            "The budget\tis attached\u0007 below.");
    Evidence.write(mail.resolve("inbox/budget.eml"), budget);
    Evidence.write(mail.resolve("inbox/copy.eml"), budget);
    Evidence.write(
        mail.resolve("inbox/ship.eml"),
        Evidence.messageWithAttachment(
            "Ann Lee <ann@contoso.com>",
            "bob@fabrikam.com",
            "Shipment Ωμέγα",
            "Wed, 06 Mar 2024 10:00:00 +0000",
            "<s1@contoso.com>",
            "See the manifest.",
            "manifest.txt",
            "text/plain",
            "Crates of walrus ivory".getBytes(StandardCharsets.UTF_8)));
    Path docs = h.folderOf(site);
    Evidence.write(docs.resolve("report.pdf"), Evidence.pdf("Native walrus report", null));
    Evidence.write(docs.resolve("memo.txt"), "A memo\nwith two lines\tand a tab.");
    Evidence.write(
        docs.resolve("notes.html"),
        "<html><body><h1>Harbour meeting notes</h1><p>Привет</p></body></html>");
    Evidence.write(
        docs.resolve("broken.pdf"), "%PDF-1.4 this is not a PDF".getBytes(StandardCharsets.UTF_8));
    s.index(c.getId());
    ReviewSet set = s.reviewSet(c.getId(), "Production");
    CaseOperation added =
        s.run(
            c.getId(),
            CaseAction.addToReviewSet,
            OperationTarget.reviewSet(
                set.getId(), s.searchAll(c.getId(), "").getId(), List.of("partiallyIndexed")));
    assertThat(added.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
    Map<String, ReviewSetItem> files = new HashMap<>();
    for (ReviewSetItem f : s.reviewSets.listItems(set.getId(), 0, 100)) {
      files.put(f.getLocation(), f);
    }
    assertThat(files)
        .containsOnlyKeys(
            "inbox/budget.eml",
            "inbox/copy.eml",
            "inbox/ship.eml",
            "report.pdf",
            "memo.txt",
            "notes.html",
            "broken.pdf");
    return new Review(c.getId(), set, files);
  }

  private static String text(ContentStore store, String caseId, PdfRendition p) throws Exception {
    try (InputStream in = store.open(caseId, p.getPdfSha256()).orElseThrow()) {
      return PdfRendererTest.text(in.readAllBytes());
    }
  }

  private static long blobs(String caseId) throws Exception {
    Path dir = CaseopsPaths.contentDir(caseId);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
