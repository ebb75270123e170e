package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
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
 * The audit log through HTTP: writes (accepted and refused) are recorded with their method, path,
 * status, request ids and caller, reads and unauthenticated requests are not, and only a token with
 * the audit permission reads the log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditLogIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";
  private static final String AUDIT_LOG = "/v1.0/caseops/auditLog";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  @Test
  void writesAreAuditedAndOnlyAdminsReadTheLog() {
    String oid = UUID.randomUUID().toString();
    GraphClient writer =
        new GraphClient(url).withToken(TestTokens.user(oid, "Audit Writer", TestTokens.READ_WRITE));
    GraphClient reader = writer.withToken(TestTokens.user(oid, "Audit Writer", TestTokens.READ));
    GraphClient admin =
        writer.withToken(
            TestTokens.user(
                UUID.randomUUID().toString(), "Auditor", TestTokens.READ + " " + TestTokens.AUDIT));

    GraphClient.Reply created =
        writer.post(
            CASES,
            "{\"displayName\":\"Audited " + oid + "\"}",
            Map.of("client-request-id", "audit-" + oid));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String caseId = created.json().getString("id");
    String custodiansPath = CASES + "/" + caseId + "/custodians";
    GraphClient.Reply custodian =
        writer.post(custodiansPath, "{\"email\":\"" + oid + "@contoso.com\"}");
    assertThat(custodian.status()).as(custodian.toString()).isEqualTo(201);
    GraphClient.Reply read = writer.get(CASES + "/" + caseId);
    assertThat(read.status()).isEqualTo(200);
    GraphClient.Reply refused =
        reader.patch(CASES + "/" + caseId, "{\"description\":\"not allowed\"}");
    assertThat(refused.status()).isEqualTo(403);
    GraphClient.Reply anonymous =
        writer.withToken(null).post(CASES, "{\"displayName\":\"Nobody\"}");
    assertThat(anonymous.status()).isEqualTo(401);

    GraphClient.Reply notAdmin = writer.get(AUDIT_LOG);
    assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
    assertThat(notAdmin.errorCode()).isEqualTo("accessDenied");
    assertThat(notAdmin.errorMessage()).contains(TestTokens.AUDIT);

    Map<String, JsonObject> seen = entriesBackTo(admin, created.header("request-id"));

    JsonObject caseEntry = seen.get(created.header("request-id"));
    assertThat(caseEntry.getString("method")).isEqualTo("POST");
    assertThat(caseEntry.getString("path")).isEqualTo(CASES);
    assertThat(caseEntry.getInt("status")).isEqualTo(201);
    assertThat(caseEntry.getString("clientRequestId")).isEqualTo("audit-" + oid);
    assertThat(caseEntry.isNull("caseId")).isTrue();
    assertThat(caseEntry.getString("id")).matches("[0-9a-f]{32}");
    assertThat(caseEntry.getString("dateTime")).endsWith("Z");
    JsonObject actor = caseEntry.getJsonObject("actor").getJsonObject("user");
    assertThat(actor.getString("id")).isEqualTo(oid);
    assertThat(actor.getString("displayName")).isEqualTo("Audit Writer");

    JsonObject custodianEntry = seen.get(custodian.header("request-id"));
    assertThat(custodianEntry).as("custodian entry").isNotNull();
    assertThat(custodianEntry.getString("method")).isEqualTo("POST");
    assertThat(custodianEntry.getString("path")).isEqualTo(custodiansPath);
    assertThat(custodianEntry.getInt("status")).isEqualTo(201);
    assertThat(custodianEntry.getString("caseId")).isEqualTo(caseId);
    assertThat(custodianEntry.getJsonObject("actor").getJsonObject("user").getString("id"))
        .isEqualTo(oid);

    JsonObject refusedEntry = seen.get(refused.header("request-id"));
    assertThat(refusedEntry).as("refused entry").isNotNull();
    assertThat(refusedEntry.getString("method")).isEqualTo("PATCH");
    assertThat(refusedEntry.getInt("status")).isEqualTo(403);

    assertThat(seen).doesNotContainKey(read.header("request-id"));
    assertThat(seen).doesNotContainKey(anonymous.header("request-id"));

    // Paging: one entry per page, newest first, with a nextLink to the next.
    GraphClient.Reply first = admin.get(AUDIT_LOG + "?$top=1");
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().getString("@odata.context"))
        .endsWith("/v1.0/$metadata#caseops/auditLog");
    assertThat(first.json().getJsonArray("value")).hasSize(1);
    assertThat(first.json().getString("@odata.nextLink")).contains("$skiptoken=");
    GraphClient.Reply beta = admin.get("/beta/caseops/auditLog?$top=2");
    assertThat(beta.status()).as(beta.toString()).isEqualTo(200);
    List<String> times =
        beta.json().getJsonArray("value").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("dateTime"))
            .toList();
    assertThat(java.time.Instant.parse(times.get(0)))
        .isAfterOrEqualTo(java.time.Instant.parse(times.get(1)));

    assertThat(writer.delete(CASES + "/" + caseId).status()).isEqualTo(204);
  }

  /**
   * The log's entries by request id, reading page after page from the newest until the given
   * request's entry.
   */
  private static Map<String, JsonObject> entriesBackTo(GraphClient admin, String requestId) {
    Map<String, JsonObject> seen = new HashMap<>();
    String next = AUDIT_LOG + "?$top=50";
    while (next != null && !seen.containsKey(requestId)) {
      GraphClient.Reply page = admin.get(next);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      for (JsonObject entry : page.json().getJsonArray("value").getValuesAs(JsonObject.class)) {
        seen.put(entry.getString("requestId"), entry);
      }
      JsonObject body = page.json();
      next =
          body.containsKey("@odata.nextLink")
              ? relative(admin, body.getString("@odata.nextLink"))
              : null;
    }
    assertThat(seen).as("the log holds request " + requestId).containsKey(requestId);
    return seen;
  }

  private static String relative(GraphClient client, String link) {
    URI uri = URI.create(link);
    String path = uri.getRawPath().substring(client.base().getRawPath().length() - 1);
    return path + "?" + uri.getRawQuery();
  }
}
