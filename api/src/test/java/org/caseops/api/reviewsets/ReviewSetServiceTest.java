package org.caseops.api.reviewsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Json;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.support.ListQuery;
import org.junit.jupiter.api.Test;

class ReviewSetServiceTest {
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

  private final CaseFixture f = new CaseFixture();
  private final ReviewSetService service = f.reviewSetService;

  private static void assertStatus(Throwable t, int status, String... inMessage) {
    ApiErrors.assertStatus(t, status, inMessage);
  }

  @Test
  void reviewSetNamesAreUniqueIgnoringCaseAndAtMost64Characters() {
    ReviewSet set = service.create(f.caseId, "Privileged", CaseFixture.ALICE);
    assertThat(service.get(f.caseId, set.getId()).getDisplayName()).isEqualTo("Privileged");
    assertThat(service.list(f.caseId, ListQuery.page(0, 10))).hasSize(1);

    assertThatThrownBy(() -> service.create(f.caseId, "PRIVILEGED", CaseFixture.ALICE))
        .satisfies(e -> assertStatus(e, 409, "PRIVILEGED", "ignoring case"));
    assertThat(service.create(f.otherCase(), "Privileged", CaseFixture.ALICE)).isNotNull();

    assertThatThrownBy(
            () ->
                ReviewSetRequests.parseNewReviewSet(
                    Json.object("{'displayName':'" + "x".repeat(65) + "'}")))
        .satisfies(e -> assertStatus(e, 400, "64"));
    assertThatThrownBy(() -> ReviewSetRequests.parseNewReviewSet(Json.object("{}")))
        .satisfies(e -> assertStatus(e, 400, "'displayName' is required"));
    assertThat(
            ReviewSetRequests.parseNewReviewSet(
                Json.object("{'displayName':'" + "x".repeat(64) + "'}")))
        .hasSize(64);
  }

  @Test
  void anUnknownReviewSetIs404() {
    assertThatThrownBy(() -> service.get(f.caseId, "00000000-0000-0000-0000-000000000009"))
        .satisfies(e -> assertStatus(e, 404, "ediscoveryReviewSet"));
  }

  @Test
  void addToReviewSetTakesTheSearchFromTheBody() {
    ReviewSet set = f.reviewSet("R");
    EdiscoverySearch search = f.search("S");
    OperationRequest params =
        OperationRequest.parseParameters(
            CaseAction.addToReviewSet,
            Json.object(
                "{'search':{'id':'"
                    + search.getId()
                    + "'},'additionalDataOptions':'linkedFiles',"
                    + "'itemsToInclude':'searchHits,partiallyIndexed','documentVersion':'latest'}"),
            false);

    CaseOperation op = service.addToReviewSet(f.caseId, set.getId(), params, CaseFixture.ALICE);

    assertThat(op.getAction()).isEqualTo(CaseAction.addToReviewSet);
    assertThat(op.getTarget().getReviewSetId()).isEqualTo(set.getId());
    assertThat(op.getTarget().getSearchId()).isEqualTo(search.getId());
    assertThat(op.getTarget().getOptions())
        .containsExactly("linkedFiles", "searchHits", "partiallyIndexed");
    assertThat(f.jobs.started).containsExactly("addToReviewSet");
  }

  @Test
  void addToReviewSetAlsoTakesTheSearchAsABindUrl() {
    ReviewSet set = f.reviewSet("R");
    EdiscoverySearch search = f.search("S");
    OperationRequest params =
        OperationRequest.parseParameters(
            CaseAction.addToReviewSet,
            Json.object(
                "{'search@odata.bind':'https://h/v1.0/security/cases/ediscoveryCases/"
                    + f.caseId
                    + "/searches/"
                    + search.getId()
                    + "'}"),
            false);

    assertThat(
            service
                .addToReviewSet(f.caseId, set.getId(), params, CaseFixture.ALICE)
                .getTarget()
                .getSearchId())
        .isEqualTo(search.getId());
  }

  @Test
  void addToReviewSetWithoutOrWithAnUnknownSearchIsRefusedByName() {
    ReviewSet set = f.reviewSet("R");
    assertThatThrownBy(
            () ->
                service.addToReviewSet(
                    f.caseId,
                    set.getId(),
                    new OperationRequest(CaseAction.addToReviewSet),
                    CaseFixture.ALICE))
        .satisfies(e -> assertStatus(e, 400, "search"));
    OperationRequest unknown =
        OperationRequest.parseParameters(
            CaseAction.addToReviewSet,
            Json.object("{'search':{'id':'00000000-0000-0000-0000-000000000007'}}"),
            false);
    assertThatThrownBy(
            () -> service.addToReviewSet(f.caseId, set.getId(), unknown, CaseFixture.ALICE))
        .satisfies(e -> assertStatus(e, 400, "'search'", "00000000-0000-0000-0000-000000000007"));
    assertThatThrownBy(
            () ->
                OperationRequest.parseParameters(
                    CaseAction.addToReviewSet,
                    Json.object("{'itemsToInclude':'everything'}"),
                    false))
        .satisfies(e -> assertStatus(e, 400, "itemsToInclude"));
    assertThat(f.operations.stored).isEmpty();
  }

  @Test
  void filesComeWithTheirSourceTypeTagsAndGraphShape() throws IOException {
    ReviewSet set = f.reviewSet("R");
    ReviewSetItem mail =
        f.file(set, f.mailbox, "email", "Hello", "From: bob".getBytes(StandardCharsets.UTF_8));
    ReviewSetItem doc = f.file(set, f.site, "docs", "Plan.PDF", new byte[] {1, 2, 3});
    ReviewTag hot = f.tag("Hot", null);
    f.tags.retag(set.getId(), Map.of(mail.getId(), Set.of(hot.getId())), Map.of());

    List<ReviewSetService.FileView> files = service.files(f.caseId, set.getId(), 0, 10);
    assertThat(service.countFiles(set.getId())).isEqualTo(2);
    assertThat(files)
        .extracting(v -> v.file().getId())
        .containsExactlyInAnyOrder(mail.getId(), doc.getId());

    ReviewSetService.FileView mailView = service.file(f.caseId, set.getId(), mail.getId());
    JsonObject json =
        FileJson.entity(ROOT, mailView.file(), mailView.sourceKind(), mailView.tags());
    assertThat(json.getString("@odata.context"))
        .endsWith(
            "ediscoveryCases('" + f.caseId + "')/reviewSets('" + set.getId() + "')/files/$entity");
    assertThat(json.getString("name")).isEqualTo("Hello");
    assertThat(json.getString("mediaType")).isEqualTo("message/rfc822");
    assertThat(json.getString("extension")).isEqualTo("eml");
    assertThat(json.getString("sourceType")).isEqualTo("mailbox");
    assertThat(json.getString("subjectTitle")).isEqualTo("Subject of Hello");
    assertThat(json.getJsonArray("senderOrAuthors").getString(0)).isEqualTo("bob@example.com");
    assertThat(json.getString("processingStatus")).isEqualTo("success");
    assertThat(json.getJsonNumber("size").longValue()).isEqualTo(9);
    assertThat(json.getJsonArray("tags").getJsonObject(0).getString("displayName"))
        .isEqualTo("Hot");

    ReviewSetService.FileView docView = service.file(f.caseId, set.getId(), doc.getId());
    JsonObject docJson = FileJson.item(docView.file(), docView.sourceKind(), docView.tags());
    assertThat(docJson.getString("sourceType")).isEqualTo("site");
    assertThat(docJson.getString("extension")).isEqualTo("pdf");
    assertThat(docJson.getString("mediaType")).isEqualTo("application/pdf");
    assertThat(docJson.getJsonArray("tags")).isEmpty();
  }

  @Test
  void contentIsTheStoredBytesWithTheFilesMediaType() throws IOException {
    ReviewSet set = f.reviewSet("R");
    ReviewSetItem mail =
        f.file(set, f.mailbox, "email", "Hello", "From: bob".getBytes(StandardCharsets.UTF_8));

    ReviewSetService.FileContent content = service.content(f.caseId, set.getId(), mail.getId());
    try (InputStream in = content.stream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("From: bob");
    }
    assertThat(content.mediaType()).isEqualTo("message/rfc822");
    assertThat(content.size()).isEqualTo(9);

    f.contents.stored.clear();
    assertThatThrownBy(() -> service.content(f.caseId, set.getId(), mail.getId()))
        .satisfies(e -> assertStatus(e, 404, mail.getId()));
    assertThatThrownBy(
            () -> service.file(f.caseId, set.getId(), "0123456789abcdef0123456789abcdef"))
        .satisfies(e -> assertStatus(e, 404, "ediscoveryFile"));
  }

  @Test
  void queriesTakeKqlWithTagsUnderEitherName() {
    ReviewSet set = f.reviewSet("R");
    ReviewSetRequests.NewQuery request =
        ReviewSetRequests.parseNewQuery(
            Json.object("{'displayName':'Q','query':'tag:\\\"Hot\\\" AND budget'}"));
    assertThat(request.contentQuery()).isEqualTo("tag:\"Hot\" AND budget");

    ReviewSetQuery q = service.addQuery(f.caseId, set.getId(), request, CaseFixture.ALICE);
    assertThat(service.getQuery(f.caseId, set.getId(), q.getId()).getContentQuery())
        .isEqualTo("tag:\"Hot\" AND budget");
    assertThat(service.listQueries(f.caseId, set.getId(), ListQuery.page(0, 10))).hasSize(1);

    service.updateQuery(
        f.caseId,
        set.getId(),
        q.getId(),
        ReviewSetRequests.parseQueryChanges(Json.object("{'contentQuery':'subject:plan'}")),
        CaseFixture.ALICE);
    ReviewSetQuery changed = service.getQuery(f.caseId, set.getId(), q.getId());
    assertThat(changed.getContentQuery()).isEqualTo("subject:plan");
    assertThat(changed.getDisplayName()).isEqualTo("Q");
    JsonObject json = ReviewSetJson.queryEntity(ROOT, changed);
    assertThat(json.getString("contentQuery")).isEqualTo("subject:plan");
    assertThat(json.getString("@odata.context")).endsWith("/queries/$entity");

    service.deleteQuery(f.caseId, set.getId(), q.getId());
    assertThatThrownBy(() -> service.getQuery(f.caseId, set.getId(), q.getId()))
        .satisfies(e -> assertStatus(e, 404, q.getId()));
  }

  @Test
  void queryBodiesAreChecked() {
    assertThatThrownBy(
            () ->
                ReviewSetRequests.parseNewQuery(
                    Json.object("{'displayName':'Q','query':'a','contentQuery':'b'}")))
        .satisfies(e -> assertStatus(e, 400, "once"));
    assertThatThrownBy(
            () ->
                ReviewSetRequests.parseNewQuery(
                    Json.object("{'displayName':'Q','contentQuery':'(a'}")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.badRequest);
              assertThat(e.getMessage()).contains("position");
            });
    assertThatThrownBy(() -> ReviewSetRequests.parseNewQuery(Json.object("{'query':'a'}")))
        .satisfies(e -> assertStatus(e, 400, "displayName"));
  }

  @Test
  void applyTagsNeedsExistingTagsOfTheCase() {
    ReviewSet set = f.reviewSet("R");
    ReviewSetQuery q = f.query(set, "Q", "budget");
    ReviewTag hot = f.tag("Hot", null);
    ReviewTag cold = f.tag("Cold", null);

    OperationRequest params =
        OperationRequest.parseParameters(
            CaseAction.applyTags,
            Json.object(
                "{'tagsToAdd':[{'id':'"
                    + hot.getId()
                    + "'}],'tagsToRemove':[{'id':'"
                    + cold.getId()
                    + "'}]}"),
            false);
    CaseOperation op =
        service.applyTags(f.caseId, set.getId(), q.getId(), params, CaseFixture.ALICE);

    assertThat(op.getAction().derivedType()).isEqualTo("ediscoveryTagOperation");
    assertThat(op.getTarget().getQueryId()).isEqualTo(q.getId());
    assertThat(op.getTarget().getReviewSetId()).isEqualTo(set.getId());
    assertThat(op.getTarget().getTagsToAdd()).containsExactly(hot.getId());
    assertThat(op.getTarget().getTagsToRemove()).containsExactly(cold.getId());

    String bad = "00000000-0000-0000-0000-0000000000ab";
    OperationRequest unknown =
        OperationRequest.parseParameters(
            CaseAction.applyTags, Json.object("{'tagsToRemove':[{'id':'" + bad + "'}]}"), false);
    assertThatThrownBy(
            () -> service.applyTags(f.caseId, set.getId(), q.getId(), unknown, CaseFixture.ALICE))
        .satisfies(e -> assertStatus(e, 400, bad, "tagsToRemove"));
    OperationRequest empty =
        OperationRequest.parseParameters(
            CaseAction.applyTags, Json.object("{'tagsToAdd':[]}"), false);
    assertThatThrownBy(
            () -> service.applyTags(f.caseId, set.getId(), q.getId(), empty, CaseFixture.ALICE))
        .satisfies(e -> assertStatus(e, 400, "tagsToAdd", "tagsToRemove"));
    assertThatThrownBy(
            () ->
                service.applyTags(
                    f.caseId,
                    set.getId(),
                    "00000000-0000-0000-0000-0000000000cd",
                    params,
                    CaseFixture.ALICE))
        .satisfies(e -> assertStatus(e, 404, "ediscoveryReviewSetQuery"));
    assertThat(f.operations.stored).hasSize(1);
  }
}
