package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.caseops.api.security.DownloadGrants;
import org.caseops.batch.contentexport.LoadFile;
import org.caseops.batch.searchexport.SearchReport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Searches, estimateStatistics, review sets, addToReviewSet, review-set queries, tags and applyTags
 * through HTTP on Payara Micro with PostgreSQL. The test writes a corpus whose every message and
 * document it knows, so each expected count comes from the corpus itself, never from the server's
 * index.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchAndReviewIT {
  private static final String CASES = "/v1.0/security/cases/ediscoveryCases";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  /** One generated item: where it came from, what it says, and its size in bytes as written. */
  record Doc(
      String source,
      String kind,
      String from,
      String subject,
      String body,
      LocalDate day,
      byte[] bytes) {
    boolean says(String word) {
      return (subject + " " + body).toLowerCase().contains(word);
    }

    long size() {
      return bytes.length;
    }
  }

  /** The case, its sources and the corpus, written and indexed once for every test of the class. */
  static final class Fixture {
    String caseId;
    String aliceSource;
    String bobSource;
    String siteSource;
    final List<Doc> docs = new ArrayList<>();
    long unindexedSize;
  }

  private static Fixture fixture;

  private synchronized Fixture fixture(GraphClient api) {
    if (fixture != null) {
      return fixture;
    }
    Fixture f = new Fixture();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String alice = "alice." + tag + "@corp.example";
    String bob = "bob." + tag + "@corp.example";
    Evidence evidence = new Evidence();

    Path aliceBox = evidence.mailbox(alice);
    for (int i = 0; i < 40; i++) {
      String domain = i % 3 == 0 ? "partner.example" : "corp.example";
      String from = (i % 2 == 0 ? "ann" : "raj") + "@" + domain;
      String subject = (i % 4 == 0 ? "Budget review " : "Status update ") + i;
      String body =
          "Routine note number "
              + i
              + "."
              + (i % 5 == 0 ? " The merger terms are attached." : "")
              + (i % 6 == 0 ? " About the blue harbor project." : "")
              + (i % 6 == 3 ? " The harbor is blue today, project later." : "");
      LocalDate day = LocalDate.of(2026, 1, 1 + i % 28);
      String text =
          Evidence.message(
              from, alice, subject, rfc2822(day), "a" + i + "." + tag + "@corp.example", body);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Evidence.write(aliceBox.resolve("inbox/m" + i + ".eml"), bytes);
      f.docs.add(new Doc("alice", "email", from, subject, body, day, bytes));
    }
    Path bobBox = evidence.mailbox(bob);
    for (int j = 0; j < 10; j++) {
      String subject = "Bob note " + j;
      String body = "Weekly figures." + (j % 2 == 0 ? " Merger timeline slips." : "");
      LocalDate day = LocalDate.of(2026, 2, 1 + j);
      String text =
          Evidence.message(
              bob, alice, subject, rfc2822(day), "b" + j + "." + tag + "@corp.example", body);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Evidence.write(bobBox.resolve("sent/b" + j + ".eml"), bytes);
      f.docs.add(new Doc("bob", "email", bob, subject, body, day, bytes));
    }
    String siteUrl = "https://corp.sharepoint.com/sites/deal-" + tag;
    Path site = evidence.site("corp.sharepoint.com", "sites/deal-" + tag);
    for (int d = 0; d < 5; d++) {
      String body =
          d < 2 ? "Draft " + d + " of the merger clause." : "Office party plan " + d + ".";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Evidence.write(site.resolve("drafts/d" + d + ".txt"), bytes);
      f.docs.add(new Doc("site", "docs", null, "", body, null, bytes));
    }
    byte[] broken =
        "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnot a PDF body\n"
            .getBytes(StandardCharsets.US_ASCII);
    Evidence.write(site.resolve("broken.pdf"), broken);
    f.unindexedSize = broken.length;

    GraphClient.Reply created = api.post(CASES, "{\"displayName\":\"Harbor merger " + tag + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    f.caseId = created.json().getString("id");
    String custodians = CASES + "/" + f.caseId + "/custodians";
    String aliceId = created(api.post(custodians, "{\"email\":\"" + alice + "\"}")).getString("id");
    String bobId = created(api.post(custodians, "{\"email\":\"" + bob + "\"}")).getString("id");
    f.aliceSource =
        custodians
            + "/"
            + aliceId
            + "/userSources/"
            + created(
                    api.post(
                        custodians + "/" + aliceId + "/userSources",
                        "{\"email\":\"" + alice + "\"}"))
                .getString("id");
    f.bobSource =
        custodians
            + "/"
            + bobId
            + "/userSources/"
            + created(
                    api.post(
                        custodians + "/" + bobId + "/userSources", "{\"email\":\"" + bob + "\"}"))
                .getString("id");
    f.siteSource =
        custodians
            + "/"
            + bobId
            + "/siteSources/"
            + created(
                    api.post(
                        custodians + "/" + bobId + "/siteSources",
                        "{\"site\":{\"webUrl\":\"" + siteUrl + "\"}}"))
                .getString("id");

    GraphClient.Reply index =
        api.post(CASES + "/" + f.caseId + "/operations", "{\"action\":\"index\"}");
    assertThat(index.status()).as(index.toString()).isEqualTo(201);
    JsonObject indexed = api.awaitTerminal(index.header("Location"));
    assertThat(indexed.getString("status")).as(indexed.toString()).isEqualTo("partiallySucceeded");
    fixture = f;
    return f;
  }

  private GraphClient client() {
    return new GraphClient(url);
  }

  @Test
  void estimatesMatchTheCorpusForEachKindOfQuery() {
    GraphClient api = client();
    Fixture f = fixture(api);
    Predicate<Doc> alice = d -> d.source().equals("alice");
    long medianSize =
        f.docs.stream()
            .filter(alice)
            .mapToLong(Doc::size)
            .sorted()
            .skip(20)
            .findFirst()
            .orElseThrow();

    record Case(String query, boolean everyCustodian, Predicate<Doc> expected) {}
    List<Case> cases =
        List.of(
            new Case("merger", false, alice.and(d -> d.says("merger"))),
            new Case("merger", true, d -> d.says("merger")),
            new Case(
                "\"blue harbor project\"", false, alice.and(d -> d.says("blue harbor project"))),
            new Case(
                "from:partner.example AND subject:budget",
                false,
                alice.and(
                    d ->
                        d.from().endsWith("@partner.example") && d.subject().startsWith("Budget"))),
            new Case("from:ann", false, alice.and(d -> d.from().startsWith("ann@"))),
            new Case(
                "from:ann@partner.example",
                false,
                alice.and(d -> d.from().equals("ann@partner.example"))),
            new Case(
                "sent:2026-01-05..2026-01-09",
                false,
                alice.and(
                    d ->
                        !d.day().isBefore(LocalDate.of(2026, 1, 5))
                            && !d.day().isAfter(LocalDate.of(2026, 1, 9)))),
            new Case(
                "sent>=2026-01-25",
                false,
                alice.and(d -> !d.day().isBefore(LocalDate.of(2026, 1, 25)))),
            new Case(
                "merger NOT from:partner.example",
                true,
                d ->
                    d.says("merger")
                        && (d.from() == null || !d.from().endsWith("@partner.example"))),
            new Case("budg*", false, alice.and(d -> d.subject().startsWith("Budget"))),
            new Case(
                "kind:docs AND merger", true, d -> d.kind().equals("docs") && d.says("merger")),
            new Case(
                "(merger OR budget) AND NOT kind:docs",
                true,
                d -> d.kind().equals("email") && (d.says("merger") || d.says("budget"))),
            new Case("size>" + medianSize, false, alice.and(d -> d.size() > medianSize)),
            new Case("", true, d -> true));

    String searches = CASES + "/" + f.caseId + "/searches";
    int n = 0;
    for (Case c : cases) {
      n++;
      String scope =
          c.everyCustodian()
              ? "\"dataSourceScopes\":\"allCaseCustodians\""
              : "\"custodianSources@odata.bind\":[\""
                  + api.base().resolve(f.aliceSource.substring(1))
                  + "\"]";
      GraphClient.Reply search =
          api.post(
              searches,
              "{\"displayName\":\"estimate "
                  + n
                  + "\",\"contentQuery\":\""
                  + c.query().replace("\"", "\\\"")
                  + "\","
                  + scope
                  + "}");
      assertThat(search.status()).as(search.toString()).isEqualTo(201);
      String searchId = search.json().getString("id");

      GraphClient.Reply started = api.post(searches + "/" + searchId + "/estimateStatistics", "{}");
      assertThat(started.status()).as(started.toString()).isEqualTo(202);
      assertThat(started.body()).isEmpty();
      // The search names its new estimate as soon as the 202 is out, whether or not its job has run
      // yet.
      GraphClient.Reply linked =
          api.get(searches + "/" + searchId + "/lastEstimateStatisticsOperation");
      assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
      assertThat(started.header("Location"))
          .endsWith("/operations/" + linked.json().getString("id"));
      JsonObject op = api.awaitTerminal(started.header("Location"));
      assertThat(op.getString("status")).as(c.query() + " " + op).isEqualTo("succeeded");
      assertThat(op.getString("@odata.type"))
          .isEqualTo("#microsoft.graph.security.ediscoveryEstimateOperation");

      List<Doc> hits = f.docs.stream().filter(c.expected()).toList();
      assertThat(op.getJsonNumber("indexedItemCount").longValue())
          .as(c.query())
          .isEqualTo(hits.size());
      assertThat(op.getJsonNumber("indexedItemsSize").longValue())
          .as(c.query())
          .isEqualTo(hits.stream().mapToLong(Doc::size).sum());
      long mailboxes =
          hits.stream().filter(d -> d.kind().equals("email")).map(Doc::source).distinct().count();
      long sites =
          hits.stream().filter(d -> d.kind().equals("docs")).map(Doc::source).distinct().count();
      assertThat(op.getInt("mailboxCount")).as(c.query()).isEqualTo(mailboxes);
      assertThat(op.getInt("siteCount")).as(c.query()).isEqualTo(sites);
      // The corrupt PDF is the one unindexed item, and it is in scope only when the site is.
      assertThat(op.getJsonNumber("unindexedItemCount").longValue())
          .isEqualTo(c.everyCustodian() ? 1 : 0);
      assertThat(op.getJsonNumber("unindexedItemsSize").longValue())
          .isEqualTo(c.everyCustodian() ? f.unindexedSize : 0);

      GraphClient.Reply last =
          api.get(searches + "/" + searchId + "/lastEstimateStatisticsOperation");
      assertThat(last.status()).as(last.toString()).isEqualTo(200);
      assertThat(last.json().getString("id")).isEqualTo(op.getString("id"));
    }
  }

  @Test
  void estimateStartsThroughOperationsWithTheSearchAsNavigationOrBind() {
    GraphClient api = client();
    Fixture f = fixture(api);
    String searches = CASES + "/" + f.caseId + "/searches";
    String searchId =
        created(
                api.post(
                    searches,
                    "{\"displayName\":\"merger everywhere\",\"contentQuery\":\"merger\","
                        + "\"dataSourceScopes\":\"allCaseCustodians\"}"))
            .getString("id");
    long expected = f.docs.stream().filter(d -> d.says("merger")).count();
    String operations = CASES + "/" + f.caseId + "/operations";

    GraphClient.Reply nav =
        api.post(
            operations,
            "{\"@odata.type\":\"#microsoft.graph.security.ediscoveryEstimateOperation\","
                + "\"action\":\"estimateStatistics\",\"search\":{\"id\":\""
                + searchId
                + "\"}}");
    assertThat(nav.status()).as(nav.toString()).isEqualTo(201);
    assertThat(nav.json().getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryEstimateOperation");
    JsonObject first = api.awaitTerminal(nav.header("Location"));
    assertThat(first.getJsonNumber("indexedItemCount").longValue()).isEqualTo(expected);

    GraphClient.Reply bind =
        api.post(
            operations,
            "{\"action\":\"estimateStatistics\",\"search@odata.bind\":\""
                + api.base().resolve(searches.substring(1) + "/" + searchId)
                + "\"}");
    assertThat(bind.status()).as(bind.toString()).isEqualTo(201);
    JsonObject second = api.awaitTerminal(bind.header("Location"));
    assertThat(second.getJsonNumber("indexedItemCount").longValue()).isEqualTo(expected);

    GraphClient.Reply qualified =
        api.post(searches + "/" + searchId + "/microsoft.graph.security.estimateStatistics", "");
    assertThat(qualified.status()).as(qualified.toString()).isEqualTo(202);
    assertThat(
            api.awaitTerminal(qualified.header("Location"))
                .getJsonNumber("indexedItemCount")
                .longValue())
        .isEqualTo(expected);

    GraphClient.Reply missing = api.post(operations, "{\"action\":\"estimateStatistics\"}");
    assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    assertThat(missing.errorMessage()).contains("search");
    GraphClient.Reply noReviewSet =
        api.post(
            operations, "{\"action\":\"addToReviewSet\",\"search\":{\"id\":\"" + searchId + "\"}}");
    assertThat(noReviewSet.status()).as(noReviewSet.toString()).isEqualTo(400);
    assertThat(noReviewSet.errorMessage()).contains("reviewSet");
  }

  @Test
  void unparsableQueriesAreRefusedWithTheirPosition() {
    GraphClient api = client();
    Fixture f = fixture(api);
    String searches = CASES + "/" + f.caseId + "/searches";
    long before = api.get(searches + "?$count=true").json().getInt("@odata.count");
    GraphClient.Reply bad =
        api.post(searches, "{\"displayName\":\"bad\",\"contentQuery\":\"subject:(budget OR\"}");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.errorMessage()).contains("position");
    GraphClient.Reply shortPrefix =
        api.post(searches, "{\"displayName\":\"bad\",\"contentQuery\":\"bu*\"}");
    assertThat(shortPrefix.status()).as(shortPrefix.toString()).isEqualTo(400);
    GraphClient.Reply unknown =
        api.post(searches, "{\"displayName\":\"bad\",\"contentQuery\":\"colour:blue\"}");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.errorMessage()).contains("position 0");
    assertThat(api.get(searches + "?$count=true").json().getInt("@odata.count")).isEqualTo(before);
  }

  @Test
  void reviewSetCopiesMatchesOnceAndTagsFollowQueries() {
    GraphClient api = client();
    Fixture f = fixture(api);
    String base = CASES + "/" + f.caseId;
    String searchId =
        created(
                api.post(
                    base + "/searches",
                    "{\"displayName\":\"merger for review\",\"contentQuery\":\"merger\","
                        + "\"dataSourceScopes\":\"allCaseCustodians\"}"))
            .getString("id");
    List<Doc> merger = f.docs.stream().filter(d -> d.says("merger")).toList();

    String reviewSetId =
        created(api.post(base + "/reviewSets", "{\"displayName\":\"Merger review\"}"))
            .getString("id");
    GraphClient.Reply duplicateName =
        api.post(base + "/reviewSets", "{\"displayName\":\"merger REVIEW\"}");
    assertThat(duplicateName.status()).as(duplicateName.toString()).isIn(400, 409);
    String reviewSet = base + "/reviewSets/" + reviewSetId;

    for (int round = 0; round < 2; round++) {
      GraphClient.Reply add =
          api.post(reviewSet + "/addToReviewSet", "{\"search\":{\"id\":\"" + searchId + "\"}}");
      assertThat(add.status()).as(add.toString()).isEqualTo(202);
      JsonObject op = api.awaitTerminal(add.header("Location"));
      assertThat(op.getString("status")).as(op.toString()).isEqualTo("succeeded");
      assertThat(op.getString("@odata.type"))
          .isEqualTo("#microsoft.graph.security.ediscoveryAddToReviewSetOperation");
      assertThat(files(api, reviewSet))
          .as("adding the same items again does not duplicate them")
          .hasSize(merger.size());
    }

    // The same action through /operations, with both targets as the SDKs send them: nothing new to
    // add.
    GraphClient.Reply viaOps =
        api.post(
            base + "/operations",
            "{\"@odata.type\":\"#microsoft.graph.security.ediscoveryAddToReviewSetOperation\","
                + "\"action\":\"addToReviewSet\",\"reviewSet\":{\"id\":\""
                + reviewSetId
                + "\"},"
                + "\"search@odata.bind\":\""
                + base
                + "/searches/"
                + searchId
                + "\"}");
    assertThat(viaOps.status()).as(viaOps.toString()).isEqualTo(201);
    JsonObject again = api.awaitTerminal(viaOps.header("Location"));
    assertThat(again.getString("status")).as(again.toString()).isEqualTo("succeeded");
    assertThat(again.getJsonObject("resultInfo").getString("message"))
        .contains(merger.size() + " were already");
    assertThat(files(api, reviewSet)).hasSize(merger.size());

    // Every file's content is the item's bytes as they were in the source.
    Map<String, byte[]> bySubject = new HashMap<>();
    merger.stream()
        .filter(d -> d.kind().equals("email"))
        .forEach(d -> bySubject.put(d.subject(), d.bytes()));
    int compared = 0;
    for (JsonObject file : files(api, reviewSet)) {
      byte[] expected = bySubject.get(file.getString("subjectTitle", ""));
      if (expected != null) {
        GraphClient.Reply content =
            api.get(reviewSet + "/files/" + file.getString("id") + "/content");
        assertThat(content.status()).as(content.toString()).isEqualTo(200);
        assertThat(content.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(bySubject.size());

    GraphClient.Reply paged = api.get(reviewSet + "/files?$top=5&$count=true");
    assertThat(paged.status()).as(paged.toString()).isEqualTo(200);
    assertThat(paged.json().getJsonArray("value")).hasSize(5);
    assertThat(paged.json().getInt("@odata.count")).isEqualTo(merger.size());
    assertThat(paged.json().getString("@odata.nextLink")).startsWith("http");

    // Files take the OData options: the larger half, largest first, counted.
    long threshold =
        merger.stream()
            .mapToLong(Doc::size)
            .sorted()
            .skip(merger.size() / 2)
            .findFirst()
            .orElseThrow();
    GraphClient.Reply larger =
        api.get(
            reviewSet
                + "/files?$filter=size%20gt%20"
                + threshold
                + "&$orderby=size%20desc&$count=true");
    assertThat(larger.status()).as(larger.toString()).isEqualTo(200);
    assertThat(larger.json().getInt("@odata.count"))
        .isEqualTo(merger.stream().filter(d -> d.size() > threshold).count());
    List<Long> sizes =
        larger.json().getJsonArray("value").stream()
            .map(v -> v.asJsonObject().getJsonNumber("size").longValue())
            .toList();
    assertThat(sizes)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder())
        .allMatch(size -> size > threshold);

    // Tags: a parent whose children exclude each other, and a free-standing tag.
    String tags = base + "/tags";
    String parent =
        created(
                api.post(
                    tags, "{\"displayName\":\"Responsiveness\",\"childSelectability\":\"One\"}"))
            .getString("id");
    String responsive =
        created(
                api.post(
                    tags,
                    "{\"displayName\":\"Responsive\",\"parent@odata.bind\":\""
                        + api.base().resolve(tags.substring(1) + "/" + parent)
                        + "\"}"))
            .getString("id");
    String notResponsive =
        created(
                api.post(
                    tags,
                    "{\"displayName\":\"Not responsive\",\"parent\":{\"id\":\"" + parent + "\"}}"))
            .getString("id");
    String privileged = created(api.post(tags, "{\"displayName\":\"Privileged\"}")).getString("id");
    GraphClient.Reply children = api.get(tags + "/" + parent + "/childTags");
    assertThat(children.status()).as(children.toString()).isEqualTo(200);
    assertThat(children.json().getJsonArray("value")).hasSize(2);

    String queries = reviewSet + "/queries";
    String partner =
        created(
                api.post(
                    queries,
                    "{\"displayName\":\"partner mail\",\"contentQuery\":\"from:partner.example\"}"))
            .getString("id");
    applyTags(api, queries + "/" + partner, List.of(responsive), List.of());
    List<Doc> partnerMerger =
        merger.stream()
            .filter(d -> d.from() != null && d.from().endsWith("@partner.example"))
            .toList();
    assertThat(tagged(api, reviewSet, responsive)).isEqualTo(partnerMerger.size());

    String taggedQuery =
        created(
                api.post(
                    queries,
                    "{\"displayName\":\"responsive\",\"contentQuery\":\"tag:Responsive\"}"))
            .getString("id");
    applyTags(api, queries + "/" + taggedQuery, List.of(notResponsive), List.of());
    assertThat(tagged(api, reviewSet, notResponsive)).isEqualTo(partnerMerger.size());
    assertThat(tagged(api, reviewSet, responsive)).as("One: a child replaces its sibling").isZero();

    String docs =
        created(api.post(queries, "{\"displayName\":\"documents\",\"contentQuery\":\"kind:docs\"}"))
            .getString("id");
    applyTags(api, queries + "/" + docs, List.of(privileged), List.of());
    long docCount = merger.stream().filter(d -> d.kind().equals("docs")).count();
    assertThat(tagged(api, reviewSet, privileged)).isEqualTo(docCount);
    applyTags(api, queries + "/" + docs, List.of(), List.of(privileged));
    assertThat(tagged(api, reviewSet, privileged)).isZero();

    // applyTags through /operations, with the query and tags as references.
    GraphClient.Reply viaOperations =
        api.post(
            base + "/operations",
            "{\"@odata.type\":\"#microsoft.graph.security.ediscoveryTagOperation\",\"action\":\"applyTags\","
                + "\"reviewSet\":{\"id\":\""
                + reviewSetId
                + "\"},\"query\":{\"id\":\""
                + docs
                + "\"},"
                + "\"tagsToAdd\":[{\"id\":\""
                + privileged
                + "\"}]}");
    assertThat(viaOperations.status()).as(viaOperations.toString()).isEqualTo(201);
    assertThat(api.awaitTerminal(viaOperations.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    assertThat(tagged(api, reviewSet, privileged)).isEqualTo(docCount);

    GraphClient.Reply unknownTag =
        api.post(queries + "/" + docs + "/applyTags", "{\"tagsToAdd\":[{\"id\":\"no-such-tag\"}]}");
    assertThat(unknownTag.status()).as(unknownTag.toString()).isEqualTo(400);
    assertThat(unknownTag.errorMessage()).contains("no-such-tag");

    // Both actions in the namespace-qualified form Kiota SDKs call.
    GraphClient.Reply qualifiedAdd =
        api.post(
            reviewSet + "/microsoft.graph.security.addToReviewSet",
            "{\"search\":{\"id\":\"" + searchId + "\"}}");
    assertThat(qualifiedAdd.status()).as(qualifiedAdd.toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(qualifiedAdd.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    GraphClient.Reply qualifiedTags =
        api.post(
            queries + "/" + docs + "/microsoft.graph.security.applyTags",
            "{\"tagsToRemove\":[{\"id\":\"" + privileged + "\"}]}");
    assertThat(qualifiedTags.status()).as(qualifiedTags.toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(qualifiedTags.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    assertThat(tagged(api, reviewSet, privileged)).isZero();

    // An id of the URL of any shape that names nothing is a 404 naming the kind of resource; a
    // method the resource does not offer is a 405.
    GraphClient.Reply badFileId = api.get(reviewSet + "/files/not-a-file-id");
    assertThat(badFileId.status()).as(badFileId.toString()).isEqualTo(404);
    assertThat(badFileId.errorCode()).isEqualTo("itemNotFound");
    assertThat(badFileId.json().getJsonObject("error").getString("message"))
        .contains("ediscoveryFile");
    GraphClient.Reply missingFile = api.get(reviewSet + "/files/" + "0".repeat(32));
    assertThat(missingFile.status()).as(missingFile.toString()).isEqualTo(404);
    assertThat(missingFile.errorCode()).isEqualTo("itemNotFound");
    GraphClient.Reply missingQuery = api.get(queries + "/00000000-0000-0000-0000-000000000001");
    assertThat(missingQuery.status()).as(missingQuery.toString()).isEqualTo(404);
    assertThat(missingQuery.errorCode()).isEqualTo("itemNotFound");
    GraphClient.Reply badSetId = api.get(base + "/reviewSets/not-a-guid/queries");
    assertThat(badSetId.status()).as(badSetId.toString()).isEqualTo(404);
    assertThat(badSetId.errorCode()).isEqualTo("itemNotFound");
    assertThat(badSetId.json().getJsonObject("error").getString("message"))
        .contains("ediscoveryReviewSet");
    GraphClient.Reply wrongMethod = api.delete(reviewSet + "/files");
    assertThat(wrongMethod.status()).as(wrongMethod.toString()).isEqualTo(405);
  }

  @Test
  void convertToPdfRendersTheReviewSetAndServesEachFilesPdf() throws Exception {
    GraphClient api = client();
    Fixture f = fixture(api);
    String base = CASES + "/" + f.caseId;
    String searchId =
        created(
                api.post(
                    base + "/searches",
                    "{\"displayName\":\"budget for pdf\",\"contentQuery\":\"subject:budget\","
                        + "\"dataSourceScopes\":\"allCaseCustodians\"}"))
            .getString("id");
    String reviewSetId =
        created(api.post(base + "/reviewSets", "{\"displayName\":\"Budget PDFs\"}"))
            .getString("id");
    String reviewSet = base + "/reviewSets/" + reviewSetId;
    GraphClient.Reply add =
        api.post(reviewSet + "/addToReviewSet", "{\"search\":{\"id\":\"" + searchId + "\"}}");
    assertThat(add.status()).as(add.toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(add.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    List<JsonObject> before = files(api, reviewSet);
    long budget = f.docs.stream().filter(d -> d.subject().startsWith("Budget review")).count();
    assertThat(before).hasSize((int) budget);
    assertThat(before).allSatisfy(file -> assertThat(file.getBoolean("hasPdf")).isFalse());
    GraphClient.Reply noPdf =
        api.get(reviewSet + "/files/" + before.get(0).getString("id") + "/pdf");
    assertThat(noPdf.status()).as(noPdf.toString()).isEqualTo(404);
    assertThat(noPdf.errorCode()).isEqualTo("itemNotFound");
    assertThat(noPdf.errorMessage()).contains("no PDF yet").contains("convertToPdf");

    GraphClient.Reply started =
        api.post(
            base + "/operations",
            "{\"action\":\"convertToPdf\",\"reviewSet\":{\"id\":\"" + reviewSetId + "\"}}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.json().getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.caseOperation");
    JsonObject op = api.awaitTerminal(started.header("Location"));
    assertThat(op.getString("status")).as(op.toString()).isEqualTo("succeeded");
    assertThat(op.getString("action")).isEqualTo("convertToPdf");
    assertThat(op.getJsonObject("resultInfo").getString("message"))
        .isEqualTo("Converted " + budget + " files to PDF; 0 were current already.");

    for (JsonObject file : files(api, reviewSet)) {
      assertThat(file.getBoolean("hasPdf")).as(file.toString()).isTrue();
      assertThat(api.get(reviewSet + "/files/" + file.getString("id")).json().getBoolean("hasPdf"))
          .isTrue();
      java.net.http.HttpResponse<byte[]> pdf =
          api.getBytes(reviewSet + "/files/" + file.getString("id") + "/pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
      assertThat(pdf.headers().firstValueAsLong("Content-Length"))
          .hasValue((long) pdf.body().length);
      try (org.apache.pdfbox.pdmodel.PDDocument doc =
          org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
        assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
            .contains(file.getString("subjectTitle"))
            .contains("From:");
      }
    }

    // Again: every rendition is current, nothing is rendered twice.
    GraphClient.Reply again =
        api.post(
            base + "/operations",
            "{\"action\":\"convertToPdf\",\"reviewSet\":{\"id\":\"" + reviewSetId + "\"}}");
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(
            api.awaitTerminal(again.header("Location"))
                .getJsonObject("resultInfo")
                .getString("message"))
        .isEqualTo("Converted 0 files to PDF; " + budget + " were current already.");
  }

  private static void applyTags(
      GraphClient api, String query, List<String> add, List<String> remove) {
    GraphClient.Reply started =
        api.post(
            query + "/applyTags",
            "{\"tagsToAdd\":" + refs(add) + ",\"tagsToRemove\":" + refs(remove) + "}");
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    JsonObject op = api.awaitTerminal(started.header("Location"));
    assertThat(op.getString("status")).as(op.toString()).isEqualTo("succeeded");
    assertThat(op.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryTagOperation");
  }

  /**
   * An operation's JSON with each download URL cut before its grant (a grant is issued anew, with
   * its own expiry, each time the operation is written).
   */
  private static JsonObject withoutGrants(JsonObject operation) {
    jakarta.json.JsonArrayBuilder files = jakarta.json.Json.createArrayBuilder();
    for (JsonValue value : operation.getJsonArray("exportFileMetadata")) {
      JsonObject file = value.asJsonObject();
      String url = file.getString("downloadUrl");
      files.add(
          jakarta.json.Json.createObjectBuilder(file)
              .add("downloadUrl", url.substring(0, url.indexOf('?'))));
    }
    return jakarta.json.Json.createObjectBuilder(operation)
        .add("exportFileMetadata", files)
        .build();
  }

  private static String refs(List<String> ids) {
    StringBuilder json = new StringBuilder("[");
    for (String id : ids) {
      json.append(json.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\"}");
    }
    return json.append("]").toString();
  }

  /** How many of the review set's files carry the tag. */
  @Test
  void exportsAReviewSetAndServesEveryFileByItsDownloadUrl() throws Exception {
    GraphClient api = client();
    Fixture f = fixture(api);
    String base = CASES + "/" + f.caseId;
    String searchId =
        created(
                api.post(
                    base + "/searches",
                    "{\"displayName\":\"export merger\",\"contentQuery\":\"merger\","
                        + "\"dataSourceScopes\":\"allCaseCustodians\"}"))
            .getString("id");
    String reviewSetId =
        created(api.post(base + "/reviewSets", "{\"displayName\":\"Export set\"}")).getString("id");
    String reviewSet = base + "/reviewSets/" + reviewSetId;
    GraphClient.Reply add =
        api.post(reviewSet + "/addToReviewSet", "{\"search\":{\"id\":\"" + searchId + "\"}}");
    assertThat(add.status()).as(add.toString()).isEqualTo(202);
    assertThat(api.awaitTerminal(add.header("Location")).getString("status"))
        .isEqualTo("succeeded");
    List<Doc> merger = f.docs.stream().filter(d -> d.says("merger")).toList();
    Map<String, Doc> bySha = new HashMap<>();
    for (Doc d : merger) {
      bySha.put(sha256(d.bytes()), d);
    }

    GraphClient.Reply noName = api.post(reviewSet + "/export", "{}");
    assertThat(noName.status()).as(noName.toString()).isEqualTo(400);
    assertThat(noName.errorMessage()).contains("outputName");
    GraphClient.Reply pst =
        api.post(reviewSet + "/export", "{\"outputName\":\"x\",\"exportStructure\":\"pst\"}");
    assertThat(pst.status()).as(pst.toString()).isEqualTo(400);
    assertThat(pst.errorCode()).isEqualTo("notSupported");

    EventStream stream = api.events("/v1.0/caseops/operations/events", Map.of());
    assertThat(stream.status()).isEqualTo(200);
    GraphClient.Reply export =
        api.post(
            reviewSet + "/microsoft.graph.security.export",
            "{\"outputName\":\"Harbor production\",\"description\":\"Volume 1\","
                + "\"exportOptions\":\"originalFiles,text,pdfReplacement,tags\","
                + "\"exportStructure\":\"directory\",\"batesPrefix\":\"HARBOR-\",\"batesStart\":100}");
    assertThat(export.status()).as(export.toString()).isEqualTo(202);
    JsonObject done = api.awaitTerminal(export.header("Location"));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("succeeded");
    assertThat(done.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoveryExportOperation");
    assertThat(done.getString("action")).isEqualTo("contentExport");
    assertThat(done.getString("outputName")).isEqualTo("Harbor production");
    assertThat(done.getString("exportOptions")).isEqualTo("originalFiles,text,pdfReplacement,tags");
    assertThat(done.getJsonObject("resultInfo").getString("message"))
        .contains("PDF pages are numbered HARBOR-00000100 to HARBOR-");
    JsonArray files = done.getJsonArray("exportFileMetadata");
    assertThat(files).hasSize(3);
    // The operations of every case list the same files.
    JsonObject listed =
        api.get("/v1.0/caseops/operations?$filter=id%20eq%20%27" + done.getString("id") + "%27")
            .json()
            .getJsonArray("value")
            .getJsonObject(0);
    assertThat(listed.getJsonArray("exportFileMetadata")).hasSize(3);
    // The event stream shows the finished export as the operations list it, files included.
    JsonObject streamed = null;
    try (stream) {
      for (EventStream.Event event = stream.next(60); event != null; event = stream.next(60)) {
        if (event.data().getString("id").equals(done.getString("id"))
            && event.data().getString("status").equals("succeeded")) {
          streamed = event.data();
          break;
        }
      }
    }
    assertThat(streamed).as("the event of the finished export").isNotNull();
    // Events show the members after the sentinel, as a client that prefers them sees the list.
    JsonObject listedWithAll =
        api.get(
                "/v1.0/caseops/operations?$filter=id%20eq%20%27" + done.getString("id") + "%27",
                Map.of("Prefer", "include-unknown-enum-members"))
            .json()
            .getJsonArray("value")
            .getJsonObject(0);
    assertThat(withoutGrants(streamed)).isEqualTo(withoutGrants(listedWithAll));
    assertThat(streamed.getJsonArray("exportFileMetadata")).hasSize(3);
    for (JsonValue value : streamed.getJsonArray("exportFileMetadata")) {
      String url = value.asJsonObject().getString("downloadUrl");
      HttpResponse<byte[]> reply =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(reply.statusCode()).as(url).isEqualTo(200);
      assertThat((long) reply.body().length)
          .isEqualTo(value.asJsonObject().getJsonNumber("size").longValue());
    }

    HttpClient http = HttpClient.newHttpClient();
    Map<String, byte[]> downloaded = new HashMap<>();
    String zipUrl = null;
    for (JsonValue value : files) {
      JsonObject file = value.asJsonObject();
      String downloadUrl = file.getString("downloadUrl");
      HttpResponse<byte[]> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(downloadUrl)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(reply.statusCode()).as(downloadUrl).isEqualTo(200);
      byte[] bytes = reply.body();
      assertThat((long) bytes.length).isEqualTo(file.getJsonNumber("size").longValue());
      assertThat(reply.headers().firstValue("Content-Length")).contains("" + bytes.length);
      assertThat(reply.headers().firstValue("ETag")).contains("\"" + sha256(bytes) + "\"");
      assertThat(reply.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment; filename=\"" + file.getString("fileName").replace(' ', '_'));
      downloaded.put(file.getString("fileName"), bytes);
      if (file.getString("fileName").endsWith(".zip")) {
        zipUrl = downloadUrl;
      }
    }
    assertThat(downloaded)
        .containsKeys("loadfile.csv", "loadfile.dat", "Harbor_production_part001.zip");

    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(
            new ByteArrayInputStream(downloaded.get("Harbor_production_part001.zip")))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertThat(entries.put(e.getName(), zip.readAllBytes())).as(e.getName()).isNull();
      }
    }
    // The load files stand at the root of the first part, and beside the parts as they are there.
    assertThat(entries.get("loadfile.csv")).isEqualTo(downloaded.get("loadfile.csv"));
    assertThat(entries.get("loadfile.dat")).isEqualTo(downloaded.get("loadfile.dat"));
    List<List<String>> csv =
        LoadFile.read(
            new StringReader(new String(entries.get("loadfile.csv"), StandardCharsets.UTF_8)),
            LoadFile.CSV);
    List<List<String>> dat =
        LoadFile.read(
            new StringReader(new String(entries.get("loadfile.dat"), StandardCharsets.UTF_8)),
            LoadFile.DAT);
    assertThat(dat).isEqualTo(csv);
    assertThat(csv).hasSize(merger.size());
    int sha = LoadFile.COLUMNS.indexOf("SHA256");
    int nativePath = LoadFile.COLUMNS.indexOf("NativePath");
    int textPath = LoadFile.COLUMNS.indexOf("TextPath");
    int pdfPath = LoadFile.COLUMNS.indexOf("PdfPath");
    List<String> begBates = new ArrayList<>();
    for (List<String> row : csv) {
      byte[] nativeBytes = entries.get(row.get(nativePath));
      assertThat(nativeBytes).as(row.get(nativePath)).isNotNull();
      assertThat(sha256(nativeBytes)).isEqualTo(row.get(sha));
      assertThat(bySha.get(row.get(sha)).bytes()).isEqualTo(nativeBytes);
      assertThat(entries).containsKey(row.get(textPath));
      byte[] pdf = entries.get(row.get(pdfPath));
      assertThat(pdf).as(row.get(pdfPath)).isNotNull();
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      begBates.add(row.get(LoadFile.COLUMNS.indexOf("BegBates")));
    }
    assertThat(begBates).contains("HARBOR-00000100").doesNotHaveDuplicates();

    // Resuming: the rest of the file from byte 100, while it is unchanged, then past its end.
    byte[] whole = downloaded.get("Harbor_production_part001.zip");
    String etag = "\"" + sha256(whole) + "\"";
    HttpResponse<byte[]> rest =
        http.send(
            HttpRequest.newBuilder(URI.create(zipUrl))
                .header("Range", "bytes=100-")
                .header("If-Range", etag)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(rest.statusCode()).isEqualTo(206);
    assertThat(rest.headers().firstValue("Content-Range"))
        .contains("bytes 100-" + (whole.length - 1) + "/" + whole.length);
    byte[] resumed = new byte[whole.length];
    System.arraycopy(whole, 0, resumed, 0, 100);
    System.arraycopy(rest.body(), 0, resumed, 100, rest.body().length);
    assertThat(rest.body()).hasSize(whole.length - 100);
    assertThat(resumed).isEqualTo(whole);
    HttpResponse<byte[]> otherVersion =
        http.send(
            HttpRequest.newBuilder(URI.create(zipUrl))
                .header("Range", "bytes=100-")
                .header("If-Range", "\"not-this-one\"")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(otherVersion.statusCode()).isEqualTo(200);
    assertThat(otherVersion.body()).isEqualTo(whole);
    HttpResponse<String> beyond =
        http.send(
            HttpRequest.newBuilder(URI.create(zipUrl))
                .header("Range", "bytes=" + whole.length + "-")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).contains("bytes */" + whole.length);

    // A bearer token that may read works too; an altered or expired grant, or none, does not.
    String path = URI.create(zipUrl).getPath();
    GraphClient.Reply withToken = api.get(path);
    assertThat(withToken.status()).isEqualTo(200);
    String grant = zipUrl.substring(zipUrl.indexOf("grant=") + 6);
    char last = grant.charAt(grant.length() - 1);
    String altered = zipUrl.substring(0, zipUrl.length() - 1) + (last == 'A' ? 'B' : 'A');
    HttpResponse<String> alteredReply =
        http.send(
            HttpRequest.newBuilder(URI.create(altered)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(alteredReply.statusCode()).isEqualTo(403);
    assertThat(alteredReply.body()).contains("accessDenied").doesNotContain("PK");
    String fileId = path.substring(path.lastIndexOf('/') + 1);
    DownloadGrants keys =
        new DownloadGrants(
            DownloadGrants.loadOrCreateKey(
                Path.of(System.getProperty("caseops.it.data.dir")).resolve("auth")),
            java.time.Duration.ofHours(1));
    String expired = keys.issue(f.caseId, fileId, java.time.Instant.now().minusSeconds(7200));
    HttpResponse<String> expiredReply =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(zipUrl.substring(0, zipUrl.indexOf("grant=") + 6) + expired))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(expiredReply.statusCode()).isEqualTo(401);
    assertThat(expiredReply.body()).contains("InvalidAuthenticationToken");
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(URI.create(zipUrl.substring(0, zipUrl.indexOf('?'))))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);

    // The same export of a query, through /operations: 201, and the query narrows it.
    String query =
        created(
                api.post(
                    reviewSet + "/queries",
                    "{\"displayName\":\"docs\",\"contentQuery\":\"kind:docs\"}"))
            .getString("id");
    GraphClient.Reply viaOps =
        api.post(
            base + "/operations",
            "{\"@odata.type\":\"#microsoft.graph.security.ediscoveryExportOperation\","
                + "\"action\":\"contentExport\",\"reviewSet\":{\"id\":\""
                + reviewSetId
                + "\"},\"reviewSetQuery\":{\"id\":\""
                + query
                + "\"},\"outputName\":\"Docs only\"}");
    assertThat(viaOps.status()).as(viaOps.toString()).isEqualTo(201);
    JsonObject docsOnly = api.awaitTerminal(viaOps.header("Location"));
    assertThat(docsOnly.getString("status")).as(docsOnly.toString()).isEqualTo("succeeded");
    assertThat(docsOnly.getJsonObject("resultInfo").getString("message"))
        .startsWith(
            "Exported " + merger.stream().filter(d -> d.kind().equals("docs")).count() + " files");
  }

  @Test
  void exportsASearchsReportAndItsItemsAndServesThemByDownloadUrl() throws Exception {
    GraphClient api = client();
    Fixture f = fixture(api);
    String base = CASES + "/" + f.caseId;
    Map<String, String> prefer = Map.of("Prefer", "include-unknown-enum-members");
    String searchId =
        created(
                api.post(
                    base + "/searches",
                    "{\"displayName\":\"report merger\",\"contentQuery\":\"merger\","
                        + "\"dataSourceScopes\":\"allCaseCustodians\"}"))
            .getString("id");
    String search = base + "/searches/" + searchId;
    List<Doc> merger = f.docs.stream().filter(d -> d.says("merger")).toList();
    Map<String, Doc> bySha = new HashMap<>();
    for (Doc d : merger) {
      bySha.put(sha256(d.bytes()), d);
    }

    // The actions come after unknownFutureValue: refused unless the client asks for such members.
    GraphClient.Reply masked =
        api.post(search + "/exportReport", "{\"displayName\":\"Merger report\"}");
    assertThat(masked.status()).as(masked.toString()).isEqualTo(400);
    assertThat(masked.errorMessage()).contains("exportReport").contains("Prefer");
    GraphClient.Reply maskedOps =
        api.post(
            base + "/operations",
            "{\"action\":\"exportResult\",\"search\":{\"id\":\""
                + searchId
                + "\"},\"displayName\":\"x\"}");
    assertThat(maskedOps.status()).as(maskedOps.toString()).isEqualTo(400);
    GraphClient.Reply pst =
        api.post(
            search + "/exportResult", "{\"displayName\":\"x\",\"exportFormat\":\"pst\"}", prefer);
    assertThat(pst.status()).as(pst.toString()).isEqualTo(400);
    assertThat(pst.errorCode()).isEqualTo("notSupported");
    assertThat(pst.errorMessage()).contains("'pst'").contains("eml");
    GraphClient.Reply cloud =
        api.post(
            search + "/exportResult",
            "{\"displayName\":\"x\",\"additionalOptions\":\"cloudAttachments\"}",
            prefer);
    assertThat(cloud.status()).as(cloud.toString()).isEqualTo(400);
    assertThat(cloud.errorCode()).isEqualTo("notSupported");
    assertThat(cloud.errorMessage()).contains("cloudAttachments");
    GraphClient.Reply noName = api.post(search + "/exportReport", "{}", prefer);
    assertThat(noName.status()).as(noName.toString()).isEqualTo(400);
    assertThat(noName.errorMessage()).contains("displayName");

    // exportReport, namespace-qualified: one row per hit.
    GraphClient.Reply report =
        api.post(
            search + "/microsoft.graph.security.exportReport",
            "{\"displayName\":\"Merger report\",\"exportCriteria\":\"searchHits\","
                + "\"exportLocation\":\"responsiveLocations\"}",
            prefer);
    assertThat(report.status()).as(report.toString()).isEqualTo(202);
    JsonObject reported = api.awaitTerminal(report.header("Location"));
    assertThat(reported.getString("status")).as(reported.toString()).isEqualTo("succeeded");
    assertThat(reported.getString("@odata.type"))
        .isEqualTo("#microsoft.graph.security.ediscoverySearchExportOperation");
    assertThat(reported.getString("action")).isEqualTo("unknownFutureValue");
    JsonObject withPrefer = api.get(report.header("Location"), prefer).json();
    assertThat(withPrefer.getString("action")).isEqualTo("exportReport");
    assertThat(withPrefer.getString("displayName")).isEqualTo("Merger report");
    assertThat(withPrefer.getString("exportCriteria")).isEqualTo("searchHits");
    assertThat(withPrefer.getString("exportLocation")).isEqualTo("responsiveLocations");
    Map<String, byte[]> reportFiles = download(reported.getJsonArray("exportFileMetadata"));
    assertThat(reportFiles.keySet())
        .containsExactlyInAnyOrder("Merger_report_items.csv", "Merger_report_summary.csv");
    List<List<String>> rows =
        SearchReport.read(
            new StringReader(
                new String(reportFiles.get("Merger_report_items.csv"), StandardCharsets.UTF_8)),
            SearchReport.CSV);
    assertThat(rows).hasSize(merger.size());
    int sha = SearchReport.COLUMNS.indexOf("SHA256");
    int size = SearchReport.COLUMNS.indexOf("Size");
    for (List<String> row : rows) {
      Doc doc = bySha.get(row.get(sha));
      assertThat(doc).as(row.toString()).isNotNull();
      assertThat(row.get(size)).isEqualTo(Long.toString(doc.size()));
      assertThat(row.get(SearchReport.COLUMNS.indexOf("Indexed"))).isEqualTo("true");
    }
    assertThat(rows.stream().map(r -> r.get(sha)).distinct().count()).isEqualTo(merger.size());
    List<List<String>> summary =
        SearchReport.read(
            new StringReader(
                new String(reportFiles.get("Merger_report_summary.csv"), StandardCharsets.UTF_8)),
            SearchReport.SUMMARY);
    assertThat(summary).hasSize(3);
    assertThat(
            summary.stream()
                .mapToLong(r -> Long.parseLong(r.get(SearchReport.SUMMARY_COLUMNS.indexOf("Hits"))))
                .sum())
        .isEqualTo(merger.size());

    // exportResult through /operations: the natives, the unindexed PDF with them, and the report.
    GraphClient.Reply result =
        api.post(
            base + "/operations",
            "{\"@odata.type\":\"#microsoft.graph.security.ediscoverySearchExportOperation\","
                + "\"action\":\"exportResult\",\"search\":{\"id\":\""
                + searchId
                + "\"},\"displayName\":\"Merger natives\","
                + "\"exportCriteria\":\"searchHits,partiallyIndexed\","
                + "\"additionalOptions\":\"includeReport\",\"exportFormat\":\"eml\"}",
            prefer);
    assertThat(result.status()).as(result.toString()).isEqualTo(201);
    JsonObject exported = api.awaitTerminal(result.header("Location"));
    assertThat(exported.getString("status")).as(exported.toString()).isEqualTo("succeeded");
    Map<String, byte[]> resultFiles = download(exported.getJsonArray("exportFileMetadata"));
    assertThat(resultFiles.keySet())
        .containsExactlyInAnyOrder(
            "Merger_natives_part001.zip", "Merger_natives_items.csv", "Merger_natives_summary.csv");
    List<String> natives = new ArrayList<>();
    try (ZipInputStream zip =
        new ZipInputStream(
            new ByteArrayInputStream(resultFiles.get("Merger_natives_part001.zip")))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        natives.add(sha256(zip.readAllBytes()));
      }
    }
    assertThat(natives).hasSize(merger.size() + 1).doesNotHaveDuplicates();
    assertThat(natives.stream().filter(bySha::containsKey).count()).isEqualTo(merger.size());
    List<List<String>> resultRows =
        SearchReport.read(
            new StringReader(
                new String(resultFiles.get("Merger_natives_items.csv"), StandardCharsets.UTF_8)),
            SearchReport.CSV);
    assertThat(resultRows).extracting(r -> r.get(sha)).containsExactlyInAnyOrderElementsOf(natives);
    List<String> unindexed =
        resultRows.stream()
            .filter(r -> r.get(SearchReport.COLUMNS.indexOf("Indexed")).equals("false"))
            .findFirst()
            .orElseThrow();
    assertThat(unindexed.get(SearchReport.COLUMNS.indexOf("Location"))).isEqualTo("broken.pdf");
    assertThat(unindexed.get(SearchReport.COLUMNS.indexOf("UnindexedReason"))).isNotBlank();
  }

  /** Downloads every file of an exportFileMetadata array without a token, as curl would. */
  private static Map<String, byte[]> download(JsonArray files) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, byte[]> downloaded = new HashMap<>();
    for (JsonValue value : files) {
      JsonObject file = value.asJsonObject();
      HttpResponse<byte[]> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(file.getString("downloadUrl"))).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(reply.statusCode()).as(file.toString()).isEqualTo(200);
      assertThat((long) reply.body().length).isEqualTo(file.getJsonNumber("size").longValue());
      assertThat(reply.headers().firstValue("ETag")).contains("\"" + sha256(reply.body()) + "\"");
      downloaded.put(file.getString("fileName"), reply.body());
    }
    return downloaded;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static long tagged(GraphClient api, String reviewSet, String tagId) {
    return files(api, reviewSet).stream()
        .filter(
            file ->
                file.getJsonArray("tags").stream()
                    .map(JsonValue::asJsonObject)
                    .anyMatch(t -> t.getString("id").equals(tagId)))
        .count();
  }

  /** Every file of the review set, following nextLinks. */
  private static List<JsonObject> files(GraphClient api, String reviewSet) {
    List<JsonObject> all = new ArrayList<>();
    String next = reviewSet + "/files";
    while (next != null) {
      GraphClient.Reply page = api.get(next);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      JsonArray value = page.json().getJsonArray("value");
      value.forEach(v -> all.add(v.asJsonObject()));
      next = page.json().getString("@odata.nextLink", null);
    }
    return all;
  }

  private static JsonObject created(GraphClient.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private static String rfc2822(LocalDate day) {
    return day.getDayOfMonth()
        + " "
        + day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
        + " "
        + day.getYear()
        + " 10:00:00 +0000";
  }
}
