package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Fields;
import org.caseops.api.testing.Json;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.searches.EdiscoverySearch;
import org.junit.jupiter.api.Test;

/**
 * POST .../operations with targets, as the Graph SDKs send them, through to the stored operation
 * and its JSON.
 */
class OperationTargetsTest {
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

  private final CaseFixture f = new CaseFixture();

  private CaseOperation post(String body) {
    OperationRequest request = OperationRequest.parse(Json.object(body), false);
    OperationTarget target = f.targets.resolve(f.caseId, request);
    return f.operationService.submit(f.caseId, request.action(), target, CaseFixture.ALICE);
  }

  private static void assertStatus(Throwable t, int status, String... inMessage) {
    ApiErrors.assertStatus(t, status, inMessage);
  }

  @Test
  void anEstimateNamesItsSearchAsANavigationOrABindUrl() {
    EdiscoverySearch a = f.search("A");
    EdiscoverySearch b = f.search("B");

    CaseOperation byRef =
        post(
            "{'@odata.type':'#microsoft.graph.security.ediscoveryEstimateOperation','action':'estimateStatistics',"
                + "'search':{'id':'"
                + a.getId()
                + "'},'statisticsOptions':'includeRefiners'}");
    CaseOperation byBind =
        post(
            "{'action':'estimateStatistics','search@odata.bind':'https://h/v1.0/security/cases/ediscoveryCases/"
                + f.caseId
                + "/searches/"
                + b.getId()
                + "'}");

    assertThat(byRef.getTarget().getSearchId()).isEqualTo(a.getId());
    assertThat(byRef.getTarget().getOptions()).containsExactly("includeRefiners");
    assertThat(byBind.getTarget().getSearchId()).isEqualTo(b.getId());
    assertThat(f.jobs.started).containsExactly("estimateStatistics", "estimateStatistics");
  }

  @Test
  void aMissingTargetIsRefusedNamingIt() {
    assertThatThrownBy(() -> post("{'action':'estimateStatistics'}"))
        .satisfies(e -> assertStatus(e, 400, "search"));
    EdiscoverySearch s = f.search("S");
    assertThatThrownBy(
            () -> post("{'action':'addToReviewSet','search':{'id':'" + s.getId() + "'}}"))
        .satisfies(e -> assertStatus(e, 400, "reviewSet"));
    ReviewSet set = f.reviewSet("R");
    assertThatThrownBy(
            () -> post("{'action':'applyTags','reviewSet':{'id':'" + set.getId() + "'}}"))
        .satisfies(e -> assertStatus(e, 400, "query"));
    assertThat(f.operations.stored).isEmpty();
  }

  @Test
  void anUnknownTargetIsRefusedNamingIt() {
    String missing = "00000000-0000-0000-0000-000000000042";
    assertThatThrownBy(
            () -> post("{'action':'estimateStatistics','search':{'id':'" + missing + "'}}"))
        .satisfies(e -> assertStatus(e, 400, "'search'", missing));
    assertThatThrownBy(() -> post("{'action':'estimateStatistics','search':{'id':'nope'}}"))
        .satisfies(e -> assertStatus(e, 400, "nope"));
    assertThatThrownBy(
            () ->
                post(
                    "{'action':'estimateStatistics','search@odata.bind':'https://h/v1.0/x/tags/"
                        + missing
                        + "'}"))
        .satisfies(e -> assertStatus(e, 400, "searches"));
    assertThat(f.operations.stored).isEmpty();
  }

  @Test
  void addToReviewSetAndApplyTagsCarryTheirWholeTarget() {
    EdiscoverySearch s = f.search("S");
    ReviewSet set = f.reviewSet("R");
    ReviewSetQuery q = f.query(set, "Q", "");
    ReviewTag tag = f.tag("Hot", null);

    CaseOperation add =
        post(
            "{'action':'addToReviewSet','reviewSet':{'id':'"
                + set.getId()
                + "'},'search':{'id':'"
                + s.getId()
                + "'},'additionalDataOptions':'allVersions','itemsToInclude':'searchHits'}");
    CaseOperation tags =
        post(
            "{'action':'applyTags','reviewSet':{'id':'"
                + set.getId()
                + "'},'reviewSetQuery':{'id':'"
                + q.getId()
                + "'},'tagsToAdd':[{'id':'"
                + tag.getId()
                + "'}]}");

    assertThat(add.getTarget().getReviewSetId()).isEqualTo(set.getId());
    assertThat(add.getTarget().getSearchId()).isEqualTo(s.getId());
    JsonObject addJson = OperationJson.entity(ROOT, add, false);
    assertThat(addJson.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryAddToReviewSetOperation");
    assertThat(addJson.getString("additionalDataOptions")).isEqualTo("allVersions");
    assertThat(addJson.getString("itemsToInclude")).isEqualTo("searchHits");
    assertThat(tags.getTarget().getQueryId()).isEqualTo(q.getId());
    assertThat(tags.getTarget().getTagsToAdd()).containsExactly(tag.getId());
    assertThat(OperationJson.item(tags, false).getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryTagOperation");
  }

  @Test
  void propertiesOfAnotherActionAreRefused() {
    assertThatThrownBy(() -> post("{'action':'index','search':{'id':'x'}}"))
        .satisfies(e -> assertStatus(e, 400, "'search' does not exist"));
    assertThatThrownBy(() -> post("{'action':'estimateStatistics','tagsToAdd':[]}"))
        .satisfies(e -> assertStatus(e, 400, "'tagsToAdd' does not exist"));
  }

  @Test
  void theEstimateIsWrittenOnceRecorded() {
    EdiscoverySearch s = f.search("S");
    CaseOperation op =
        post(
            "{'action':'estimateStatistics','search':{'id':'"
                + s.getId()
                + "'},'statisticsOptions':'includeQueryStats,includeRefiners'}");

    JsonObject before = OperationJson.entity(ROOT, op, false);
    assertThat(before.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryEstimateOperation");
    assertThat(before.isNull("indexedItemCount")).isTrue();
    assertThat(before.getString("statisticsOptions"))
        .isEqualTo("includeRefiners,includeQueryStats");

    Fields.set(op, "estimate", new EstimateStatistics(12, 5_000_000_000L, 3, 40, 2, 1));
    JsonObject after = OperationJson.entity(ROOT, op, false);
    assertThat(after.getJsonNumber("indexedItemCount").longValue()).isEqualTo(12);
    assertThat(after.getJsonNumber("indexedItemsSize").longValue()).isEqualTo(5_000_000_000L);
    assertThat(after.getJsonNumber("unindexedItemCount").longValue()).isEqualTo(3);
    assertThat(after.getJsonNumber("unindexedItemsSize").longValue()).isEqualTo(40);
    assertThat(after.getInt("mailboxCount")).isEqualTo(2);
    assertThat(after.getInt("siteCount")).isEqualTo(1);
    assertThat(after).doesNotContainKey("search");
  }

  @Test
  void addToReviewSetsOfDifferentReviewSetsRunTogetherButNotTwiceOnOne() {
    EdiscoverySearch s = f.search("S");
    ReviewSet r1 = f.reviewSet("R1");
    ReviewSet r2 = f.reviewSet("R2");
    String body =
        "{'action':'addToReviewSet','reviewSet':{'id':'%s'},'search':{'id':'" + s.getId() + "'}}";
    post(body.formatted(r1.getId()));
    post(body.formatted(r2.getId()));
    assertThatThrownBy(() -> post(body.formatted(r1.getId())))
        .satisfies(e -> assertStatus(e, 409, r1.getId()));
  }
}
