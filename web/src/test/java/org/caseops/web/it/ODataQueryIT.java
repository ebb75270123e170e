package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OData query options through HTTP on Payara Micro with PostgreSQL: {@code $filter}, {@code
 * $orderby}, {@code $top} with {@code @odata.nextLink} followed to the end, {@code $count}, and the
 * 400s for what is malformed, unknown or tampered with.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ODataQueryIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";
  private static final Map<String, String> INCLUDE_UNKNOWN =
      Map.of("Prefer", "include-unknown-enum-members");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  private static String query(String... nameValue) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      parts.add(
          nameValue[i]
              + "="
              + URLEncoder.encode(nameValue[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return "?" + String.join("&", parts);
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("value").stream().map(v -> v.asJsonObject().getString("id")).toList();
  }

  private static JsonObject ok(GraphClient.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static void refused(GraphClient.Reply reply, String code, String messagePart) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.errorCode()).as(reply.toString()).isEqualTo(code);
    assertThat(reply.errorMessage()).contains(messagePart);
  }

  @Test
  void collectionsAreFilteredOrderedPagedAndCounted() {
    GraphClient api = new GraphClient(url);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String a = createCase(api, "OData " + tag + " A", "odata-" + tag + "-1");
    String b = createCase(api, "OData " + tag + " B", "odata-" + tag + "-2");
    String c = createCase(api, "OData " + tag + " C", "odata-" + tag + "-3");

    // Cases: equality, or, and with an enumeration, ordering.
    JsonObject second =
        ok(api.get(CASES + query("$filter", "externalId eq 'odata-" + tag + "-2'")));
    assertThat(ids(second)).containsExactly(b);
    assertThat(second.getInt("@odata.count")).isEqualTo(1);
    JsonObject outer =
        ok(
            api.get(
                CASES
                    + query(
                        "$filter",
                        "(externalId eq 'odata-"
                            + tag
                            + "-1' or externalId eq 'odata-"
                            + tag
                            + "-3')"
                            + " and status eq 'active'",
                        "$orderby",
                        "displayName desc")));
    assertThat(ids(outer)).containsExactly(c, a);
    JsonObject notB =
        ok(
            api.get(
                CASES
                    + query(
                        "$filter",
                        "externalId ne null"
                            + " and externalId ge 'odata-"
                            + tag
                            + "' and externalId le 'odata-"
                            + tag
                            + "-9'"
                            + " and not (displayName eq 'OData "
                            + tag
                            + " B')",
                        "$select",
                        "displayName")));
    assertThat(ids(notB)).containsExactly(a, c);
    assertThat(notB.getJsonArray("value").getJsonObject(0).containsKey("externalId")).isFalse();

    // $top with @odata.nextLink followed to the end; every page counts all three.
    String ours = "externalId ge 'odata-" + tag + "' and externalId le 'odata-" + tag + "-9'";
    String next =
        CASES
            + query(
                "$filter", ours, "$orderby", "createdDateTime desc", "$top", "1", "$count", "true");
    List<String> seen = new ArrayList<>();
    List<String> links = new ArrayList<>();
    while (next != null) {
      JsonObject page = ok(api.get(next));
      assertThat(page.getInt("@odata.count")).isEqualTo(3);
      seen.addAll(ids(page));
      JsonValue link = page.get("@odata.nextLink");
      next = link == null ? null : page.getString("@odata.nextLink");
      if (next != null) {
        links.add(next);
        assertThat(next).startsWith("http").contains("$skiptoken=").doesNotContain("$skip=");
      }
      assertThat(seen.size()).as("pages followed").isLessThanOrEqualTo(3);
    }
    assertThat(seen).containsExactly(c, b, a);
    assertThat(links).hasSize(2);

    // A skiptoken only works unaltered and with the options it was made for.
    String link = links.get(0);
    int token = link.indexOf("$skiptoken=") + "$skiptoken=".length();
    char firstChar = link.charAt(token);
    refused(
        api.get(
            link.substring(0, token) + (firstChar == 'A' ? 'B' : 'A') + link.substring(token + 1)),
        "badRequest",
        "$skiptoken");
    refused(api.get(link.replace("%20desc", "%20asc")), "badRequest", "$skiptoken");
    refused(api.get(link.replace("top=1", "top=2")), "badRequest", "$skiptoken");

    // Operations: three index operations on a case without sources, one after the other.
    String operations = CASES + "/" + a + "/operations";
    List<JsonObject> ops = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      GraphClient.Reply created = api.post(operations, "{\"action\":\"index\"}");
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      ops.add(api.awaitTerminal(created.header("Location")));
    }
    List<String> opIds = ops.stream().map(op -> op.getString("id")).toList();
    // Between the first and the second operation, away from either (stored precision may differ
    // from the clock's).
    Instant first = Instant.parse(ops.get(0).getString("createdDateTime"));
    Instant secondCreated = Instant.parse(ops.get(1).getString("createdDateTime"));
    String between = first.plus(Duration.between(first, secondCreated).dividedBy(2)).toString();

    JsonObject later =
        ok(
            api.get(
                operations
                    + query(
                        "$filter",
                        "status eq 'succeeded' and createdDateTime gt " + between,
                        "$orderby",
                        "createdDateTime")));
    assertThat(ids(later)).containsExactly(opIds.get(1), opIds.get(2));
    assertThat(later.getInt("@odata.count")).isEqualTo(2);
    assertThat(ids(ok(api.get(operations + query("$orderby", "createdDateTime asc")))))
        .containsExactly(opIds.get(0), opIds.get(1), opIds.get(2));
    assertThat(ids(ok(api.get(operations))))
        .containsExactly(opIds.get(2), opIds.get(1), opIds.get(0));
    JsonObject notSecond =
        ok(
            api.get(
                operations
                    + query(
                        "$filter",
                        "not (id eq '"
                            + opIds.get(1)
                            + "') and percentProgress eq 100 and completedDateTime ne null",
                        "$count",
                        "true")));
    assertThat(ids(notSecond)).containsExactly(opIds.get(2), opIds.get(0));
    assertThat(notSecond.getInt("@odata.count")).isEqualTo(2);
    JsonObject unfinished =
        ok(api.get(operations + query("$filter", "status eq 'running' or status lt 'running'")));
    assertThat(unfinished.getInt("@odata.count")).isZero();
    assertThat(unfinished.getJsonArray("value")).isEmpty();

    // Evolvable enums: a later member only with the header; unknownFutureValue stands for the later
    // members.
    refused(
        api.get(operations + query("$filter", "action eq 'purgeData'")),
        "invalidRequest",
        "Prefer");
    JsonObject purges =
        ok(api.get(operations + query("$filter", "action eq 'purgeData'"), INCLUDE_UNKNOWN));
    assertThat(purges.getInt("@odata.count")).isZero();
    assertThat(
            ok(api.get(operations + query("$filter", "action eq 'unknownFutureValue'")))
                .getInt("@odata.count"))
        .isZero();
    assertThat(
            ok(api.get(operations + query("$filter", "action lt 'unknownFutureValue'")))
                .getInt("@odata.count"))
        .isEqualTo(3);

    // Custodians.
    String custodians = CASES + "/" + b + "/custodians";
    for (String name : List.of("Adele", "Bob")) {
      GraphClient.Reply added =
          api.post(
              custodians,
              "{\"email\":\""
                  + name.toLowerCase()
                  + "."
                  + tag
                  + "@contoso.com\",\"displayName\":\""
                  + name
                  + "\"}");
      assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }
    JsonObject byName = ok(api.get(custodians + query("$orderby", "displayName desc")));
    assertThat(
            byName.getJsonArray("value").stream()
                .map(v -> v.asJsonObject().getString("displayName")))
        .containsExactly("Bob", "Adele");
    JsonObject bob =
        ok(
            api.get(
                custodians
                    + query(
                        "$filter",
                        "email eq 'bob." + tag + "@contoso.com' and status eq 'active'")));
    assertThat(bob.getInt("@odata.count")).isEqualTo(1);

    // Malformed, unknown and unsupported.
    refused(
        api.get(operations + query("$filter", "status eq 'running")), "badRequest", "position 10");
    refused(
        api.get(operations + query("$filter", "status eq 'running' and")),
        "badRequest",
        "position");
    refused(
        api.get(operations + query("$filter", "caseId eq '" + a + "'")), "notSupported", "caseId");
    refused(
        api.get(CASES + query("$filter", "contains(displayName, 'OData')")),
        "notSupported",
        "contains");
    refused(api.get(CASES + query("$orderby", "description")), "notSupported", "description");
    refused(api.get(CASES + query("$orderby", "displayName upward")), "badRequest", "position");
    refused(
        api.get(operations + query("$filter", "percentProgress eq 'all'")),
        "invalidRequest",
        "percentProgress");
    refused(
        api.get(CASES + "/" + b + query("$filter", "status eq 'active'")),
        "notSupported",
        "$filter");
  }

  /**
   * Every collection GET the API serves, found by reflection over the application's resources (and
   * the sub-resources their locators return), answers its {@code /$count} segment as Graph does:
   * 200 {@code text/plain} with the number its {@code @odata.count} says.
   */
  @Test
  void everyCollectionAnswersItsCountSegment() {
    GraphClient api =
        new GraphClient(url)
            .withToken(
                TestTokens.user(
                    GraphClient.DEFAULT_USER_ID,
                    GraphClient.DEFAULT_USER_NAME,
                    TestTokens.READ_WRITE + " " + TestTokens.AUDIT));
    Map<String, String> ids = fixture(api);
    Map<String, String> textPlain = Map.of("Accept", "text/plain");
    List<String> collections = new ArrayList<>();
    for (String template : getTemplates()) {
      for (String path : expand(template, ids)) {
        GraphClient.Reply listed = api.get(path);
        if (listed.status() != 200
            || !String.valueOf(listed.header("Content-Type")).startsWith("application/json")
            || !listed.json().containsKey("value")) {
          continue;
        }
        collections.add(template);
        GraphClient.Reply counted = api.get(path + "/$count", textPlain);
        assertThat(counted.status()).as(path + "/$count: " + counted).isEqualTo(200);
        assertThat(counted.header("Content-Type")).as(path).startsWith("text/plain");
        assertThat(counted.body().trim())
            .as(path + "/$count")
            .isEqualTo(Long.toString(listed.json().getJsonNumber("@odata.count").longValue()));
      }
    }
    // The walk reached every collection of the API (so a new one cannot slip past it).
    assertThat(collections)
        .contains(
            "v1.0/security/cases/ediscoveryCases",
            "v1.0/security/cases/ediscoveryCases/{caseId}/custodians",
            "v1.0/security/cases/ediscoveryCases/{caseId}/custodians/{custodianId}/{sources: userSources|siteSources}",
            "v1.0/security/cases/ediscoveryCases/{caseId}/operations",
            "v1.0/security/cases/ediscoveryCases/{caseId}/searches",
            "v1.0/security/cases/ediscoveryCases/{caseId}/searches/{searchId}/{sources: custodianSources|additionalSources}",
            "v1.0/security/cases/ediscoveryCases/{caseId}/reviewSets",
            "v1.0/security/cases/ediscoveryCases/{caseId}/reviewSets/{reviewSetId}/files",
            "v1.0/security/cases/ediscoveryCases/{caseId}/reviewSets/{reviewSetId}/queries",
            "v1.0/security/cases/ediscoveryCases/{caseId}/tags",
            "v1.0/security/cases/ediscoveryCases/{caseId}/tags/{tagId}/childTags",
            "v1.0/caseops/operations",
            "v1.0/caseops/auditLog");

    // The count respects $filter and ignores paging; a count of something that is no collection is
    // a 400.
    String name = "Count " + UUID.randomUUID();
    createCase(api, name, null);
    GraphClient.Reply filtered =
        api.get(CASES + "/$count" + query("$filter", "displayName eq '" + name + "'"), textPlain);
    assertThat(filtered.body()).as(filtered.toString()).isEqualTo("1");
    GraphClient.Reply paged = api.get(CASES + "/%24count?$top=1", textPlain);
    assertThat(Long.parseLong(paged.body())).as(paged.toString()).isGreaterThan(1);
    GraphClient.Reply entity = api.get(CASES + "/" + ids.get("caseId") + "/$count", textPlain);
    assertThat(entity.status()).as(entity.toString()).isEqualTo(400);
    assertThat(entity.errorCode()).isEqualTo("badRequest");
    refused(
        api.get(CASES + "/$count" + query("$filter", "colour eq 'blue'"), textPlain),
        "notSupported",
        "colour");
  }

  /**
   * An id of the URL that names nothing is a 404 {@code itemNotFound} naming the kind of resource,
   * whatever its shape and method; an id of the wrong shape in a request body stays a 400.
   */
  @Test
  void unknownIdsOfAnyShapeAreNotFound() {
    GraphClient api = new GraphClient(url);
    Map<String, String> ids = fixture(api);
    String c = CASES + "/" + ids.get("caseId");
    String guid = UUID.randomUUID().toString();
    String hex = "0".repeat(32);
    Map<String, String> kinds = new java.util.LinkedHashMap<>();
    kinds.put(CASES + "/not-a-case", "ediscoveryCase");
    kinds.put(CASES + "/" + hex, "ediscoveryCase");
    kinds.put(c + "/operations/" + guid, "caseOperation");
    kinds.put(c + "/operations/" + hex, "caseOperation");
    kinds.put(c + "/operations/x/execution", "caseOperation");
    kinds.put(c + "/custodians/" + hex, "ediscoveryCustodian");
    kinds.put(c + "/custodians/" + ids.get("custodianId") + "/userSources/42", "userSource");
    kinds.put(c + "/custodians/" + ids.get("custodianId") + "/siteSources/x/site", "siteSource");
    kinds.put(c + "/searches/" + hex, "ediscoverySearch");
    kinds.put(c + "/reviewSets/x/files", "ediscoveryReviewSet");
    kinds.put(c + "/reviewSets/" + ids.get("reviewSetId") + "/files/" + guid, "ediscoveryFile");
    kinds.put(
        c + "/reviewSets/" + ids.get("reviewSetId") + "/queries/q", "ediscoveryReviewSetQuery");
    kinds.put(c + "/tags/t/childTags", "ediscoveryReviewTag");
    kinds.put(c + "/tags/" + guid, "ediscoveryReviewTag");
    kinds.forEach(
        (path, kind) -> {
          GraphClient.Reply reply = api.get(path);
          assertThat(reply.status()).as(path + ": " + reply).isEqualTo(404);
          assertThat(reply.errorCode()).as(path).isEqualTo("itemNotFound");
          assertThat(reply.errorMessage()).as(path).contains(kind);
        });
    List<GraphClient.Reply> otherMethods =
        List.of(
            api.patch(CASES + "/not-a-case", "{\"displayName\":\"x\"}"),
            api.delete(c + "/tags/not-a-tag"),
            api.patch(c + "/searches/not-a-search", "{\"displayName\":\"x\"}"),
            api.post(c + "/operations/" + guid + "/cancel", ""),
            api.post(c + "/custodians/not-a-custodian/release", ""));
    for (GraphClient.Reply reply : otherMethods) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo("itemNotFound");
    }
    GraphClient.Reply bodyId =
        api.post(c + "/custodians/applyHold", "{\"ids\":[\"not-a-custodian\"]}");
    assertThat(bodyId.status()).as(bodyId.toString()).isEqualTo(400);
    assertThat(bodyId.errorCode()).isEqualTo("invalidRequest");
  }

  /** A case with one of everything, by the names of the path parameters. */
  private Map<String, String> fixture(GraphClient api) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String caseId = createCase(api, "Conventions " + tag, null);
    String c = CASES + "/" + caseId;
    String custodianId =
        created(api.post(c + "/custodians", "{\"email\":\"ann-" + tag + "@contoso.com\"}"));
    String userSourceId =
        created(
            api.post(
                c + "/custodians/" + custodianId + "/userSources",
                "{\"email\":\"ann-" + tag + "@contoso.com\"}"));
    String siteSourceId =
        created(
            api.post(
                c + "/custodians/" + custodianId + "/siteSources",
                "{\"site\":{\"webUrl\":\"https://contoso.sharepoint.com/sites/" + tag + "\"}}"));
    String searchId =
        created(
            api.post(
                c + "/searches",
                "{\"displayName\":\"s\",\"contentQuery\":\"merger\","
                    + "\"dataSourceScopes\":\"allCaseCustodians\"}"));
    String reviewSetId = created(api.post(c + "/reviewSets", "{\"displayName\":\"r\"}"));
    String queryId =
        created(
            api.post(
                c + "/reviewSets/" + reviewSetId + "/queries",
                "{\"displayName\":\"q\",\"contentQuery\":\"merger\"}"));
    String parentTag = created(api.post(c + "/tags", "{\"displayName\":\"p\"}"));
    created(
        api.post(c + "/tags", "{\"displayName\":\"k\",\"parent\":{\"id\":\"" + parentTag + "\"}}"));
    GraphClient.Reply estimate =
        api.post(c + "/searches/" + searchId + "/estimateStatistics", "{}");
    assertThat(estimate.status()).as(estimate.toString()).isEqualTo(202);
    String location = estimate.header("Location");
    String operationId = location.substring(location.lastIndexOf('/') + 1);
    api.awaitTerminal(location);
    Map<String, String> ids = new java.util.HashMap<>();
    ids.put("version", "v1.0");
    ids.put("caseId", caseId);
    ids.put("custodianId", custodianId);
    ids.put("userSources", userSourceId);
    ids.put("siteSources", siteSourceId);
    ids.put("searchId", searchId);
    ids.put("reviewSetId", reviewSetId);
    ids.put("queryId", queryId);
    ids.put("tagId", parentTag);
    ids.put("operationId", operationId);
    ids.put("fileId", "0".repeat(32));
    return ids;
  }

  private static String created(GraphClient.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  /** The path templates of every GET of the application, sub-resources included. */
  private static List<String> getTemplates() {
    List<String> templates = new ArrayList<>();
    for (Class<?> type : new org.caseops.api.CaseopsApplication().getClasses()) {
      jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
      if (path != null) {
        collectGets(type, path.value().replace("{version: v1\\.0|beta}", "v1.0"), templates);
      }
    }
    return templates;
  }

  private static void collectGets(Class<?> type, String prefix, List<String> templates) {
    for (java.lang.reflect.Method method : type.getMethods()) {
      jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
      String template = path == null ? prefix : prefix + "/" + path.value();
      if (method.isAnnotationPresent(jakarta.ws.rs.GET.class)) {
        jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class);
        if (produces == null || List.of(produces.value()).contains("application/json")) {
          templates.add(template);
        }
      } else if (path != null && isLocator(method)) {
        collectGets(method.getReturnType(), template, templates);
      }
    }
  }

  private static boolean isLocator(java.lang.reflect.Method method) {
    for (java.lang.annotation.Annotation a : method.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The concrete paths of a template: each {@code {name}} replaced by the fixture's id, each {@code
   * {name: a|b}} by each of its alternatives (a source id following the kind of source it names).
   */
  private static List<String> expand(String template, Map<String, String> ids) {
    List<String> paths = new ArrayList<>(List.of(""));
    template = template.replace("//", "/");
    for (String segment : template.split("/(?![^{]*})")) {
      List<String> choices;
      if (segment.matches("\\{\\w+: [\\w|]+}")) {
        choices =
            List.of(segment.substring(segment.indexOf(':') + 2, segment.length() - 1).split("\\|"));
      } else if (segment.equals("{sourceId}")) {
        choices = List.of("{sourceId}");
      } else if (segment.matches("\\{\\w+}")) {
        String id = ids.get(segment.substring(1, segment.length() - 1));
        assertThat(id).as("the fixture's " + segment).isNotNull();
        choices = List.of(id);
      } else {
        choices = List.of(segment);
      }
      List<String> next = new ArrayList<>();
      for (String p : paths) {
        for (String choice : choices) {
          String value = choice;
          if (choice.equals("{sourceId}")) {
            String kind = p.substring(p.lastIndexOf('/') + 1);
            value = ids.get(kind);
          }
          next.add(p + "/" + value);
        }
      }
      paths = next;
    }
    return paths;
  }

  private static String createCase(GraphClient api, String name, String externalId) {
    GraphClient.Reply created =
        api.post(
            CASES,
            "{\"displayName\":\""
                + name
                + "\""
                + (externalId == null ? "" : ",\"externalId\":\"" + externalId + "\"")
                + "}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }
}
