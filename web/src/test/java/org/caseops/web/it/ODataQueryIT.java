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

  private static String createCase(GraphClient api, String name, String externalId) {
    GraphClient.Reply created =
        api.post(CASES, "{\"displayName\":\"" + name + "\",\"externalId\":\"" + externalId + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }
}
