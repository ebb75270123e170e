package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bearer tokens through HTTP: every endpoint but {@code /health} (cases, custodians, operations
 * with their control, execution, event stream and clean-up, the caller, searches and their
 * estimates, review sets with their files, queries and actions, tags) answers 401 without a valid
 * token (none, a foreign signature, expired, another audience), 403 to a read-only token on a
 * write, and serves a read-write token; and the token's user or application is what a case records
 * as createdBy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  /**
   * One request of the matrix: a name, whether it writes, how to send it with a client, and whether
   * a read-write token may meet a 409 (the request passed authorization and met the rules: a
   * finished operation cannot be cancelled).
   */
  private record Call(
      String name,
      boolean writes,
      Function<GraphClient, GraphClient.Reply> send,
      boolean mayConflict) {
    Call(String name, boolean writes, Function<GraphClient, GraphClient.Reply> send) {
      this(name, writes, send, false);
    }
  }

  @Test
  void everyEndpointNeedsAValidTokenWithTheRightPermission() {
    // Its own user, so that this test's submissions are throttled apart from the other tests'.
    String oid = UUID.randomUUID().toString();
    GraphClient writer =
        new GraphClient(url)
            .withToken(TestTokens.user(oid, "Matrix Writer", TestTokens.READ_WRITE));
    String tag = oid.substring(0, 8);
    String caseId = createCase(writer, "Authorization " + tag);
    GraphClient.Reply started =
        writer.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    String operationId = started.json().getString("id");
    List<String> doomed = new ArrayList<>();
    List<String> made = new ArrayList<>();

    // A search (estimated once), a review set with a query, and a tag, for the endpoints under
    // them.
    String base = CASES + "/" + caseId;
    writer.awaitTerminal(started.header("Location"));
    String searchId =
        created(
            writer.post(
                base + "/searches", "{\"displayName\":\"Matrix\",\"contentQuery\":\"merger\"}"));
    String search = base + "/searches/" + searchId;
    writer.awaitTerminal(writer.post(search + "/estimateStatistics", "{}").header("Location"));
    String reviewSet =
        base
            + "/reviewSets/"
            + created(writer.post(base + "/reviewSets", "{\"displayName\":\"Matrix\"}"));
    String query =
        reviewSet
            + "/queries/"
            + created(
                writer.post(
                    reviewSet + "/queries", "{\"displayName\":\"Matrix\",\"contentQuery\":\"\"}"));
    String tagId = created(writer.post(base + "/tags", "{\"displayName\":\"Matrix\"}"));
    List<String> pdfCases = new ArrayList<>();
    String pdf = fileWithPdf(writer, tag, pdfCases);

    List<Call> calls =
        List.of(
            new Call("list cases", false, c -> c.get(CASES)),
            new Call("get case", false, c -> c.get(CASES + "/" + caseId)),
            new Call(
                "create case",
                true,
                c -> {
                  GraphClient.Reply reply =
                      c.post(CASES, "{\"displayName\":\"Made " + UUID.randomUUID() + "\"}");
                  if (reply.status() == 201) {
                    made.add(reply.json().getString("id"));
                  }
                  return reply;
                }),
            new Call(
                "patch case",
                true,
                c -> c.patch(CASES + "/" + caseId, "{\"description\":\"checked\"}")),
            new Call(
                "delete case",
                true,
                c -> {
                  String victim = createCase(writer, "Doomed " + UUID.randomUUID());
                  doomed.add(victim);
                  return c.delete(CASES + "/" + victim);
                }),
            new Call(
                "create custodian",
                true,
                c ->
                    c.post(
                        CASES + "/" + caseId + "/custodians",
                        "{\"email\":\"" + UUID.randomUUID() + "@contoso.com\"}")),
            new Call(
                "create operation",
                true,
                c -> c.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}")),
            new Call(
                "get operation",
                false,
                c -> c.get(CASES + "/" + caseId + "/operations/" + operationId)),
            new Call("list operations", false, c -> c.get(CASES + "/" + caseId + "/operations")),
            new Call(
                "operations of every case",
                false,
                c -> c.get("/v1.0/caseops/operations?$filter=caseId%20eq%20%27" + caseId + "%27")),
            new Call("itemStatistics", false, c -> c.get(CASES + "/" + caseId + "/itemStatistics")),
            new Call(
                "cancel operation",
                true,
                c -> c.post(base + "/operations/" + operationId + "/cancel", ""),
                true),
            new Call(
                "retry operation",
                true,
                c -> c.post(base + "/operations/" + operationId + "/retry", ""),
                true),
            new Call(
                "operation's execution",
                false,
                c -> c.get(base + "/operations/" + operationId + "/caseops.execution")),
            new Call(
                "operation's failed items",
                false,
                c -> c.get(base + "/operations/" + operationId + "/caseops.execution/failedItems")),
            new Call(
                "operation events", false, c -> c.streamHead("/v1.0/caseops/operations/events")),
            new Call(
                "clean up operations",
                true,
                c ->
                    c.post(
                        "/v1.0/caseops/operations/cleanUp",
                        "{\"endedBefore\":\"2000-01-01T00:00:00Z\"}")),
            new Call("the caller", false, c -> c.get("/v1.0/caseops/me")),
            new Call(
                "create search",
                true,
                c -> c.post(base + "/searches", "{\"displayName\":\"" + UUID.randomUUID() + "\"}")),
            new Call("list searches", false, c -> c.get(base + "/searches")),
            new Call("get search", false, c -> c.get(search)),
            new Call("patch search", true, c -> c.patch(search, "{\"description\":\"checked\"}")),
            new Call(
                "delete search",
                true,
                c ->
                    c.delete(
                        base
                            + "/searches/"
                            + created(
                                writer.post(
                                    base + "/searches",
                                    "{\"displayName\":\"" + UUID.randomUUID() + "\"}")))),
            new Call("search custodianSources", false, c -> c.get(search + "/custodianSources")),
            new Call(
                "lastEstimateStatisticsOperation",
                false,
                c -> c.get(search + "/lastEstimateStatisticsOperation")),
            new Call("estimateStatistics", true, c -> c.post(search + "/estimateStatistics", "{}")),
            new Call(
                "create review set",
                true,
                c ->
                    c.post(
                        base + "/reviewSets",
                        "{\"displayName\":\""
                            + UUID.randomUUID().toString().substring(0, 30)
                            + "\"}")),
            new Call("list review sets", false, c -> c.get(base + "/reviewSets")),
            new Call("get review set", false, c -> c.get(reviewSet)),
            new Call(
                "addToReviewSet",
                true,
                c ->
                    c.post(
                        reviewSet + "/addToReviewSet",
                        "{\"search\":{\"id\":\"" + searchId + "\"}}")),
            new Call("list files", false, c -> c.get(reviewSet + "/files")),
            new Call("get a file's pdf", false, c -> c.get(pdf)),
            new Call(
                "create query",
                true,
                c ->
                    c.post(
                        reviewSet + "/queries",
                        "{\"displayName\":\""
                            + UUID.randomUUID()
                            + "\",\"contentQuery\":\"tag:Matrix\"}")),
            new Call("list queries", false, c -> c.get(reviewSet + "/queries")),
            new Call("get query", false, c -> c.get(query)),
            new Call(
                "applyTags",
                true,
                c -> c.post(query + "/applyTags", "{\"tagsToAdd\":[{\"id\":\"" + tagId + "\"}]}")),
            new Call(
                "export",
                true,
                c -> c.post(query + "/export", "{\"outputName\":\"Matrix export\"}")),
            new Call(
                "create tag",
                true,
                c -> c.post(base + "/tags", "{\"displayName\":\"" + UUID.randomUUID() + "\"}")),
            new Call("list tags", false, c -> c.get(base + "/tags")),
            new Call("get tag", false, c -> c.get(base + "/tags/" + tagId)),
            new Call(
                "patch tag",
                true,
                c -> c.patch(base + "/tags/" + tagId, "{\"description\":\"checked\"}")),
            new Call("childTags", false, c -> c.get(base + "/tags/" + tagId + "/childTags")),
            new Call(
                "tags asHierarchy",
                false,
                c -> c.get(base + "/tags/microsoft.graph.security.asHierarchy()")),
            new Call(
                "applyHold",
                true,
                c -> c.post(base + "/custodians/" + custodian(writer, base) + "/applyHold", "")),
            new Call(
                "release custodian",
                true,
                c -> c.post(base + "/custodians/" + custodian(writer, base) + "/release", "")),
            new Call(
                "activate custodian",
                true,
                c -> {
                  String released = base + "/custodians/" + custodian(writer, base);
                  assertThat(writer.post(released + "/release", "").status()).isEqualTo(202);
                  return c.post(released + "/activate", "");
                }));

    GraphClient anonymous = writer.withToken(null);
    GraphClient forged = writer.withToken(TestTokens.untrustedSignature(oid));
    GraphClient expired = writer.withToken(TestTokens.expired(oid));
    GraphClient foreign = writer.withToken(TestTokens.otherAudience(oid));
    GraphClient reader = writer.withToken(TestTokens.user(oid, "Matrix Reader", TestTokens.READ));

    for (Call call : calls) {
      GraphClient.Reply none = call.send().apply(anonymous);
      assertUnauthenticated(call, none, null);
      assertThat(none.header("WWW-Authenticate")).as(call.name()).isEqualTo("Bearer");
      assertThat(none.errorMessage()).isEqualTo("Access token is empty.");

      assertUnauthenticated(call, call.send().apply(forged), "The token signature is invalid.");
      assertUnauthenticated(call, call.send().apply(expired), "The token has expired.");
      assertUnauthenticated(
          call, call.send().apply(foreign), "The token is not meant for this service");

      GraphClient.Reply read = call.send().apply(reader);
      if (call.writes()) {
        assertThat(read.status()).as(call.name() + " read-only: " + read).isEqualTo(403);
        assertThat(read.errorCode()).isEqualTo("accessDenied");
        assertThat(read.errorMessage()).contains("eDiscovery.ReadWrite.All");
        assertThat(read.header("request-id")).isNotBlank();
        assertThat(read.header("WWW-Authenticate")).isNull();
      } else {
        assertThat(read.status()).as(call.name() + " read-only: " + read).isEqualTo(200);
      }

      GraphClient.Reply written = call.send().apply(writer);
      if (call.mayConflict() && written.status() == 409) {
        assertThat(written.errorCode()).isEqualTo("conflict");
      } else {
        assertThat(written.status())
            .as(call.name() + " read-write: " + written)
            .isBetween(200, 204);
      }
    }

    // The refused deletes left their cases in place; the accepted one removed its case.
    assertThat(doomed).hasSize(6);
    for (String victim : doomed.subList(0, 5)) {
      assertThat(writer.get(CASES + "/" + victim).status()).isEqualTo(200);
    }
    assertThat(writer.get(CASES + "/" + doomed.get(5)).status()).isEqualTo(404);
    // Only the read-write token created a case.
    assertThat(made).hasSize(1);

    // The shared test database keeps nothing of this test.
    made.addAll(doomed.subList(0, 5));
    made.add(caseId);
    made.addAll(pdfCases);
    for (String id : made) {
      deleteWhenIdle(writer, id);
    }
  }

  /** A new custodian of the case, made by the given client. */
  private static String custodian(GraphClient writer, String base) {
    return created(
        writer.post(base + "/custodians", "{\"email\":\"" + UUID.randomUUID() + "@contoso.com\"}"));
  }

  private static String created(GraphClient.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static void assertUnauthenticated(
      Call call, GraphClient.Reply reply, String description) {
    assertThat(reply.status()).as(call.name() + ": " + reply).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("InvalidAuthenticationToken");
    JsonObject inner = reply.json().getJsonObject("error").getJsonObject("innerError");
    assertThat(inner.getString("request-id")).isEqualTo(reply.header("request-id"));
    if (description != null) {
      assertThat(reply.errorMessage()).as(call.name()).startsWith(description);
      assertThat(reply.header("WWW-Authenticate"))
          .as(call.name())
          .startsWith("Bearer error=\"invalid_token\", error_description=\"" + description);
    }
  }

  @Test
  void healthNeedsNoToken() {
    GraphClient.Reply health = new GraphClient(url).withToken(null).get("/health");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
  }

  @Test
  void aMalformedAuthorizationHeaderIsRefused() {
    GraphClient api = new GraphClient(url);
    GraphClient.Reply basic = api.get(CASES, Map.of("Authorization", "Basic YWxpY2U6c2VjcmV0"));
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    GraphClient.Reply garbage = api.get(CASES, Map.of("Authorization", "Bearer not.a.token"));
    assertThat(garbage.status()).isEqualTo(401);
    assertThat(garbage.errorMessage()).isEqualTo("The token is not a well-formed signed JWT.");
  }

  @Test
  void aCaseRecordsTheUserOrApplicationOfTheToken() {
    String oid = UUID.randomUUID().toString();
    GraphClient user =
        new GraphClient(url)
            .withToken(TestTokens.user(oid, "Dana Reviewer", TestTokens.READ_WRITE));
    String appId = UUID.randomUUID().toString();
    GraphClient app =
        new GraphClient(url)
            .withToken(
                TestTokens.application(appId, "Nightly Intake", List.of(TestTokens.READ_WRITE)));

    GraphClient.Reply byUser = user.post(CASES, "{\"displayName\":\"By user " + oid + "\"}");
    assertThat(byUser.status()).as(byUser.toString()).isEqualTo(201);
    JsonObject createdByUser = byUser.json().getJsonObject("createdBy");
    assertThat(createdByUser.getJsonObject("user").getString("id")).isEqualTo(oid);
    assertThat(createdByUser.getJsonObject("user").getString("displayName"))
        .isEqualTo("Dana Reviewer");
    assertThat(createdByUser.isNull("application")).isTrue();

    GraphClient.Reply byApp = app.post(CASES, "{\"displayName\":\"By app " + appId + "\"}");
    assertThat(byApp.status()).as(byApp.toString()).isEqualTo(201);
    JsonObject createdByApp = byApp.json().getJsonObject("createdBy");
    assertThat(createdByApp.getJsonObject("application").getString("id")).isEqualTo(appId);
    assertThat(createdByApp.getJsonObject("application").getString("displayName"))
        .isEqualTo("Nightly Intake");
    assertThat(createdByApp.isNull("user")).isTrue();

    // The application changes the user's case: lastModifiedBy follows, createdBy stays.
    String caseId = byUser.json().getString("id");
    assertThat(app.patch(CASES + "/" + caseId, "{\"description\":\"triaged\"}").status())
        .isEqualTo(204);
    JsonObject changed = user.get(CASES + "/" + caseId).json();
    assertThat(changed.getJsonObject("lastModifiedBy").getJsonObject("application").getString("id"))
        .isEqualTo(appId);
    assertThat(changed.getJsonObject("createdBy").getJsonObject("user").getString("id"))
        .isEqualTo(oid);

    assertThat(user.delete(CASES + "/" + caseId).status()).isEqualTo(204);
    assertThat(app.delete(CASES + "/" + byApp.json().getString("id")).status()).isEqualTo(204);
  }

  /**
   * Deletes a case once its operations have finished (until then the delete is refused with 409).
   */
  private static void deleteWhenIdle(GraphClient api, String caseId) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      GraphClient.Reply deleted = api.delete(CASES + "/" + caseId);
      if (deleted.status() == 204) {
        return;
      }
      assertThat(deleted.status()).as(deleted.toString()).isEqualTo(409);
      assertThat(Instant.now()).as("case " + caseId + " still busy").isBefore(deadline);
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The URL of the PDF of a review-set file, in a case of its own (added to {@code cases}): one
   * message indexed, added to a review set and converted.
   */
  private static String fileWithPdf(GraphClient writer, String tag, List<String> cases) {
    String email = "pdf." + tag + "@corp.example";
    Evidence.write(
        new Evidence().mailbox(email).resolve("inbox/m.eml"),
        Evidence.message(
            "ann@corp.example",
            email,
            "Matrix PDF",
            "Tue, 05 Mar 2024 09:30:00 +0000",
            "m." + tag + "@corp.example",
            "A message to render."));
    String caseId = createCase(writer, "Authorization PDF " + tag);
    cases.add(caseId);
    String base = CASES + "/" + caseId;
    String custodian = created(writer.post(base + "/custodians", "{\"email\":\"" + email + "\"}"));
    created(
        writer.post(
            base + "/custodians/" + custodian + "/userSources", "{\"email\":\"" + email + "\"}"));
    awaitSucceeded(writer, writer.post(base + "/operations", "{\"action\":\"index\"}"));
    String searchId =
        created(
            writer.post(
                base + "/searches",
                "{\"displayName\":\"All\",\"contentQuery\":\"\","
                    + "\"dataSourceScopes\":\"allCaseCustodians\"}"));
    String reviewSetId = created(writer.post(base + "/reviewSets", "{\"displayName\":\"PDF\"}"));
    String reviewSet = base + "/reviewSets/" + reviewSetId;
    awaitSucceeded(
        writer,
        writer.post(reviewSet + "/addToReviewSet", "{\"search\":{\"id\":\"" + searchId + "\"}}"));
    awaitSucceeded(
        writer,
        writer.post(
            base + "/operations",
            "{\"action\":\"convertToPdf\",\"reviewSet\":{\"id\":\"" + reviewSetId + "\"}}"));
    String fileId =
        writer
            .get(reviewSet + "/files")
            .json()
            .getJsonArray("value")
            .getJsonObject(0)
            .getString("id");
    return reviewSet + "/files/" + fileId + "/pdf";
  }

  private static void awaitSucceeded(GraphClient api, GraphClient.Reply started) {
    assertThat(started.status()).as(started.toString()).isIn(201, 202);
    JsonObject op = api.awaitTerminal(started.header("Location"));
    assertThat(op.getString("status")).as(op.toString()).isEqualTo("succeeded");
  }

  private static String createCase(GraphClient api, String name) {
    GraphClient.Reply created = api.post(CASES, "{\"displayName\":\"" + name + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }
}
