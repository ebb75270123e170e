package org.caseops.api.reviewsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Json;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.junit.jupiter.api.Test;

/** A file's PDF rendition: its flag in the file's JSON, its bytes, and convertToPdf's targets. */
class FilePdfTest {
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

  private final CaseFixture f = new CaseFixture();
  private final ReviewSetService service = f.reviewSetService;

  @Test
  void aFileSaysWhetherItHasAPdfAndServesItOnceConverted() throws Exception {
    ReviewSet set = f.reviewSet("R");
    ReviewSetItem mail =
        f.file(set, f.mailbox, "email", "Hello", "From: bob".getBytes(StandardCharsets.UTF_8));

    ReviewSetService.FileView before = service.file(f.caseId, set.getId(), mail.getId());
    assertThat(before.pdf()).isNull();
    assertThat(
            FileJson.entity(ROOT, mail, before.sourceKind(), before.tags(), before.pdf() != null)
                .getBoolean("hasPdf"))
        .isFalse();
    assertThatThrownBy(() -> service.pdf(f.caseId, set.getId(), mail.getId()))
        .satisfies(e -> ApiErrors.assertStatus(e, 404, mail.getId(), "no PDF yet", "convertToPdf"));

    byte[] pdf = "%PDF-1.7 rendition".getBytes(StandardCharsets.US_ASCII);
    String sha = f.contents.put(f.caseId, new java.io.ByteArrayInputStream(pdf));
    f.renditions.saveAll(
        List.of(PdfRendition.of(mail, sha, pdf.length, 1, 1, 0, "op1", Instant.now())));

    ReviewSetService.FileView after = service.files(f.caseId, set.getId(), 0, 10).get(0);
    assertThat(after.pdf()).isNotNull();
    JsonObject json = FileJson.item(after.file(), after.sourceKind(), after.tags(), true);
    assertThat(json.getBoolean("hasPdf")).isTrue();
    ReviewSetService.FileContent content = service.pdf(f.caseId, set.getId(), mail.getId());
    assertThat(content.mediaType()).isEqualTo("application/pdf");
    assertThat(content.size()).isEqualTo(pdf.length);
    try (InputStream in = content.stream()) {
      assertThat(in.readAllBytes()).isEqualTo(pdf);
    }
  }

  @Test
  void convertToPdfTakesAReviewSetAndOptionallyAQuery() {
    ReviewSet set = f.reviewSet("R");
    ReviewSetQuery query = f.query(set, "mail", "kind:email");
    OperationRequest whole =
        OperationRequest.parse(
            Json.object("{'action':'convertToPdf','reviewSet':{'id':'" + set.getId() + "'}}"),
            false);
    CaseOperation all =
        f.operationService.submit(
            f.caseId,
            CaseAction.convertToPdf,
            f.targets.resolve(f.caseId, whole),
            CaseFixture.ALICE);
    assertThat(all.getTarget().getReviewSetId()).isEqualTo(set.getId());
    assertThat(all.getTarget().getQueryId()).isNull();
    assertThat(f.jobs.started).containsExactly("convertToPdf");

    // A second one on the same review set waits for the first.
    OperationRequest narrowed =
        OperationRequest.parse(
            Json.object(
                "{'action':'convertToPdf','reviewSet':{'id':'"
                    + set.getId()
                    + "'},'reviewSetQuery':{'id':'"
                    + query.getId()
                    + "'}}"),
            false);
    assertThatThrownBy(
            () ->
                f.operationService.submit(
                    f.caseId,
                    CaseAction.convertToPdf,
                    f.targets.resolve(f.caseId, narrowed),
                    CaseFixture.ALICE))
        .satisfies(e -> ApiErrors.assertStatus(e, 409, "convertToPdf"));
    assertThat(f.targets.resolve(f.caseId, narrowed).getQueryId()).isEqualTo(query.getId());

    OperationRequest missing =
        OperationRequest.parse(Json.object("{'action':'convertToPdf'}"), false);
    assertThatThrownBy(() -> f.targets.resolve(f.caseId, missing))
        .satisfies(e -> ApiErrors.assertStatus(e, 400, "reviewSet"));
  }
}
