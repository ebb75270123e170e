package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.caseops.batch.evidence.MboxSplitter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole lifecycle through HTTP on Payara Micro with PostgreSQL: a case, a custodian with a
 * mailbox and a site, an {@code index} operation over content this test writes, polled to its end,
 * and what it left behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseOperationsIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";
  private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?Z";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  private GraphClient client() {
    return new GraphClient(url);
  }

  @Test
  void indexOperationRunsToTheEndOverRealMailAndDocuments() {
    GraphClient api = client();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "adele." + tag + "@contoso.com";

    // Content the test knows: 4 eml files (one with an attachment), one mbox of 3 messages, one
    // corrupt PDF in the mailbox, and two documents on the custodian's site. 10 items, 9 indexed, 1
    // unindexed.
    Evidence evidence = new Evidence();
    Path mailbox = evidence.mailbox(email);
    for (int i = 1; i <= 3; i++) {
      Evidence.write(
          mailbox.resolve("inbox/msg" + i + ".eml"),
          Evidence.message(
              "megan@contoso.com",
              email,
              "Quarterly forecast " + i,
              "Mon, 2 Mar 2026 10:0" + i + ":00 +0000",
              "m" + i + "." + tag + "@contoso.com",
              "Numbers for the Falcon project, part " + i + "."));
    }
    Evidence.write(
        mailbox.resolve("sent/attached.eml"),
        Evidence.messageWithAttachment(
            email,
            "legal@contoso.com",
            "Contract notes",
            "a1." + tag + "@contoso.com",
            "See attached.",
            "Indemnification clause draft"));
    StringBuilder mbox = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      mbox.append("From megan@contoso.com Mon Mar  2 10:00:00 2026\n")
          .append(
              Evidence.message(
                      "megan@contoso.com",
                      email,
                      "Archive " + i,
                      "Mon, 2 Mar 2026 11:0" + i + ":00 +0000",
                      "x" + i + "." + tag + "@contoso.com",
                      "Line one\n>From the archive, quoted\nFrom here on it is body text")
                  .replace("\r\n", "\n"))
          .append("\n");
    }
    Evidence.write(mailbox.resolve("archive/2025.mbox"), mbox.toString());
    Evidence.write(
        mailbox.resolve("broken.pdf"),
        "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF body\n"
            .getBytes(StandardCharsets.US_ASCII));
    Path site = evidence.site("contoso.sharepoint.com", "sites/legal-" + tag);
    Evidence.write(
        site.resolve("memo.txt"), "Memorandum on the Falcon project retention schedule.");
    Evidence.write(
        site.resolve("policies/hold.html"), "<html><body><p>Legal hold policy</p></body></html>");

    String caseId = createCase(api, "Falcon " + tag);
    String custodians = CASES + "/" + caseId + "/custodians";
    GraphClient.Reply custodian = api.post(custodians, "{\"email\":\"" + email + "\"}");
    assertThat(custodian.status()).as(custodian.toString()).isEqualTo(201);
    String custodianId = custodian.json().getString("id");
    GraphClient.Reply userSource =
        api.post(
            custodians + "/" + custodianId + "/userSources",
            "{\"email\":\"" + email + "\",\"includedSources\":\"mailbox\"}");
    assertThat(userSource.status()).as(userSource.toString()).isEqualTo(201);
    assertThat(userSource.json().getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.userSource");
    GraphClient.Reply siteSource =
        api.post(
            custodians + "/" + custodianId + "/siteSources",
            "{\"site\":{\"webUrl\":\"https://contoso.sharepoint.com/sites/legal-" + tag + "\"}}");
    assertThat(siteSource.status()).as(siteSource.toString()).isEqualTo(201);

    GraphClient.Reply created =
        api.post(
            CASES + "/" + caseId + "/operations",
            "{\"@odata.type\":\"#microsoft.graph.security.caseOperation\",\"action\":\"index\","
                + "\"status\":\"succeeded\",\"percentProgress\":100}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject op = created.json();
    assertThat(op.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryIndexOperation");
    assertThat(op.getString("action")).isEqualTo("index");
    assertThat(op.getString("id")).matches("[0-9a-f]{32}");
    assertThat(op.getString("status"))
        .as("server-owned status is not taken from the client")
        .isEqualTo("notStarted");
    assertThat(op.getInt("percentProgress")).isZero();
    assertThat(op.getString("createdDateTime")).matches(UTC);
    assertThat(op.getString("@odata.context")).endsWith("/operations/$entity");
    String location = created.header("Location");
    assertThat(location).endsWith("/operations/" + op.getString("id"));

    JsonObject done = api.awaitTerminal(location);
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("partiallySucceeded");
    assertThat(done.getString("completedDateTime")).matches(UTC);
    JsonObject result = done.getJsonObject("resultInfo");
    assertThat(result.getString("message"))
        .contains("9")
        .contains("1 unindexed")
        .doesNotContain("Exception");
    // The work behind its percentage: every byte of the sources, read.
    JsonObject progress = done.getJsonObject("progress");
    assertThat(progress.getString("unit")).isEqualTo("bytes");
    assertThat(progress.getJsonNumber("done").longValue())
        .isPositive()
        .isEqualTo(progress.getJsonNumber("total").longValue());

    // The item it could not index, with its reason, in its job's execution and as a collection.
    JsonObject job = api.get(location + "/caseops.execution").json();
    assertThat(job.getInt("failedItemCount")).isEqualTo(1);
    JsonObject failed = job.getJsonArray("failedItems").getJsonObject(0);
    assertThat(failed.getString("step")).isEqualTo("indexEvidence");
    assertThat(failed.getString("item")).endsWith(": broken.pdf");
    assertThat(failed.getString("reason")).startsWith("not indexed: corrupt");
    assertThat(job.containsKey("failedItems@odata.nextLink")).isFalse();
    GraphClient.Reply failedItems =
        api.get(
            location
                + "/caseops.execution/failedItems?$count=true&$select=item,reason"
                + "&$filter=step%20eq%20%27indexEvidence%27");
    assertThat(failedItems.status()).as(failedItems.toString()).isEqualTo(200);
    assertThat(failedItems.json().getInt("@odata.count")).isEqualTo(1);
    assertThat(failedItems.json().getJsonArray("value").getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("item", "reason");
    assertThat(
            api.get(location + "/caseops.execution/failedItems?$filter=colour%20eq%20%27x%27")
                .status())
        .isEqualTo(400);

    // The operations list has it; the custodian and both sources link to it.
    GraphClient.Reply list = api.get(CASES + "/" + caseId + "/operations");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().getJsonArray("value").getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("id"))
        .contains(op.getString("id"));
    GraphClient.Reply last = api.get(custodians + "/" + custodianId + "/lastIndexOperation");
    assertThat(last.status()).as(last.toString()).isEqualTo(200);
    assertThat(last.json().getString("id")).isEqualTo(op.getString("id"));
    GraphClient.Reply sourceLast =
        api.get(
            custodians
                + "/"
                + custodianId
                + "/userSources/"
                + userSource.json().getString("id")
                + "/lastIndexOperation");
    assertThat(sourceLast.json().getString("id")).isEqualTo(op.getString("id"));
    String siteSourcePath =
        custodians + "/" + custodianId + "/siteSources/" + siteSource.json().getString("id");
    assertThat(api.get(siteSourcePath).json().getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.siteSource");
    GraphClient.Reply siteStats = api.get(siteSourcePath + "/itemStatistics");
    assertThat(siteStats.status()).as(siteStats.toString()).isEqualTo(200);
    assertThat(siteStats.json().getJsonNumber("indexedItemCount").longValue()).isEqualTo(2);

    // Per-source figures: the mailbox holds 8 items (7 indexed, 1 unindexed), the site 2.
    GraphClient.Reply stats = api.get(CASES + "/" + caseId + "/itemStatistics");
    assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
    Map<String, JsonObject> bySource = new java.util.HashMap<>();
    for (JsonObject s : stats.json().getJsonArray("value").getValuesAs(JsonObject.class)) {
      bySource.put(s.getString("sourceId"), s);
    }
    JsonObject mailboxStats = bySource.get(userSource.json().getString("id"));
    assertThat(mailboxStats.getJsonNumber("indexedItemCount").longValue()).isEqualTo(7);
    assertThat(mailboxStats.getJsonNumber("unindexedItemCount").longValue()).isEqualTo(1);
    assertThat(
            bySource
                .get(siteSource.json().getString("id"))
                .getJsonNumber("indexedItemCount")
                .longValue())
        .isEqualTo(2);

    // A second run finds nothing new and duplicates nothing.
    GraphClient.Reply again =
        api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    assertThat(again.status()).isEqualTo(201);
    JsonObject second = api.awaitTerminal(again.header("Location"));
    assertThat(second.getJsonObject("resultInfo").getString("message")).contains("10 unchanged");
    JsonObject statsAfter = null;
    for (JsonObject s :
        api.get(CASES + "/" + caseId + "/itemStatistics")
            .json()
            .getJsonArray("value")
            .getValuesAs(JsonObject.class)) {
      if (s.getString("sourceId").equals(userSource.json().getString("id"))) {
        statsAfter = s;
      }
    }
    assertThat(statsAfter.getJsonNumber("indexedItemCount").longValue()).isEqualTo(7);

    // Deleting the case takes its full-text index with it.
    Path index = Path.of(System.getProperty("caseops.it.data.dir"), "indexes", caseId);
    assertThat(index).isDirectory();
    assertThat(api.delete(CASES + "/" + caseId).status()).isEqualTo(204);
    assertThat(index).doesNotExist();
    assertThat(api.get(CASES + "/" + caseId + "/operations").status()).isEqualTo(404);
  }

  @Test
  void casesAreCreatedReadChangedAndDeletedInGraphShape() {
    GraphClient api = client();
    GraphClient.Reply created =
        api.post(
            CASES,
            "{\"displayName\":\"Contoso v. Fabrikam\",\"description\":\"Patent dispute\",\"externalId\":\"CV-42\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Content-Type")).startsWith("application/json");
    assertThat(created.header("request-id")).matches(GUID);
    JsonObject c = created.json();
    assertThat(c.getString("id")).matches(GUID);
    assertThat(c.getString("status")).isEqualTo("active");
    assertThat(c.getString("createdDateTime")).matches(UTC);
    assertThat(c.getString("@odata.context")).contains("$metadata#security/cases/ediscoveryCases");
    assertThat(created.header("Location")).endsWith(CASES.substring(1) + "/" + c.getString("id"));

    String path = CASES + "/" + c.getString("id");
    assertThat(api.get(path).json().getString("displayName")).isEqualTo("Contoso v. Fabrikam");
    assertThat(api.get("/beta/security/cases/ediscoveryCases/" + c.getString("id")).status())
        .isEqualTo(200);
    assertThat(
            api.get("/v1.0/security/cases/ediscoverycases('" + c.getString("id") + "')").status())
        .isEqualTo(200);

    GraphClient.Reply patched = api.patch(path, "{\"description\":\"Settled\"}");
    assertThat(patched.status()).as(patched.toString()).isIn(200, 204);
    assertThat(api.get(path).json().getString("description")).isEqualTo("Settled");

    // The list holds every case in the database, so look for this one with a filter rather than on
    // the first page.
    assertThat(
            api.get(CASES + "?$filter=id%20eq%20'" + c.getString("id") + "'")
                .json()
                .getJsonArray("value")
                .getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("id"))
        .contains(c.getString("id"));

    assertThat(api.delete(path).status()).isEqualTo(204);
    GraphClient.Reply gone = api.get(path);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("itemNotFound");
  }

  @Test
  void badRequestsGetGraphErrorsAndChangeNothing() {
    GraphClient api = client();
    String caseId = createCase(api, "Errors");
    String ops = CASES + "/" + caseId + "/operations";
    List<GraphClient.Reply> bad = new ArrayList<>();

    GraphClient.Reply malformed = api.post(ops, "{\"action\": ");
    bad.add(malformed);
    assertThat(malformed.status()).isEqualTo(400);

    GraphClient.Reply wrongType = api.post(ops, "{\"action\": 3}");
    bad.add(wrongType);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorMessage()).contains("action");

    GraphClient.Reply unknownAction = api.post(ops, "{\"action\":\"shred\"}");
    bad.add(unknownAction);
    assertThat(unknownAction.status()).isEqualTo(400);
    assertThat(unknownAction.errorMessage()).contains("shred");

    GraphClient.Reply noJob = api.post(ops, "{\"action\":\"contentExport\"}");
    bad.add(noJob);
    assertThat(noJob.status()).isEqualTo(400);
    assertThat(noJob.errorMessage()).contains("contentExport");

    GraphClient.Reply evolvable = api.post(ops, "{\"action\":\"purgeData\"}");
    bad.add(evolvable);
    assertThat(evolvable.status()).isEqualTo(400);
    assertThat(evolvable.errorMessage()).contains("include-unknown-enum-members");

    GraphClient.Reply sentinel = api.post(ops, "{\"action\":\"unknownFutureValue\"}");
    bad.add(sentinel);
    assertThat(sentinel.status()).isEqualTo(400);

    GraphClient.Reply missingName = api.post(CASES, "{\"description\":\"no name\"}");
    bad.add(missingName);
    assertThat(missingName.status()).isEqualTo(400);
    assertThat(missingName.errorMessage()).contains("displayName");

    GraphClient.Reply wrongNameType = api.post(CASES, "{\"displayName\":5}");
    bad.add(wrongNameType);
    assertThat(wrongNameType.status()).isEqualTo(400);

    GraphClient.Reply badEmail =
        api.post(CASES + "/" + caseId + "/custodians", "{\"email\":\"not an address\"}");
    bad.add(badEmail);
    assertThat(badEmail.status()).isEqualTo(400);

    GraphClient.Reply notJson = api.send("POST", CASES, "text/plain", "displayName=x");
    bad.add(notJson);
    assertThat(notJson.status()).isEqualTo(415);

    GraphClient.Reply unknownCase = api.get(CASES + "/" + UUID.randomUUID() + "/operations");
    bad.add(unknownCase);
    assertThat(unknownCase.status()).isEqualTo(404);
    assertThat(unknownCase.errorMessage()).containsIgnoringCase("case");

    GraphClient.Reply unknownOp = api.get(ops + "/" + "0".repeat(32));
    bad.add(unknownOp);
    assertThat(unknownOp.status()).isEqualTo(404);
    assertThat(unknownOp.errorMessage()).containsIgnoringCase("operation");

    GraphClient.Reply unknownPath = api.get("/v1.0/security/cases/nothingHere");
    bad.add(unknownPath);
    assertThat(unknownPath.status()).isEqualTo(404);

    GraphClient.Reply wrongMethod = api.send("PUT", ops, "application/json", "{}");
    bad.add(wrongMethod);
    assertThat(wrongMethod.status()).isEqualTo(405);

    for (GraphClient.Reply reply : bad) {
      JsonObject error = reply.json().getJsonObject("error");
      assertThat(error.getString("code")).as(reply.toString()).isNotBlank();
      assertThat(error.getString("message")).as(reply.toString()).isNotBlank();
      assertThat(error.getJsonObject("innerError").getString("request-id"))
          .isEqualTo(reply.header("request-id"));
    }
    // None of the refused submissions left an operation behind.
    assertThat(api.get(ops).json().getJsonArray("value")).isEmpty();

    GraphClient.Reply echoed =
        api.get(CASES + "/" + caseId, Map.of("client-request-id", "my-request-7"));
    assertThat(echoed.header("client-request-id")).isEqualTo("my-request-7");
  }

  @Test
  void batchJobRepositoryLivesInPostgresql() throws Exception {
    GraphClient api = client();
    String caseId = createCase(api, "Repository");
    GraphClient.Reply created =
        api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    JsonObject done = api.awaitTerminal(created.header("Location"));
    assertThat(done.getString("status")).isEqualTo("succeeded");
    assertThat(done.getInt("percentProgress")).isEqualTo(100);

    // A finished operation can be neither cancelled nor retried; the refusal says why.
    String location = created.header("Location");
    GraphClient.Reply cancel = api.post(location + "/cancel", "");
    assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
    assertThat(cancel.json().getJsonObject("error").getString("message"))
        .contains("is succeeded")
        .contains("only a notStarted or running operation can be cancelled");
    GraphClient.Reply retry = api.post(location + "/retry", "");
    assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
    assertThat(retry.json().getJsonObject("error").getString("message"))
        .contains("only a failed or cancelled operation can be retried");
    GraphClient.Reply unknown =
        api.post(CASES + "/" + caseId + "/operations/0123456789abcdef0123456789abcdef/cancel", "");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);

    // Its job as the batch runtime keeps it: one execution, completed, with its step and metrics.
    GraphClient.Reply execution = api.get(location + "/microsoft.graph.security.caseops.execution");
    assertThat(execution.status()).as(execution.toString()).isEqualTo(200);
    JsonObject run = execution.json().getJsonArray("executions").getJsonObject(0);
    assertThat(run.getString("status")).isEqualTo("COMPLETED");
    JsonObject step = run.getJsonArray("steps").getJsonObject(0);
    assertThat(step.getString("name")).isEqualTo("indexEvidence");
    assertThat(step.getJsonObject("metrics").getJsonNumber("readCount").longValue()).isZero();
    assertThat(api.get(location + "/caseops.execution").status()).isEqualTo(200);

    // The operations of every case, filtered to this one, carry their case.
    GraphClient.Reply everyCase =
        api.get("/v1.0/caseops/operations?$filter=caseId%20eq%20%27" + caseId + "%27&$count=true");
    assertThat(everyCase.status()).as(everyCase.toString()).isEqualTo(200);
    assertThat(everyCase.json().getInt("@odata.count")).isEqualTo(1);
    JsonObject listed = everyCase.json().getJsonArray("value").getJsonObject(0);
    assertThat(listed.getString("id")).isEqualTo(done.getString("id"));
    assertThat(listed.getString("caseId")).isEqualTo(caseId);

    // The history clean-up refuses a date it cannot read, and deletes what ended before the date.
    GraphClient.Reply badDate =
        api.post("/v1.0/caseops/operations/cleanUp", "{\"endedBefore\":\"yesterday\"}");
    assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
    assertThat(badDate.errorMessage()).contains("endedBefore").contains("yesterday");
    String after =
        java.time.Instant.parse(done.getString("completedDateTime")).plusMillis(1).toString();
    GraphClient.Reply cleaned =
        api.post("/v1.0/caseops/operations/cleanUp", "{\"endedBefore\":\"" + after + "\"}");
    assertThat(cleaned.status()).as(cleaned.toString()).isEqualTo(200);
    assertThat(cleaned.json().getInt("deletedCount")).isPositive();
    assertThat(api.get(location).status()).isEqualTo(404);

    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("caseops.it.db.url"),
                System.getProperty("caseops.it.db.user"),
                System.getProperty("caseops.it.db.password"));
        ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME").toLowerCase());
      }
      assertThat(names).contains("case_operation", "item");
      if ("wildfly".equals(System.getProperty("caseops.it.runtime"))) {
        // JBeret's JDBC job repository, which src/main/wildfly/caseops.cli puts in CaseopsDS.
        assertThat(names).contains("job_instance", "job_execution", "step_execution");
      } else {
        // Payara's, which src/main/payara/postgresql.asadmin moves there with the prefix CASEOPS_.
        assertThat(names).anyMatch(n -> n.startsWith("caseops_") && n.contains("job"));
      }
    }
  }

  @Test
  void concurrentSubmissionsOfIndexOnOneCaseNeverRunTwoJobsAtOnce() throws Exception {
    GraphClient api = client();
    String caseId = createCase(api, "Concurrent");
    int clients = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(clients);
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(clients);
    List<java.util.concurrent.Future<GraphClient.Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        replies.add(
            pool.submit(
                () -> {
                  together.await(30, java.util.concurrent.TimeUnit.SECONDS);
                  return api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
                }));
      }
      List<String> accepted = new ArrayList<>();
      for (java.util.concurrent.Future<GraphClient.Reply> f : replies) {
        GraphClient.Reply reply = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.toString()).isIn(201, 409);
        if (reply.status() == 201) {
          accepted.add(reply.header("Location"));
        } else {
          assertThat(reply.json().getJsonObject("error").getString("code")).isEqualTo("conflict");
        }
      }
      assertThat(accepted).isNotEmpty();
      // However the requests fell, an accepted operation was created only after every earlier one
      // had ended.
      List<JsonObject> done = new ArrayList<>();
      for (String location : accepted) {
        done.add(api.awaitTerminal(location));
      }
      done.sort(
          java.util.Comparator.comparing(
              o -> java.time.Instant.parse(o.getString("createdDateTime"))));
      for (int i = 1; i < done.size(); i++) {
        assertThat(java.time.Instant.parse(done.get(i).getString("createdDateTime")))
            .as("operation %s against the one before it", done.get(i).getString("id"))
            .isAfterOrEqualTo(
                java.time.Instant.parse(done.get(i - 1).getString("completedDateTime")));
      }
      JsonArray listed = api.get(CASES + "/" + caseId + "/operations").json().getJsonArray("value");
      assertThat(listed).hasSize(accepted.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void operationChangesStreamLiveAndAReconnectResumesAfterTheLastEventSeen() throws Exception {
    GraphClient api = client();
    String caseId = createCase(api, "Live");
    // A mailbox big enough that its index is seen notStarted or running before it ends, on every
    // runtime (an empty case's index may end between two sends of the stream).
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "live." + tag + "@contoso.com";
    Path mailbox = new Evidence().mailbox(email);
    for (int i = 0; i < 2000; i++) {
      Evidence.write(
          mailbox.resolve("inbox/m" + i + ".eml"),
          Evidence.message(
              "megan@contoso.com",
              email,
              "Live " + i,
              "Mon, 2 Mar 2026 10:00:00 +0000",
              "live" + i + "." + tag + "@contoso.com",
              "Status report number " + i + "."));
    }
    String custodian =
        CASES
            + "/"
            + caseId
            + "/custodians/"
            + created(
                api.post(CASES + "/" + caseId + "/custodians", "{\"email\":\"" + email + "\"}"));
    created(api.post(custodian + "/userSources", "{\"email\":\"" + email + "\"}"));
    String operationId;
    String firstEventId;
    List<String> statuses = new ArrayList<>();
    try (EventStream stream = api.events("/v1.0/caseops/operations/events", Map.of())) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      GraphClient.Reply created =
          api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
      operationId = created.json().getString("id");
      firstEventId = null;
      EventStream.Event event = stream.next(60);
      while (event != null) {
        if (event.data().getString("id").equals(operationId)) {
          assertThat(event.name()).isEqualTo("operation");
          assertThat(event.data().getString("caseId")).isEqualTo(caseId);
          firstEventId = firstEventId == null ? event.id() : firstEventId;
          statuses.add(event.data().getString("status"));
          if (event.data().getString("status").equals("succeeded")) {
            break;
          }
        }
        event = stream.next(60);
      }
    }
    assertThat(statuses).as("events of %s", operationId).contains("succeeded");
    assertThat(statuses.get(0)).isIn("notStarted", "running");

    // A client that lost its connection after the first event gets the rest when it reconnects.
    try (EventStream resumed =
        api.events("/v1.0/caseops/operations/events", Map.of("Last-Event-ID", firstEventId))) {
      List<String> replayed = new ArrayList<>();
      EventStream.Event event = resumed.next(30);
      while (event != null && !replayed.contains("succeeded")) {
        if (event.data().getString("id").equals(operationId)) {
          assertThat(event.id()).isNotEqualTo(firstEventId);
          replayed.add(event.data().getString("status"));
        }
        event = resumed.next(5);
      }
      assertThat(replayed).contains("succeeded");
    }
  }

  @Test
  void aHeldMessageDeletedAtItsSourceIsStillFoundAndTheHoldComesOffAgain() {
    GraphClient api = client();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "lee." + tag + "@contoso.com";
    Evidence evidence = new Evidence();
    Path mailbox = evidence.mailbox(email);
    for (int i = 1; i <= 3; i++) {
      Evidence.write(
          mailbox.resolve("inbox/h" + i + ".eml"),
          Evidence.message(
              "megan@contoso.com",
              email,
              "Hold note " + i,
              "Tue, 3 Mar 2026 09:0" + i + ":00 +0000",
              "h" + i + "." + tag + "@contoso.com",
              i == 2
                  ? "The zeppelin contract, signed."
                  : i == 3 ? "The blimp budget, first draft." : "Routine note " + i + "."));
    }
    String caseId = createCase(api, "Held " + tag);
    String custodians = CASES + "/" + caseId + "/custodians";
    String custodianId = created(api.post(custodians, "{\"email\":\"" + email + "\"}"));
    String custodian = custodians + "/" + custodianId;
    String source =
        custodian
            + "/userSources/"
            + created(api.post(custodian + "/userSources", "{\"email\":\"" + email + "\"}"));
    index(api, caseId);

    // As the Graph SDKs send a parameterless action: no body, no Content-Type.
    GraphClient.Reply applied = api.send("POST", custodian + "/applyHold", null, null);
    assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
    assertThat(applied.body()).isEmpty();
    JsonObject hold = api.awaitTerminal(applied.header("Location"));
    assertThat(hold.getString("status")).as(hold.toString()).isEqualTo("succeeded");
    assertThat(hold.getString("action")).isEqualTo("holdUpdate");
    assertThat(hold.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryHoldOperation");
    assertThat(api.get(custodian).json().getString("holdStatus")).isEqualTo("applied");
    assertThat(api.get(source).json().getString("holdStatus")).isEqualTo("applied");
    assertThat(api.get(source + "/itemStatistics").json().getInt("preservedItemCount"))
        .isEqualTo(3);
    GraphClient.Reply twice = api.post(custodian + "/removeHold", "{\"holdChange\":\"x\"}");
    assertThat(twice.status()).as(twice.toString()).isEqualTo(400);

    // The message vanishes at its source, another changes; after the next index a search still
    // finds the first, and both versions of the second.
    byte[] zeppelin = read(mailbox.resolve("inbox/h2.eml"));
    Evidence.delete(mailbox.resolve("inbox/h2.eml"));
    Evidence.write(
        mailbox.resolve("inbox/h3.eml"),
        Evidence.message(
            "megan@contoso.com",
            email,
            "Hold note 3",
            "Tue, 3 Mar 2026 09:03:00 +0000",
            "h3." + tag + "@contoso.com",
            "The blimp budget, final: dirigible."));
    index(api, caseId);
    assertThat(estimate(api, caseId, "blimp")).isEqualTo(2);
    assertThat(estimate(api, caseId, "dirigible")).isEqualTo(1);
    JsonObject stats = api.get(source + "/itemStatistics").json();
    assertThat(stats.getInt("preservedOnlyItemCount")).as(stats.toString()).isEqualTo(2);
    assertThat(stats.getInt("indexedItemCount")).as(stats.toString()).isEqualTo(4);
    String searchId =
        created(
            api.post(
                CASES + "/" + caseId + "/searches",
                "{\"displayName\":\"Zeppelin\",\"contentQuery\":\"zeppelin\","
                    + "\"dataSourceScopes\":\"allCaseCustodians\"}"));
    JsonObject estimate =
        api.awaitTerminal(
            api.post(CASES + "/" + caseId + "/searches/" + searchId + "/estimateStatistics", "")
                .header("Location"));
    assertThat(estimate.getJsonNumber("indexedItemCount").longValue())
        .as(estimate.toString())
        .isEqualTo(1);

    // It goes into a review set from its preserved copy and is exported with its original hash.
    String reviewSet =
        CASES
            + "/"
            + caseId
            + "/reviewSets/"
            + created(api.post(CASES + "/" + caseId + "/reviewSets", "{\"displayName\":\"Kept\"}"));
    JsonObject added =
        api.awaitTerminal(
            api.post(reviewSet + "/addToReviewSet", "{\"search\":{\"id\":\"" + searchId + "\"}}")
                .header("Location"));
    assertThat(added.getString("status")).as(added.toString()).isEqualTo("succeeded");
    JsonObject export =
        api.awaitTerminal(
            api.post(
                    reviewSet + "/export",
                    "{\"outputName\":\"Kept\",\"exportOptions\":\"originalFiles\"}")
                .header("Location"));
    assertThat(export.getString("status")).as(export.toString()).isEqualTo("succeeded");
    Map<String, byte[]> natives = new HashMap<>();
    for (JsonValue value : export.getJsonArray("exportFileMetadata")) {
      JsonObject file = value.asJsonObject();
      if (file.getString("fileName").endsWith(".zip")) {
        natives.putAll(nativesIn(download(file.getString("downloadUrl"))));
      }
    }
    assertThat(natives).hasSize(1);
    assertThat(sha256(natives.values().iterator().next())).isEqualTo(sha256(zeppelin));

    // Bulk, namespace-qualified: an unknown custodian is named, nothing starts.
    String unknown = "00000000-0000-0000-0000-0000000000ab";
    GraphClient.Reply bulk =
        api.post(
            custodians + "/microsoft.graph.security.removeHold",
            "{\"ids\":[\"" + custodianId + "\",\"" + unknown + "\"]}");
    assertThat(bulk.status()).as(bulk.toString()).isEqualTo(400);
    assertThat(bulk.errorMessage()).contains(unknown);

    GraphClient.Reply removed =
        api.send("POST", custodian + "/microsoft.graph.security.removeHold", null, null);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(202);
    JsonObject removal = api.awaitTerminal(removed.header("Location"));
    assertThat(removal.getString("status")).as(removal.toString()).isEqualTo("succeeded");
    assertThat(api.get(custodian).json().getString("holdStatus")).isEqualTo("notApplied");
    assertThat(api.get(source).json().getString("holdStatus")).isEqualTo("notApplied");
    GraphClient.Reply again = api.send("POST", custodian + "/removeHold", null, null);
    assertThat(again.status()).as(again.toString()).isEqualTo(400);
    assertThat(again.errorMessage()).contains("has no hold to remove");

    // updateIndex indexes this custodian's sources, which name the operation at once.
    GraphClient.Reply update = api.send("POST", custodian + "/updateIndex", null, null);
    assertThat(update.status()).as(update.toString()).isEqualTo(202);
    String updateId =
        update.header("Location").substring(update.header("Location").lastIndexOf('/') + 1);
    assertThat(api.get(source + "/lastIndexOperation").json().getString("id")).isEqualTo(updateId);
    JsonObject updated = api.awaitTerminal(update.header("Location"));
    assertThat(updated.getString("action")).isEqualTo("index");
    assertThat(updated.getString("status")).as(updated.toString()).isEqualTo("succeeded");

    // Without the hold, what the source no longer has leaves the index: the earlier version of the
    // changed message is no longer found.
    assertThat(estimate(api, caseId, "blimp")).isEqualTo(1);

    // Released, the custodian is out of allCaseCustodians (its items stay in the review set);
    // activated, it is back.
    GraphClient.Reply release = api.send("POST", custodian + "/release", null, null);
    assertThat(release.status()).as(release.toString()).isEqualTo(202);
    JsonObject released = api.get(custodian).json();
    assertThat(released.getString("status")).isEqualTo("released");
    assertThat(released.getString("releasedDateTime")).matches(UTC);
    assertThat(api.send("POST", custodian + "/applyHold", null, null).status()).isEqualTo(400);
    assertThat(estimate(api, caseId, "blimp")).isZero();
    assertThat(api.get(reviewSet + "/files").json().getJsonArray("value")).hasSize(1);
    assertThat(api.send("POST", custodian + "/activate", null, null).status()).isEqualTo(202);
    assertThat(api.get(custodian).json().getString("status")).isEqualTo("active");
    assertThat(estimate(api, caseId, "blimp")).isEqualTo(1);

    // Closing the case releases its holds: closing, then closed, by whom and when.
    JsonObject held =
        api.awaitTerminal(
            api.send("POST", custodian + "/applyHold", null, null).header("Location"));
    assertThat(held.getString("status")).as(held.toString()).isEqualTo("succeeded");
    String theCase = CASES + "/" + caseId;
    GraphClient.Reply close =
        api.send("POST", theCase + "/microsoft.graph.security.close", null, null);
    assertThat(close.status()).as(close.toString()).isEqualTo(204);
    assertThat(close.body()).isEmpty();
    JsonObject closed = awaitCaseNot(api, theCase, "closing");
    assertThat(closed.getString("status")).as(closed.toString()).isEqualTo("closed");
    assertThat(closed.getString("closedDateTime")).matches(UTC);
    assertThat(closed.getJsonObject("closedBy")).isNotNull();
    assertThat(api.get(custodian).json().getString("holdStatus")).isEqualTo("notApplied");
    JsonObject releaseOp =
        api.get(theCase + "/operations").json().getJsonArray("value").getJsonObject(0);
    assertThat(releaseOp.getString("action")).isEqualTo("holdUpdate");
    assertThat(releaseOp.getString("status")).isEqualTo("succeeded");

    // A closed case is read, never changed, and starts nothing; the refusal says why and what would
    // allow it.
    assertThat(api.get(theCase + "/searches").status()).isEqualTo(200);
    assertThat(api.get(reviewSet + "/files").json().getJsonArray("value")).hasSize(1);
    for (GraphClient.Reply refused :
        List.of(
            api.post(theCase + "/searches", "{\"displayName\":\"Late\"}"),
            api.patch(theCase, "{\"description\":\"late\"}"),
            api.post(theCase + "/operations", "{\"action\":\"index\"}"),
            api.send("POST", custodian + "/applyHold", null, null),
            api.send("POST", theCase + "/searches/" + searchId + "/estimateStatistics", null, null),
            api.send("POST", theCase + "/searches/" + searchId + "/purgeData", null, null),
            api.send(
                "POST",
                theCase + "/searches/" + searchId + "/microsoft.graph.security.purgeData",
                null,
                null),
            api.send(
                "POST",
                theCase + "/operations/" + releaseOp.getString("id") + "/caseops.restore",
                null,
                null),
            api.send("POST", theCase + "/close", null, null))) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo("conflict");
      assertThat(refused.errorMessage()).contains("closed").contains("reopen");
    }

    // Reopened, it is active again and takes changes; its holds are not applied again.
    GraphClient.Reply reopen = api.send("POST", theCase + "/reopen", null, null);
    assertThat(reopen.status()).as(reopen.toString()).isEqualTo(204);
    JsonObject reopened = api.get(theCase).json();
    assertThat(reopened.getString("status")).isEqualTo("active");
    assertThat(api.get(custodian).json().getString("holdStatus")).isEqualTo("notApplied");
    assertThat(api.get(theCase + "/operations").json().getJsonArray("value").getJsonObject(0))
        .isEqualTo(releaseOp);
    assertThat(api.post(theCase + "/searches", "{\"displayName\":\"Late\"}").status())
        .isEqualTo(201);
    GraphClient.Reply reopenAgain = api.send("POST", theCase + "/reopen", null, null);
    assertThat(reopenAgain.status()).as(reopenAgain.toString()).isEqualTo(409);
  }

  private static long estimate(GraphClient api, String caseId, String query) {
    String searchId =
        created(
            api.post(
                CASES + "/" + caseId + "/searches",
                "{\"displayName\":\""
                    + query
                    + " "
                    + UUID.randomUUID()
                    + "\",\"contentQuery\":\""
                    + query
                    + "\",\"dataSourceScopes\":\"allCaseCustodians\"}"));
    JsonObject done =
        api.awaitTerminal(
            api.post(CASES + "/" + caseId + "/searches/" + searchId + "/estimateStatistics", "")
                .header("Location"));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("succeeded");
    return done.getJsonNumber("indexedItemCount").longValue();
  }

  /** The case once its status is no longer the given one. */
  private static JsonObject awaitCaseNot(GraphClient api, String casePath, String status) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
    while (true) {
      JsonObject c = api.get(casePath).json();
      if (!c.getString("status").equals(status) || System.nanoTime() > deadline) {
        return c;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static byte[] download(String url) {
    try {
      HttpResponse<byte[]> reply =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(reply.statusCode()).as(url).isEqualTo(200);
      return reply.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, byte[]> nativesIn(byte[] zipBytes) {
    Map<String, byte[]> natives = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().startsWith("natives/")) {
          natives.put(e.getName(), zip.readAllBytes());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return natives;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void noncustodialSourcesAndLegalHoldsWorkThroughHttp() {
    GraphClient api = client();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String megan = "megan." + tag + "@contoso.com";
    String shared = "shared." + tag + "@contoso.com";
    Evidence evidence = new Evidence();
    for (String email : List.of(megan, shared)) {
      Path mailbox = evidence.mailbox(email);
      for (int i = 1; i <= 2; i++) {
        Evidence.write(
            mailbox.resolve("k" + i + ".eml"),
            Evidence.message(
                "ann@fabrikam.com",
                email,
                "Note " + i,
                "Tue, 3 Mar 2026 09:0" + i + ":00 +0000",
                "k" + i + "." + email,
                i == 1 ? "The kraken shipment left port." : "Routine note " + i + "."));
      }
    }
    String caseId = createCase(api, "Legal holds " + tag);
    String base = CASES + "/" + caseId;
    String custodian =
        base
            + "/custodians/"
            + created(api.post(base + "/custodians", "{\"email\":\"" + megan + "\"}"));
    String meganSource =
        created(api.post(custodian + "/userSources", "{\"email\":\"" + megan + "\"}"));

    // A non-custodial data source, created with its dataSource.
    String sources = base + "/noncustodialDataSources";
    GraphClient.Reply made =
        api.post(
            sources,
            "{\"dataSource\":{\"@odata.type\":\"#microsoft.graph.security.userSource\","
                + "\"email\":\""
                + shared
                + "\"}}");
    String ncId = created(made);
    String nc = sources + "/" + ncId;
    assertThat(made.header("Location")).endsWith(nc);
    assertThat(made.json().getString("@odata.context"))
        .endsWith("/noncustodialDataSources/$entity");
    assertThat(made.json().getString("holdStatus")).isEqualTo("notApplied");
    assertThat(made.json().getString("status")).isEqualTo("active");
    JsonObject dataSource = api.get(nc + "/dataSource").json();
    assertThat(dataSource.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.userSource");
    assertThat(dataSource.getString("email")).isEqualTo(shared);
    String sharedSource = dataSource.getString("id");
    assertThat(api.get(sources).json().getJsonArray("value")).hasSize(1);
    GraphClient.Reply twice =
        api.post(
            sources,
            "{\"dataSource\":{\"@odata.type\":\"#microsoft.graph.security.userSource\","
                + "\"email\":\""
                + shared
                + "\"}}");
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    GraphClient.Reply untyped =
        api.post(sources, "{\"dataSource\":{\"email\":\"" + shared + "\"}}");
    assertThat(untyped.status()).as(untyped.toString()).isEqualTo(400);
    assertThat(untyped.errorMessage()).contains("@odata.type");
    assertThat(api.post(sources, "{}").status()).isEqualTo(400);
    String unknown = "00000000-0000-0000-0000-0000000000cd";
    GraphClient.Reply missing = api.get(sources + "/" + unknown);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("itemNotFound");
    assertThat(api.get(sources + "/not-a-guid").status()).isEqualTo(400);

    index(api, caseId);
    assertThat(api.get(nc + "/lastIndexOperation").status()).isEqualTo(200);

    // Hold and release it as a custodian's: one, then in bulk, namespace-qualified.
    GraphClient.Reply applied = api.send("POST", nc + "/applyHold", null, null);
    assertThat(applied.status()).as(applied.toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(applied.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    assertThat(api.get(nc).json().getString("holdStatus")).isEqualTo("applied");
    assertThat(api.get(nc + "/dataSource").json().getString("holdStatus")).isEqualTo("applied");
    assertThat(preserved(api, caseId, sharedSource)).isEqualTo(2);
    JsonObject ncStatistics = api.get(nc + "/itemStatistics").json();
    assertThat(ncStatistics.getString("noncustodialDataSourceId")).isEqualTo(ncId);
    assertThat(ncStatistics.getInt("preservedItemCount")).isEqualTo(2);
    GraphClient.Reply bulkUnknown =
        api.post(sources + "/removeHold", "{\"ids\":[\"" + ncId + "\",\"" + unknown + "\"]}");
    assertThat(bulkUnknown.status()).as(bulkUnknown.toString()).isEqualTo(400);
    assertThat(bulkUnknown.errorMessage()).contains(unknown);
    GraphClient.Reply bulk =
        api.post(sources + "/microsoft.graph.security.removeHold", "{\"ids\":[\"" + ncId + "\"]}");
    assertThat(bulk.status()).as(bulk.toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(bulk.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    assertThat(api.get(nc).json().getString("holdStatus")).isEqualTo("notApplied");
    assertThat(preserved(api, caseId, sharedSource)).isZero();

    // Searches reach it when bound, or through allCaseNoncustodialDataSources, never through
    // allCaseCustodians.
    String ncUrl = api.base().resolve(nc.substring(1)).toString();
    assertThat(
            estimateKraken(api, caseId, "\"noncustodialSources@odata.bind\":[\"" + ncUrl + "\"]"))
        .isEqualTo(1);
    assertThat(
            estimateKraken(api, caseId, "\"dataSourceScopes\":\"allCaseNoncustodialDataSources\""))
        .isEqualTo(1);
    assertThat(
            estimateKraken(
                api,
                caseId,
                "\"dataSourceScopes\":\"allCaseCustodians,allCaseNoncustodialDataSources\""))
        .isEqualTo(2);
    assertThat(estimateKraken(api, caseId, "\"dataSourceScopes\":\"allCaseCustodians\""))
        .isEqualTo(1);

    // A legal hold: a bad query is named; a good one holds what it matches in its sources.
    String holds = base + "/legalHolds";
    GraphClient.Reply badQuery =
        api.post(holds, "{\"displayName\":\"Kraken\",\"contentQuery\":\"kraken AND (\"}");
    assertThat(badQuery.status()).as(badQuery.toString()).isEqualTo(400);
    assertThat(badQuery.errorMessage()).contains("contentQuery", "not valid KQL");
    GraphClient.Reply createdHold =
        api.post(holds, "{\"displayName\":\"Kraken\",\"contentQuery\":\"kraken\"}");
    String holdId = created(createdHold);
    String hold = holds + "/" + holdId;
    assertThat(createdHold.json().getString("@odata.context")).endsWith("/legalHolds/$entity");
    assertThat(createdHold.json().getBoolean("isEnabled")).isTrue();
    assertThat(createdHold.json().getJsonArray("errors")).isEmpty();
    JsonObject first = awaitSync(api, caseId);
    JsonObject lastSync = api.get(hold + "/lastSyncOperation").json();
    assertThat(lastSync.getString("id")).isEqualTo(first.getString("id"));
    assertThat(lastSync.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryHoldPolicySyncOperation");
    assertThat(created(api.post(hold + "/userSources", "{\"email\":\"" + shared + "\"}")))
        .isEqualTo(sharedSource);
    awaitSync(api, caseId);
    assertThat(created(api.post(hold + "/userSources", "{\"email\":\"" + megan + "\"}")))
        .isEqualTo(meganSource);
    JsonObject sync = awaitSync(api, caseId);
    assertThat(sync.getString("status")).as(sync.toString()).isEqualTo("succeeded");
    GraphClient.Reply stranger =
        api.post(hold + "/userSources", "{\"email\":\"nobody." + tag + "@contoso.com\"}");
    assertThat(stranger.status()).as(stranger.toString()).isEqualTo(400);
    assertThat(stranger.errorMessage()).contains("No userSource of the case");
    assertThat(api.get(hold + "/userSources").json().getJsonArray("value")).hasSize(2);
    assertThat(api.get(hold).json().getString("status")).isEqualTo("success");
    assertThat(preserved(api, caseId, sharedSource)).isEqualTo(1);
    assertThat(preserved(api, caseId, meganSource)).isEqualTo(1);

    // holdPolicySync comes after unknownFutureValue: masked without the Prefer header, and
    // refused when a request names it without it.
    Map<String, String> prefer = Map.of("Prefer", "include-unknown-enum-members");
    String syncUrl = base + "/operations/" + sync.getString("id");
    JsonObject masked = api.get(syncUrl).json();
    assertThat(masked.getString("action")).isEqualTo("unknownFutureValue");
    assertThat(masked.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryHoldPolicySyncOperation");
    GraphClient.Reply named = api.get(syncUrl, prefer);
    assertThat(named.json().getString("action")).isEqualTo("holdPolicySync");
    assertThat(named.header("Preference-Applied")).isEqualTo("include-unknown-enum-members");
    String byOperations =
        "{\"action\":\"holdPolicySync\",\"legalHold\":{\"id\":\"" + holdId + "\"}}";
    GraphClient.Reply refused = api.post(base + "/operations", byOperations);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.errorMessage()).contains("Prefer: include-unknown-enum-members");
    GraphClient.Reply accepted = api.post(base + "/operations", byOperations, prefer);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    assertThat(api.awaitTerminal(accepted.header("Location")).getString("status"))
        .isEqualTo("succeeded");

    // PATCH: an empty query holds the whole sources; a bad one or a read-only property is refused.
    assertThat(api.patch(hold, "{\"contentQuery\":\"kraken OR (\"}").status()).isEqualTo(400);
    assertThat(api.patch(hold, "{\"status\":\"success\"}").status()).isEqualTo(400);
    GraphClient.Reply widened =
        api.patch(hold, "{\"contentQuery\":\"\",\"description\":\"all of it\"}");
    assertThat(widened.status()).as(widened.toString()).isEqualTo(204);
    awaitSync(api, caseId);
    assertThat(api.get(hold).json().getString("description")).isEqualTo("all of it");
    assertThat(preserved(api, caseId, sharedSource)).isEqualTo(2);
    assertThat(preserved(api, caseId, meganSource)).isEqualTo(2);

    // A source taken out of the hold is freed; retryPolicy runs the sync again.
    assertThat(api.delete(hold + "/userSources/" + meganSource).status()).isEqualTo(204);
    awaitSync(api, caseId);
    assertThat(preserved(api, caseId, meganSource)).isZero();
    assertThat(api.get(hold + "/userSources/" + meganSource).status()).isEqualTo(404);
    GraphClient.Reply retried =
        api.send("POST", hold + "/microsoft.graph.security.retryPolicy", null, null);
    assertThat(retried.status()).as(retried.toString()).isEqualTo(204);
    assertThat(awaitSync(api, caseId).getString("status")).isEqualTo("succeeded");

    // Deleted, the hold is gone at once, and its copies once its sync has ended.
    assertThat(api.delete(hold).status()).isEqualTo(204);
    assertThat(api.get(hold).status()).isEqualTo(404);
    awaitSync(api, caseId);
    assertThat(preserved(api, caseId, sharedSource)).isZero();
    assertThat(api.get(holds).json().getJsonArray("value")).isEmpty();
    GraphClient.Reply noHold = api.get(holds + "/" + unknown);
    assertThat(noHold.status()).isEqualTo(404);
    assertThat(noHold.errorCode()).isEqualTo("itemNotFound");

    // Released, it is out of its scope and not indexed.
    assertThat(api.send("POST", nc + "/release", null, null).status()).isEqualTo(202);
    assertThat(api.get(nc).json().getString("status")).isEqualTo("released");
    assertThat(
            estimateKraken(api, caseId, "\"dataSourceScopes\":\"allCaseNoncustodialDataSources\""))
        .isZero();
    assertThat(api.send("POST", nc + "/updateIndex", null, null).status()).isEqualTo(400);
  }

  @Test
  void closingACaseReleasesItsLegalHoldsTooAndReopeningLeavesThemOff() {
    GraphClient api = client();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String megan = "closing." + tag + "@contoso.com";
    Path mailbox = new Evidence().mailbox(megan);
    for (int i = 1; i <= 2; i++) {
      Evidence.write(
          mailbox.resolve("c" + i + ".eml"),
          Evidence.message(
              "ann@fabrikam.com",
              megan,
              "Closing note " + i,
              "Tue, 3 Mar 2026 09:0" + i + ":00 +0000",
              "c" + i + "." + megan,
              "The narwhal memo " + i + "."));
    }
    String caseId = createCase(api, "Closing with legal holds " + tag);
    String base = CASES + "/" + caseId;
    String custodian =
        base
            + "/custodians/"
            + created(api.post(base + "/custodians", "{\"email\":\"" + megan + "\"}"));
    String source = created(api.post(custodian + "/userSources", "{\"email\":\"" + megan + "\"}"));
    index(api, caseId);

    // The custodian on hold, and two legal holds over its mailbox: a whole-source one and a
    // query-scoped one.
    assertThat(
            api.awaitTerminal(
                    api.send("POST", custodian + "/applyHold", null, null).header("Location"))
                .getString("status"))
        .isEqualTo("succeeded");
    List<String> holds = new ArrayList<>();
    for (String query : List.of("", "narwhal")) {
      String hold =
          base
              + "/legalHolds/"
              + created(
                  api.post(
                      base + "/legalHolds",
                      "{\"displayName\":\"Hold "
                          + query
                          + "\",\"contentQuery\":\""
                          + query
                          + "\"}"));
      awaitSync(api, caseId);
      api.post(hold + "/userSources", "{\"email\":\"" + megan + "\"}");
      assertThat(awaitSync(api, caseId).getString("status")).isEqualTo("succeeded");
      assertThat(api.get(hold).json().getBoolean("isEnabled")).isTrue();
      holds.add(hold);
    }
    assertThat(preserved(api, caseId, source)).isPositive();

    // Closing releases all three: the custodian's hold comes off, both legal holds are disabled
    // and synced, and nothing stays preserved once the case is closed.
    GraphClient.Reply close = api.send("POST", base + "/close", null, null);
    assertThat(close.status()).as(close.toString()).isEqualTo(204);
    JsonObject closed = awaitCaseNot(api, base, "closing");
    assertThat(closed.getString("status")).as(closed.toString()).isEqualTo("closed");
    assertThat(api.get(custodian).json().getString("holdStatus")).isEqualTo("notApplied");
    for (String hold : holds) {
      JsonObject released = api.get(hold).json();
      assertThat(released.getBoolean("isEnabled")).as(released.toString()).isFalse();
      assertThat(released.getString("status")).as(released.toString()).isEqualTo("success");
      JsonObject sync = api.get(hold + "/lastSyncOperation").json();
      assertThat(sync.getString("status")).as(sync.toString()).isEqualTo("succeeded");
      assertThat(sync.getJsonObject("resultInfo").getString("message"))
          .contains("is disabled")
          .doesNotContain("No copy was freed");
    }
    assertThat(preserved(api, caseId, source)).isZero();

    // Reopened, the case is active and its holds stay off until applied again.
    assertThat(api.send("POST", base + "/reopen", null, null).status()).isEqualTo(204);
    assertThat(api.get(base).json().getString("status")).isEqualTo("active");
    for (String hold : holds) {
      assertThat(api.get(hold).json().getBoolean("isEnabled")).isFalse();
    }
    assertThat(api.get(custodian).json().getString("holdStatus")).isEqualTo("notApplied");
    assertThat(preserved(api, caseId, source)).isZero();
    assertThat(estimate(api, caseId, "narwhal")).isEqualTo(2);
  }

  /** Waits for the newest holdPolicySync of the case to end, and returns it. */
  private static JsonObject awaitSync(GraphClient api, String caseId) {
    GraphClient.Reply list =
        api.get(
            CASES + "/" + caseId + "/operations", Map.of("Prefer", "include-unknown-enum-members"));
    for (JsonObject op : list.json().getJsonArray("value").getValuesAs(JsonObject.class)) {
      if (op.getString("action").equals("holdPolicySync")) {
        return api.awaitTerminal(CASES + "/" + caseId + "/operations/" + op.getString("id"));
      }
    }
    throw new AssertionError("no holdPolicySync operation in " + list);
  }

  /** How many items of the source a hold preserves, from the case's itemStatistics. */
  private static int preserved(GraphClient api, String caseId, String sourceId) {
    for (JsonObject s :
        api.get(CASES + "/" + caseId + "/itemStatistics")
            .json()
            .getJsonArray("value")
            .getValuesAs(JsonObject.class)) {
      if (s.getString("sourceId").equals(sourceId)) {
        return s.getInt("preservedItemCount");
      }
    }
    throw new AssertionError("no itemStatistics for " + sourceId);
  }

  /** The indexedItemCount of a new search for "kraken" with the given scope properties. */
  private static long estimateKraken(GraphClient api, String caseId, String scope) {
    String searchId =
        created(
            api.post(
                CASES + "/" + caseId + "/searches",
                "{\"displayName\":\"Kraken\",\"contentQuery\":\"kraken\"," + scope + "}"));
    JsonObject done =
        api.awaitTerminal(
            api.post(CASES + "/" + caseId + "/searches/" + searchId + "/estimateStatistics", "")
                .header("Location"));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("succeeded");
    return done.getJsonNumber("indexedItemCount").longValue();
  }

  /**
   * purgeData x {held, not held} x {recoverable, permanent} x {eml, message of an mbox, site
   * document}, in one case: each custodian has one item of each kind saying "quokka" (purged
   * recoverably) and one saying "wombat" (purged permanently); one custodian is on hold.
   */
  @Test
  void purgeRemovesWhatItsSearchMatchesExceptHeldItemsAndRestoresWhatItKept() throws Exception {
    GraphClient api = new GraphClient(url);
    Map<String, String> prefer = Map.of("Prefer", "include-unknown-enum-members");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Evidence evidence = new Evidence();
    String caseId = createCase(api, "Spill " + tag);
    String custodians = CASES + "/" + caseId + "/custodians";
    Map<String, Path> boxes = new HashMap<>();
    Map<String, Path> sites = new HashMap<>();
    Map<String, List<String>> mboxMessages = new HashMap<>();
    String heldCustodian = null;
    for (String who : List.of("free", "held")) {
      String email = who + "." + tag + "@contoso.com";
      Path box = evidence.mailbox(email);
      Path site = evidence.site("sites.contoso.com", "spill-" + who + "-" + tag);
      boxes.put(who, box);
      sites.put(who, site);
      Evidence.write(box.resolve("q.eml"), note(email, "q-" + who + tag, "A quokka left here."));
      Evidence.write(box.resolve("w.eml"), note(email, "w-" + who + tag, "A wombat left here."));
      List<String> messages =
          List.of(
              note(email, "mq-" + who + tag, "The quokka in the archive."),
              note(email, "mp-" + who + tag, "A plain note."),
              note(email, "mw-" + who + tag, "The wombat in the archive."),
              note(email, "mz-" + who + tag, "Another plain note."));
      mboxMessages.put(who, messages);
      StringBuilder mbox = new StringBuilder();
      for (String m : messages) {
        mbox.append(mbox.length() == 0 ? "" : "\r\n")
            .append("From ")
            .append(email)
            .append(" Tue Mar  3 09:00:00 2026\r\n")
            .append(m);
      }
      Evidence.write(box.resolve("archive.mbox"), mbox.toString());
      Evidence.write(site.resolve("q.txt"), "Site notes about a quokka.");
      Evidence.write(site.resolve("w.txt"), "Site notes about a wombat.");
      String custodianId = created(api.post(custodians, "{\"email\":\"" + email + "\"}"));
      String custodian = custodians + "/" + custodianId;
      created(api.post(custodian + "/userSources", "{\"email\":\"" + email + "\"}"));
      created(
          api.post(
              custodian + "/siteSources",
              "{\"site\":{\"webUrl\":\"https://sites.contoso.com/spill-"
                  + who
                  + "-"
                  + tag
                  + "\"}}"));
      if (who.equals("held")) {
        heldCustodian = custodian;
      }
    }
    index(api, caseId);
    JsonObject hold =
        api.awaitTerminal(
            api.send("POST", heldCustodian + "/applyHold", null, null).header("Location"));
    assertThat(hold.getString("status")).as(hold.toString()).isEqualTo("succeeded");
    byte[] heldMbox = Files.readAllBytes(boxes.get("held").resolve("archive.mbox"));
    byte[] freeQ = Files.readAllBytes(boxes.get("free").resolve("q.eml"));
    byte[] freeSiteQ = Files.readAllBytes(sites.get("free").resolve("q.txt"));
    String searches = CASES + "/" + caseId + "/searches";
    String quokka = search(api, searches, "quokka");
    String wombat = search(api, searches, "wombat");
    String everything = search(api, searches, "");

    // Refusals, before anything changes: Teams content, the Prefer rule, the limit, a reader.
    GraphClient.Reply teams =
        api.post(searches + "/" + quokka + "/purgeData", "{\"purgeAreas\":\"teamsMessages\"}");
    assertThat(teams.status()).as(teams.toString()).isEqualTo(400);
    assertThat(teams.errorCode()).isEqualTo("notSupported");
    assertThat(teams.errorMessage()).contains("no Teams content");
    GraphClient.Reply noPrefer =
        api.post(searches + "/" + wombat + "/purgeData", "{\"purgeType\":\"permanentlyDelete\"}");
    assertThat(noPrefer.status()).as(noPrefer.toString()).isEqualTo(400);
    assertThat(noPrefer.errorMessage()).contains("include-unknown-enum-members");
    GraphClient.Reply tooMany = api.post(searches + "/" + everything + "/purgeData", "");
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
    assertThat(tooMany.errorMessage())
        .contains("matches 16 items, more than the 12 items one purge may remove");
    GraphClient.Reply reader =
        api.withToken(TestTokens.user(GraphClient.DEFAULT_USER_ID, "Reader", TestTokens.READ))
            .post(searches + "/" + quokka + "/purgeData", "");
    assertThat(reader.status()).as(reader.toString()).isEqualTo(403);
    assertThat(Files.readAllBytes(boxes.get("free").resolve("q.eml"))).isEqualTo(freeQ);

    // Recoverable, through the search's action (namespace-qualified): 202 and a Location.
    GraphClient.Reply recoverable =
        api.post(
            searches + "/" + quokka + "/microsoft.graph.security.purgeData",
            "{\"purgeType\":\"recoverable\",\"purgeAreas\":\"mailboxes\"}");
    assertThat(recoverable.status()).as(recoverable.toString()).isEqualTo(202);
    api.awaitTerminal(recoverable.header("Location"));
    JsonObject first = api.get(recoverable.header("Location"), prefer).json();
    assertThat(first.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryPurgeDataOperation");
    assertThat(first.getString("action")).isEqualTo("purgeData");
    assertThat(first.getString("status")).as(first.toString()).isEqualTo("partiallySucceeded");
    assertThat(first.getJsonObject("resultInfo").getString("message"))
        .contains("Purged 3 items")
        .contains("skipped 3 items: 3 under a hold");
    assertThat(first.getString("purgeType")).isEqualTo("recoverable");

    // Permanent, through POST .../operations with the Prefer header: 201.
    GraphClient.Reply permanent =
        api.post(
            CASES + "/" + caseId + "/operations",
            "{\"@odata.type\":\"#microsoft.graph.security.ediscoveryPurgeDataOperation\","
                + "\"action\":\"purgeData\",\"search\":{\"id\":\""
                + wombat
                + "\"},\"purgeType\":\"permanentlyDelete\",\"purgeAreas\":\"mailboxes\"}",
            prefer);
    assertThat(permanent.status()).as(permanent.toString()).isEqualTo(201);
    api.awaitTerminal(permanent.header("Location"));
    JsonObject second = api.get(permanent.header("Location"), prefer).json();
    assertThat(second.getString("status")).as(second.toString()).isEqualTo("partiallySucceeded");
    assertThat(second.getString("purgeType")).isEqualTo("permanentlyDelete");
    assertThat(api.get(permanent.header("Location")).json().getString("purgeType"))
        .isEqualTo("unknownFutureValue");

    // Not held: gone; the mbox holds exactly the plain notes, whole. Held: untouched.
    Path free = boxes.get("free");
    assertThat(free.resolve("q.eml")).doesNotExist();
    assertThat(free.resolve("w.eml")).doesNotExist();
    assertThat(sites.get("free").resolve("q.txt")).doesNotExist();
    assertThat(sites.get("free").resolve("w.txt")).doesNotExist();
    assertThat(mboxMessages(free.resolve("archive.mbox")))
        .containsExactly(mboxMessages.get("free").get(1), mboxMessages.get("free").get(3));
    Path held = boxes.get("held");
    assertThat(held.resolve("q.eml")).exists();
    assertThat(held.resolve("w.eml")).exists();
    assertThat(sites.get("held").resolve("q.txt")).exists();
    assertThat(sites.get("held").resolve("w.txt")).exists();
    assertThat(Files.readAllBytes(held.resolve("archive.mbox"))).isEqualTo(heldMbox);
    assertThat(estimateSearch(api, searches, quokka)).isEqualTo(3);
    assertThat(estimateSearch(api, searches, wombat)).isEqualTo(3);

    // The report: every purged and skipped item, downloaded with plain HTTP, no token.
    JsonArray report = first.getJsonArray("reportFileMetadata");
    assertThat(report).hasSize(1);
    HttpResponse<String> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(report.getJsonObject(0).getString("downloadUrl")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("Outcome,Source,SourceId,Location,SHA256,Size,Reason,ItemId");
    assertThat(lines).hasSize(7);
    assertThat(lines.stream().filter(l -> l.startsWith("skipped,"))).hasSize(3);
    assertThat(lines.stream().filter(l -> l.startsWith("skipped,")))
        .allMatch(l -> l.contains("under a hold"));

    // Restore: the recoverable purge's items come back byte for byte; the permanent one refuses.
    GraphClient.Reply restored =
        api.send(
            "POST",
            CASES + "/" + caseId + "/operations/" + first.getString("id") + "/caseops.restore",
            null,
            null);
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().getInt("restoredCount")).isEqualTo(3);
    assertThat(Files.readAllBytes(free.resolve("q.eml"))).isEqualTo(freeQ);
    assertThat(Files.readAllBytes(sites.get("free").resolve("q.txt"))).isEqualTo(freeSiteQ);
    assertThat(mboxMessages(free.resolve("archive.mbox")))
        .containsExactly(
            mboxMessages.get("free").get(0),
            mboxMessages.get("free").get(1),
            mboxMessages.get("free").get(3));
    assertThat(estimateSearch(api, searches, quokka)).isEqualTo(6);
    assertThat(estimateSearch(api, searches, wombat)).isEqualTo(3);
    GraphClient.Reply again =
        api.send(
            "POST",
            CASES + "/" + caseId + "/operations/" + first.getString("id") + "/restore",
            null,
            null);
    assertThat(again.json().getInt("restoredCount")).isZero();
    assertThat(again.json().getInt("alreadyRestoredCount")).isEqualTo(3);
    GraphClient.Reply nothing =
        api.send(
            "POST",
            CASES + "/" + caseId + "/operations/" + second.getString("id") + "/caseops.restore",
            null,
            null);
    assertThat(nothing.status()).as(nothing.toString()).isEqualTo(400);
    assertThat(nothing.errorMessage()).contains("permanently");
  }

  private static String note(String to, String id, String body) {
    return Evidence.message(
        "megan@contoso.com", to, "Spill " + id, "Tue, 3 Mar 2026 09:00:00 +0000", id, body);
  }

  private static String search(GraphClient api, String searches, String query) {
    return created(
        api.post(
            searches,
            "{\"displayName\":\"Spill "
                + query
                + "\",\"contentQuery\":\""
                + query
                + "\",\"dataSourceScopes\":\"allCaseCustodians\"}"));
  }

  private static long estimateSearch(GraphClient api, String searches, String searchId) {
    JsonObject done =
        api.awaitTerminal(
            api.post(searches + "/" + searchId + "/estimateStatistics", "").header("Location"));
    return done.getJsonNumber("indexedItemCount").longValue();
  }

  private static List<String> mboxMessages(Path mbox) throws IOException {
    List<String> texts = new ArrayList<>();
    try (MboxSplitter splitter = new MboxSplitter(Files.newInputStream(mbox), 0, Long.MAX_VALUE)) {
      for (MboxSplitter.Message m = splitter.next(); m != null; m = splitter.next()) {
        texts.add(new String(m.content(), StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  private static void index(GraphClient api, String caseId) {
    GraphClient.Reply started =
        api.post(CASES + "/" + caseId + "/operations", "{\"action\":\"index\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    JsonObject done = api.awaitTerminal(started.header("Location"));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("succeeded");
  }

  private static String created(GraphClient.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  private static String createCase(GraphClient api, String name) {
    GraphClient.Reply created = api.post(CASES, "{\"displayName\":\"" + name + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }
}
