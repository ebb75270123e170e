package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.caseops.api.cases.CaseRequests;
import org.caseops.api.custodians.CustodianRequests;
import org.caseops.api.errors.ApiException;
import org.caseops.api.holds.LegalHoldRequests;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.caseops.api.reviewsets.ReviewSetRequests;
import org.caseops.api.searches.SearchRequests;
import org.caseops.api.tags.TagRequests;
import org.caseops.domain.support.RequestRefusedException;

/**
 * Hostile and random request bodies, read as the server reads them ({@link JsonBody#parse}) and
 * bound by every request parser of the API: the answer is a request or a refusal that maps to a
 * Graph 4xx ({@link ApiException} with a 4xx status, or the domain's {@link
 * RequestRefusedException}), never another exception; nesting is bounded; what a client writes
 * comes back unchanged.
 */
class JsonBindingPropertyTest {

  /** Every parser of a JSON request body, as the resources call them. */
  private static List<Consumer<JsonObject>> binders() {
    List<Consumer<JsonObject>> binders = new ArrayList<>();
    binders.add(CaseRequests::parseNew);
    binders.add(CaseRequests::parseChanges);
    binders.add(CustodianRequests::parseCustodian);
    binders.add(CustodianRequests::parseUserSource);
    binders.add(CustodianRequests::parseSiteSource);
    binders.add(json -> SearchRequests.parseNew(json, false));
    binders.add(json -> SearchRequests.parseNew(json, true));
    binders.add(json -> SearchRequests.parseChanges(json, false));
    binders.add(json -> SearchRequests.parseChanges(json, true));
    binders.add(LegalHoldRequests::parseCreate);
    binders.add(LegalHoldRequests::parsePatch);
    binders.add(ReviewSetRequests::parseNewReviewSet);
    binders.add(ReviewSetRequests::parseNewQuery);
    binders.add(ReviewSetRequests::parseQueryChanges);
    binders.add(TagRequests::parseNew);
    binders.add(TagRequests::parseChanges);
    binders.add(json -> OperationRequest.parse(json, false));
    binders.add(json -> OperationRequest.parse(json, true));
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      for (ActionEndpoint endpoint : descriptor.endpoints()) {
        binders.add(json -> OperationRequest.parseParameters(endpoint, json, false));
        binders.add(json -> OperationRequest.parseParameters(endpoint, json, true));
      }
    }
    return binders;
  }

  private static final List<Consumer<JsonObject>> BINDERS = binders();

  private static void refused4xx(RuntimeException e) {
    if (e instanceof ApiException api) {
      assertThat(api.status()).as(api.getMessage()).isBetween(400, 499);
      assertThat(api.getMessage()).isNotBlank();
    } else if (e instanceof RequestRefusedException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    } else {
      throw e;
    }
  }

  /** Reads the bytes as a request body, then binds the object with every parser. */
  private static void bindsOrRefuses(byte[] body) {
    JsonObject json;
    try {
      json = JsonBody.parse(body);
    } catch (RuntimeException e) {
      refused4xx(e);
      return;
    }
    for (Consumer<JsonObject> binder : BINDERS) {
      try {
        binder.accept(json);
      } catch (RuntimeException e) {
        refused4xx(e);
      }
    }
  }

  @Property(tries = 1000)
  void anyBytesAreABodyOrA4xx(@ForAll byte[] body) {
    bindsOrRefuses(body);
  }

  @Property(tries = 2000)
  void anySequenceOfJsonTokensIsABodyOrA4xx(@ForAll("jsonLikeText") String body) {
    bindsOrRefuses(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 3000)
  void anyObjectOfKnownAndUnknownPropertiesIsBoundOrA4xx(@ForAll("objects") String body) {
    bindsOrRefuses(body.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 40)
  void deepNestingIsRefusedNotOverflowed(
      @ForAll @IntRange(min = JsonBody.MAX_DEPTH + 1, max = 400_000) int depth,
      @ForAll("nestings") Tuple.Tuple2<String, String> nesting) {
    String body =
        "{\"displayName\":"
            + nesting.get1().repeat(depth)
            + "1"
            + nesting.get2().repeat(depth)
            + "}";
    if (body.length() > JsonBody.MAX_BYTES) {
      body = body.substring(0, JsonBody.MAX_BYTES);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JsonBody.parse(bytes))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  @Example
  void nestingUpToTheLimitIsRead() {
    String body =
        "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH - 1) + "]".repeat(JsonBody.MAX_DEPTH - 1) + "}";
    assertThat(JsonBody.parse(body.getBytes(StandardCharsets.UTF_8))).containsKey("a");
    String deeper =
        "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH) + "}";
    assertThatThrownBy(() -> JsonBody.parse(deeper.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("nests");
  }

  @Property(tries = 500)
  void aCaseWrittenAsJsonIsReadBackUnchanged(
      @ForAll("text") String displayName,
      @ForAll("text") String description,
      @ForAll("text") String externalId) {
    JsonObjectBuilder written = Json.createObjectBuilder().add("displayName", displayName);
    written.add("description", description).add("externalId", externalId);
    byte[] body = written.build().toString().getBytes(StandardCharsets.UTF_8);

    CaseRequests.NewCase read = CaseRequests.parseNew(JsonBody.parse(body));

    assertThat(read).isEqualTo(new CaseRequests.NewCase(displayName, description, externalId));
  }

  // ---- generators

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .all()
        .ofMinLength(1)
        .ofMaxLength(60)
        .filter(s -> !s.isBlank())
        .filter(JsonBindingPropertyTest::wellFormedUtf16);
  }

  private static boolean wellFormedUtf16(String s) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(s);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, String>> nestings() {
    return Arbitraries.of(
        Tuple.of("[", "]"),
        Tuple.of("{\"a\":", "}"),
        Tuple.of("[{\"a\":", "}]"),
        Tuple.of("[", ""));
  }

  @Provide
  Arbitrary<String> jsonLikeText() {
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            Tuple.of(
                6,
                Arbitraries.of(
                    "{",
                    "}",
                    "[",
                    "]",
                    ":",
                    ",",
                    "\"",
                    "\"displayName\"",
                    "\"action\"",
                    "\"@odata.type\"",
                    "true",
                    "false",
                    "null",
                    "1",
                    "-0",
                    "1e999999999",
                    "1E-999999999",
                    "99999999999999999999999",
                    "0.1",
                    "NaN",
                    "\\u0000",
                    "\\uD800",
                    "\\",
                    " ",
                    "\n")),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(5)));
    return token.list().ofMaxSize(50).map(tokens -> String.join("", tokens));
  }

  private static final List<String> NAMES =
      List.of(
          "displayName",
          "description",
          "externalId",
          "email",
          "includedSources",
          "site",
          "webUrl",
          "site@odata.bind",
          "contentQuery",
          "dataSourceScopes",
          "custodianSources@odata.bind",
          "additionalSources@odata.bind",
          "noncustodialSources@odata.bind",
          "action",
          "search",
          "search@odata.bind",
          "reviewSet",
          "reviewSet@odata.bind",
          "query",
          "reviewSetQuery",
          "tagsToAdd",
          "tagsToRemove",
          "id",
          "ids",
          "holdChange",
          "legalHold",
          "purgeType",
          "purgeAreas",
          "outputName",
          "exportOptions",
          "exportStructure",
          "exportCriteria",
          "exportLocation",
          "exportFormat",
          "additionalOptions",
          "batesPrefix",
          "batesStart",
          "statisticsOptions",
          "additionalDataOptions",
          "itemsToInclude",
          "parent",
          "parent@odata.bind",
          "childSelectability",
          "isEnabled",
          "status",
          "@odata.type",
          "createdDateTime",
          "percentProgress",
          "unknownProperty",
          "",
          "\u0000");

  private static final List<String> STRINGS =
      List.of(
          "\"x\"",
          "\"\"",
          "\"   \"",
          "\"julia@contoso.com\"",
          "\"a@b\"",
          "\"../../etc/passwd\"",
          "\"https://contoso.sharepoint.com/sites/legal\"",
          "\"https://contoso.sharepoint.com/sites/../../../etc\"",
          "\"file:///etc/passwd\"",
          "\"index\"",
          "\"estimateStatistics\"",
          "\"addToReviewSet\"",
          "\"applyTags\"",
          "\"convertToPdf\"",
          "\"contentExport\"",
          "\"holdUpdate\"",
          "\"unknownFutureValue\"",
          "\"purgeData\"",
          "\"exportReport\"",
          "\"exportResult\"",
          "\"holdPolicySync\"",
          "\"mailbox\"",
          "\"site\"",
          "\"allCaseCustodians\"",
          "\"allTenantMailboxes\"",
          "\"allCaseCustodians,allCaseNoncustodialDataSources\"",
          "\"applyHold\"",
          "\"removeHold\"",
          "\"recoverable\"",
          "\"permanentlyDelete\"",
          "\"mailboxes\"",
          "\"teamsMessages\"",
          "\"originalFiles,text,pdfReplacement,tags\"",
          "\"One\"",
          "\"Many\"",
          "\"#microsoft.graph.security.ediscoveryCase\"",
          "\"#microsoft.graph.security.ediscoveryEstimateOperation\"",
          "\"(((((a\"",
          "\"tag:x\"",
          "\"sent>=2024-01-01\"",
          "\"\\u0000\"",
          "\"\\uD800\"",
          "\"https://host/v1.0/security/cases/ediscoveryCases('x')/searches('y')\"");

  @Provide
  Arbitrary<String> objects() {
    return member()
        .list()
        .ofMaxSize(6)
        .map(members -> "{" + String.join(",", distinctNames(members)) + "}");
  }

  private static List<String> distinctNames(List<Tuple.Tuple2<String, String>> members) {
    List<String> written = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Tuple.Tuple2<String, String> m : members) {
      if (seen.add(m.get1())) {
        written.add(Json.createValue(m.get1()).toString() + ":" + m.get2());
      }
    }
    return written;
  }

  private Arbitrary<Tuple.Tuple2<String, String>> member() {
    return Combinators.combine(Arbitraries.of(NAMES), value(3)).as(Tuple::of);
  }

  private Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.of(STRINGS),
            Arbitraries.of(
                "0",
                "-1",
                "1",
                "99999999",
                "100000000",
                "1.5",
                "1e999999999",
                "-1e999999999",
                "1E-999999999",
                "123456789012345678901234567890",
                "true",
                "false",
                "null"),
            Arbitraries.strings().ofMaxLength(20).map(s -> Json.createValue(s).toString()));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> value(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(5, scalar),
        Tuple.of(1, inner.list().ofMaxSize(4).map(values -> "[" + String.join(",", values) + "]")),
        Tuple.of(
            2,
            Combinators.combine(Arbitraries.of(NAMES), inner)
                .as(Tuple::of)
                .list()
                .ofMaxSize(3)
                .map(members -> "{" + String.join(",", distinctNames(members)) + "}")));
  }
}
