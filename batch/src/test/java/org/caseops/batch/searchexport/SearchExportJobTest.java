package org.caseops.batch.searchexport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedContentFailures;
import org.caseops.batch.testing.InducedFailures;
import org.caseops.batch.testing.SearchCorpus;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * exportReport and exportResult on JBeret SE over {@link SearchCorpus}, whose hits are known from
 * how it was written: "walrus" matches mbox messages 0, 5, 10, ... 25 of Adele's mailbox, Megan's
 * even messages and the copy of message 0, and Adele's first two memos; Adele's site also holds a
 * corrupt PDF that could not be indexed. "harbour" matches Megan's odd messages only.
 */
class SearchExportJobTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  private static int column(String name) {
    return SearchReport.COLUMNS.indexOf(name);
  }

  private static int summaryColumn(String name) {
    return SearchReport.SUMMARY_COLUMNS.indexOf(name);
  }

  /** What a row of the report says of its item, as the corpus knows it: source, location, size. */
  private static Set<String> expectedWalrusHits(SearchCorpus c) {
    Set<String> expected = new HashSet<>();
    for (int i : c.mbox(i -> i % 5 == 0)) {
      String subject = i % 10 == 0 ? "Walrus sighting " + i : "Weekly note " + i;
      expected.add("adele@contoso.com|" + subject + "|" + c.mboxSizes[i]);
    }
    for (int i = 0; i < SearchCorpus.EML; i += 2) {
      expected.add("megan@contoso.com|inbox/m" + i + ".eml|" + c.emlSizes[i]);
    }
    expected.add("megan@contoso.com|copy.eml|" + c.emlSizes[0]);
    for (int i = 0; i < SearchCorpus.SITE_WALRUS; i++) {
      expected.add("https://contoso.sharepoint.com/sites/legal|memo" + i + ".txt|" + c.docSizes[i]);
    }
    return expected;
  }

  /** The same key for a row of the report: a message of the mbox by its subject. */
  private static String key(List<String> row) {
    String location = row.get(column("Location"));
    return row.get(column("Source"))
        + "|"
        + (location.contains("#") ? row.get(column("Subject")) : location)
        + "|"
        + row.get(column("Size"));
  }

  private static CaseOperation submit(
      IndexJobHarness h,
      SearchCorpus c,
      CaseAction action,
      EdiscoverySearch search,
      String options) {
    CaseOperation operation =
        CaseOperation.submit(
            c.caseId(),
            action,
            OperationTarget.search(search.getId(), List.of(options.split(","))),
            Map.of("displayName", "Walrus hits"),
            ALICE,
            Instant.now());
    h.operations.add(operation);
    return operation;
  }

  private static CaseOperation run(
      IndexJobHarness h, SearchCorpus c, CaseOperation operation, Properties extra)
      throws Exception {
    long execution =
        h.jobs.start(
            operation.getAction().jobName(),
            IndexJobHarness.parameters(operation.getId(), c.caseId(), extra));
    assertThat(h.awaitEnd(execution, operation.getId())).isEqualTo(BatchStatus.COMPLETED);
    return h.awaitOperation(operation.getId());
  }

  private static Properties small(String partSize) {
    Properties p = new Properties();
    p.setProperty("itemCount", "3");
    p.setProperty("pageSize", "2");
    if (partSize != null) {
      p.setProperty("partSize", partSize);
    }
    return p;
  }

  private static List<List<String>> report(SearchCorpus c, String operationId, String name)
      throws IOException {
    String text =
        Files.readString(
            CaseopsPaths.exportDir(c.caseId(), operationId).resolve(name), StandardCharsets.UTF_8);
    return SearchReport.read(
        new StringReader(text),
        name.endsWith("_summary.csv") ? SearchReport.SUMMARY : SearchReport.CSV);
  }

  /** The case's catalog by location (unique in this corpus; two items share a SHA-256). */
  private static Map<String, Item> catalog(IndexJobHarness h, SearchCorpus c) {
    Map<String, Item> byLocation = new HashMap<>();
    for (CustodianSource source : List.of(c.adeleMail, c.adeleSite, c.meganMail)) {
      for (Item item : h.items.listInSource(source.getId(), 0, 1000)) {
        byLocation.put(item.getLocation(), item);
      }
    }
    return byLocation;
  }

  /** The rows of a report by DocID. */
  private static Map<String, List<String>> byDocId(List<List<String>> rows) {
    Map<String, List<String>> map = new HashMap<>();
    rows.forEach(r -> assertThat(map.put(r.get(column("DocID")), r)).isNull());
    return map;
  }

  /** The DocID a native's entry name starts with. */
  private static String docIdOf(String entryName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("DOC\\d{7}").matcher(entryName);
    assertThat(m.find()).as(entryName).isTrue();
    return m.group();
  }

  @Test
  void theReportHasOneRowPerHitWithTheCatalogsValuesAndASummaryPerSource() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      CaseOperation operation =
          submit(h, c, CaseAction.exportReport, walrus, "searchHits,responsiveLocations");

      CaseOperation done = run(h, c, operation, small(null));

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo(
              "Reported 14 items from 3 sources in Walrus_hits_items.csv, with"
                  + " Walrus_hits_summary.csv.");
      List<List<String>> rows = report(c, operation.getId(), "Walrus_hits_items.csv");
      assertThat(rows).extracting(SearchExportJobTest::key).hasSize(14).doesNotHaveDuplicates();
      assertThat(rows.stream().map(SearchExportJobTest::key).collect(Collectors.toSet()))
          .isEqualTo(expectedWalrusHits(c));
      assertThat(rows).extracting(r -> r.get(0)).doesNotHaveDuplicates();
      Map<String, Item> catalog = catalog(h, c);
      for (List<String> row : rows) {
        assertThat(row).hasSize(SearchReport.COLUMNS.size());
        Item item = catalog.get(row.get(column("Location")));
        assertThat(item).as(key(row)).isNotNull();
        assertThat(row.get(column("SHA256"))).isEqualTo(item.getSha256());
        assertThat(row.get(column("Indexed"))).isEqualTo("true");
        assertThat(row.get(column("UnindexedReason"))).isEmpty();
        assertThat(row.get(column("Custodian"))).endsWith("@contoso.com");
      }
      List<String> sighting =
          rows.stream()
              .filter(r -> r.get(column("Subject")).equals("Walrus sighting 10"))
              .findFirst()
              .orElseThrow();
      assertThat(sighting.get(column("From"))).contains("sender10@fabrikam.com");
      assertThat(sighting.get(column("Sent"))).isEqualTo("2023-03-11T12:00:00Z");
      assertThat(sighting.get(column("FileExtension"))).isEqualTo("eml");

      List<List<String>> summary = report(c, operation.getId(), "Walrus_hits_summary.csv");
      assertThat(summary).hasSize(3);
      Map<String, List<String>> bySource = new HashMap<>();
      summary.forEach(r -> bySource.put(r.get(summaryColumn("Source")), r));
      List<String> adele = bySource.get("adele@contoso.com");
      assertThat(adele.get(summaryColumn("SourceType"))).isEqualTo("mailbox");
      assertThat(adele.get(summaryColumn("Hits"))).isEqualTo("6");
      assertThat(adele.get(summaryColumn("HitsSize")))
          .isEqualTo(Long.toString(c.mboxSize(c.mbox(i -> i % 5 == 0))));
      assertThat(adele.get(summaryColumn("ReportedItems"))).isEqualTo("6");
      List<String> site = bySource.get("https://contoso.sharepoint.com/sites/legal");
      assertThat(site.get(summaryColumn("SourceType"))).isEqualTo("site");
      assertThat(site.get(summaryColumn("Unindexed"))).isEqualTo("1");
      assertThat(site.get(summaryColumn("UnindexedSize"))).isEqualTo(Long.toString(c.brokenSize));
      assertThat(site.get(summaryColumn("ReportedItems"))).isEqualTo("2");
      assertThat(site.get(summaryColumn("ReportedSize")))
          .isEqualTo(Long.toString(c.siteWalrusSize()));
      assertThat(bySource.get("megan@contoso.com").get(summaryColumn("Hits")))
          .isEqualTo(Integer.toString(c.meganWalrusCount()));

      List<ExportFile> registered =
          h.weld.select(ExportFileRepository.class).get().listOfOperation(operation.getId());
      assertThat(registered)
          .extracting(ExportFile::getFileName)
          .containsExactlyInAnyOrder("Walrus_hits_items.csv", "Walrus_hits_summary.csv");
      for (ExportFile file : registered) {
        byte[] bytes =
            Files.readAllBytes(
                CaseopsPaths.exportDir(c.caseId(), operation.getId()).resolve(file.getFileName()));
        assertThat(Evidence.sha256(bytes)).isEqualTo(file.getSha256());
        assertThat((long) bytes.length).isEqualTo(file.getSize());
      }
    }
  }

  @Test
  void theReportGivesAMessagesBccAndTheTagsItsFilesCarryInTheCaseButNoBatesNumbers()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      Evidence.write(
          c.meganFolder.resolve("inbox/blind.eml"),
          "From: megan@contoso.com\r\nTo: bob@fabrikam.com\r\nBcc: Eve <eve@contoso.com>\r\n"
              + "Subject: Blind walrus\r\nDate: Tue, 06 Jan 2026 11:00:00 +0000\r\n"
              + "Message-ID: <blind@contoso.com>\r\nMIME-Version: 1.0\r\n"
              + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThe walrus is not copied.\r\n");
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      // Two review sets hold the hits; tags on their files, in either set, go to the report.
      ReviewSet first = s.reviewSet(c.caseId(), "First");
      ReviewSet second = s.reviewSet(c.caseId(), "Second");
      for (ReviewSet set : List.of(first, second)) {
        assertThat(
                s.run(
                        c.caseId(),
                        CaseAction.addToReviewSet,
                        OperationTarget.reviewSet(set.getId(), walrus.getId(), List.of()))
                    .getStatus())
            .isEqualTo(CaseOperationStatus.succeeded);
      }
      ReviewTag hot = ReviewTag.create(c.caseId(), "hot", null, null, null, ALICE, Instant.now());
      ReviewTag privileged =
          ReviewTag.create(c.caseId(), "Privileged", null, null, null, ALICE, Instant.now());
      s.tags.add(hot);
      s.tags.add(privileged);
      ReviewSetItem blindFirst = fileAt(s, first, "inbox/blind.eml");
      ReviewSetItem blindSecond = fileAt(s, second, "inbox/blind.eml");
      s.tags.retag(first.getId(), Map.of(blindFirst.getId(), Set.of(hot.getId())), Map.of());
      s.tags.retag(
          second.getId(), Map.of(blindSecond.getId(), Set.of(privileged.getId())), Map.of());
      CaseOperation operation =
          submit(h, c, CaseAction.exportReport, walrus, "searchHits,responsiveLocations");

      CaseOperation done = run(h, c, operation, small(null));

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      List<List<String>> rows = report(c, operation.getId(), "Walrus_hits_items.csv");
      assertThat(rows).hasSize(15);
      List<String> blind =
          rows.stream()
              .filter(r -> r.get(column("Location")).equals("inbox/blind.eml"))
              .findFirst()
              .orElseThrow();
      assertThat(blind.get(column("Bcc"))).contains("eve@contoso.com");
      assertThat(blind.get(column("Tags"))).isEqualTo("hot;Privileged");
      for (List<String> row : rows) {
        assertThat(row.get(column("BegBates"))).isEmpty();
        assertThat(row.get(column("EndBates"))).isEmpty();
        if (row != blind) {
          assertThat(row.get(column("Bcc"))).as(key(row)).isEmpty();
          assertThat(row.get(column("Tags"))).as(key(row)).isEmpty();
        }
      }
    }
  }

  private static ReviewSetItem fileAt(SearchJobs s, ReviewSet set, String location) {
    return s.reviewSets.listItems(set.getId(), 0, 1000).stream()
        .filter(f -> f.getLocation().equals(location))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void criteriaAndLocationsChooseTheRows() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      EdiscoverySearch harbour = s.searchAll(c.caseId(), "harbour");

      // Hits and the unindexed items of the sources with hits: the corrupt PDF joins them.
      CaseOperation both =
          submit(
              h,
              c,
              CaseAction.exportReport,
              walrus,
              "searchHits,partiallyIndexed,responsiveLocations");
      assertThat(run(h, c, both, small(null)).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      List<List<String>> rows = report(c, both.getId(), "Walrus_hits_items.csv");
      assertThat(rows).hasSize(15);
      List<String> broken =
          rows.stream()
              .filter(r -> r.get(column("Indexed")).equals("false"))
              .collect(Collectors.toList())
              .stream()
              .findFirst()
              .orElseThrow();
      assertThat(rows.stream().filter(r -> r.get(column("Indexed")).equals("false"))).hasSize(1);
      assertThat(broken.get(column("Location"))).isEqualTo("broken.pdf");
      assertThat(broken.get(column("UnindexedReason"))).isNotBlank();
      assertThat(broken.get(column("Size"))).isEqualTo(Long.toString(c.brokenSize));

      // Only Megan's mailbox has hits for "harbour": the others are nonresponsive.
      CaseOperation unindexedElsewhere =
          submit(h, c, CaseAction.exportReport, harbour, "partiallyIndexed,nonresponsiveLocations");
      assertThat(run(h, c, unindexedElsewhere, small(null)).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      List<List<String>> elsewhere = report(c, unindexedElsewhere.getId(), "Walrus_hits_items.csv");
      assertThat(elsewhere)
          .extracting(r -> r.get(column("Location")))
          .containsExactly("broken.pdf");
      List<List<String>> summary = report(c, unindexedElsewhere.getId(), "Walrus_hits_summary.csv");
      assertThat(summary).hasSize(3);
      for (List<String> row : summary) {
        boolean megan = row.get(summaryColumn("Source")).equals("megan@contoso.com");
        assertThat(row.get(summaryColumn("Responsive"))).isEqualTo(Boolean.toString(megan));
        assertThat(row.get(summaryColumn("Selected"))).isEqualTo(Boolean.toString(!megan));
        assertThat(row.get(summaryColumn("Hits"))).isEqualTo(megan ? "5" : "0");
      }

      CaseOperation hitsElsewhere =
          submit(h, c, CaseAction.exportReport, harbour, "searchHits,nonresponsiveLocations");
      assertThat(run(h, c, hitsElsewhere, small(null)).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(report(c, hitsElsewhere.getId(), "Walrus_hits_items.csv")).isEmpty();

      CaseOperation harbourHits =
          submit(h, c, CaseAction.exportReport, harbour, "searchHits,responsiveLocations");
      assertThat(run(h, c, harbourHits, small(null)).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(report(c, harbourHits.getId(), "Walrus_hits_items.csv"))
          .extracting(r -> r.get(column("Location")))
          .containsExactlyInAnyOrder(
              "inbox/m1.eml", "inbox/m3.eml", "inbox/m5.eml", "inbox/m7.eml", "inbox/m9.eml");
    }
  }

  @Test
  void exportResultWritesEachItemsNativeWithTheCatalogsHashAndTheReportWhenAsked()
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      CaseOperation operation =
          submit(
              h,
              c,
              CaseAction.exportResult,
              walrus,
              "searchHits,partiallyIndexed,responsiveLocations,includeFolderAndPath,friendlyName,"
                  + "includeReport");

      CaseOperation done = run(h, c, operation, small("1500"));

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getResultInfo().getMessage())
          .startsWith("Exported 15 of 15 items in ")
          .endsWith(", with Walrus_hits_items.csv and Walrus_hits_summary.csv.");
      List<Path> parts = parts(c, operation.getId());
      assertThat(parts.size()).isGreaterThan(1);
      Map<String, byte[]> entries = entries(parts);
      assertThat(entries).hasSize(15);
      Map<String, Item> catalog = catalog(h, c);
      List<List<String>> rows = report(c, operation.getId(), "Walrus_hits_items.csv");
      assertThat(rows).hasSize(15);
      Map<String, List<String>> rowOf = byDocId(rows);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        List<String> row = rowOf.get(docIdOf(entry.getKey()));
        assertThat(row).as(entry.getKey()).isNotNull();
        Item item = catalog.get(row.get(column("Location")));
        assertThat(Evidence.sha256(entry.getValue()))
            .isEqualTo(row.get(column("SHA256")))
            .isEqualTo(item.getSha256());
        assertThat((long) entry.getValue().length).isEqualTo(item.getSize());
        String source =
            item.getSourceId().equals(c.adeleSite.getId())
                ? "https___contoso.sharepoint.com_sites_legal"
                : item.getSourceId().equals(c.adeleMail.getId())
                    ? "adele_contoso.com"
                    : "megan_contoso.com";
        assertThat(entry.getKey()).startsWith("natives/" + source + "/");
      }
      assertThat(entries.keySet())
          .anyMatch(name -> name.startsWith("natives/megan_contoso.com/inbox/DOC"))
          .anyMatch(name -> name.endsWith("_broken.pdf"))
          .anyMatch(name -> name.endsWith("_Walrus_sighting_10.eml"));
      assertThat(h.weld.select(ExportFileRepository.class).get().listOfOperation(operation.getId()))
          .hasSize(parts.size() + 2);
    }
  }

  @Test
  void exportResultWithoutIncludeReportWritesPartsOnly() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch harbour = s.searchAll(c.caseId(), "harbour");
      CaseOperation operation =
          submit(h, c, CaseAction.exportResult, harbour, "searchHits,responsiveLocations");
      CaseOperation done = run(h, c, operation, small(null));
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo("Exported 5 of 5 items in 1 ZIP part.");
      assertThat(h.weld.select(ExportFileRepository.class).get().listOfOperation(operation.getId()))
          .extracting(ExportFile::getFileName)
          .containsExactly("Walrus_hits_part001.zip");
      assertThat(entries(parts(c, operation.getId())).keySet())
          .allMatch(name -> name.matches("natives/DOC\\d{7}\\.eml"));
    }
  }

  @Test
  void exportResultFinishesAPartAtPartEntriesEntries() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch harbour = s.searchAll(c.caseId(), "harbour");
      CaseOperation operation =
          submit(h, c, CaseAction.exportResult, harbour, "searchHits,responsiveLocations");
      Properties p = small(null);
      p.setProperty("partEntries", "2");

      CaseOperation done = run(h, c, operation, p);

      // Five items, at most two entries a part (the part size alone would make one part).
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo("Exported 5 of 5 items in 3 ZIP parts.");
      List<Path> parts = parts(c, operation.getId());
      assertThat(parts).hasSize(3);
      List<String> names = new ArrayList<>();
      for (Path part : parts) {
        Map<String, byte[]> entries = entries(List.of(part));
        assertThat(entries.size()).as(part.toString()).isBetween(1, 2);
        names.addAll(entries.keySet());
      }
      assertThat(names).hasSize(5).doesNotHaveDuplicates();
    }
  }

  @Test
  void aReportKilledMidChunkRestartsWithEveryRowOnce() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      CaseOperation operation =
          submit(
              h,
              c,
              CaseAction.exportReport,
              walrus,
              "searchHits,partiallyIndexed,responsiveLocations");
      Properties p = small(null);
      p.setProperty("pageSize", "1");
      // Three items per chunk, one catalog read per item: the fifth read is in the second chunk.
      InducedFailures.failFindAllOnce(5);
      long first;
      try {
        first =
            h.jobs.start(
                "exportReport", IndexJobHarness.parameters(operation.getId(), c.caseId(), p));
        assertThat(h.awaitEnd(first, operation.getId())).isEqualTo(BatchStatus.FAILED);
      } finally {
        InducedFailures.reset();
      }
      Path work = CaseopsPaths.exportDir(c.caseId(), operation.getId()).resolve(".work");
      try (Stream<Path> files = Files.list(work)) {
        assertThat(files.map(f -> f.getFileName().toString()).toList()).contains("rows-00001.csv");
      }
      // What a process killed mid-chunk leaves: the next segment half written.
      Files.writeString(work.resolve("rows-00002.csv.tmp"), "half a row");

      long restart =
          h.jobs.restart(first, IndexJobHarness.parameters(operation.getId(), c.caseId(), p));
      assertThat(h.awaitEnd(restart, operation.getId())).isEqualTo(BatchStatus.COMPLETED);
      CaseOperation done = h.awaitOperation(operation.getId());
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      List<List<String>> rows = report(c, operation.getId(), "Walrus_hits_items.csv");
      assertThat(rows).hasSize(15);
      assertThat(rows).extracting(r -> r.get(column("DocID"))).doesNotHaveDuplicates();
      Set<String> expected = expectedWalrusHits(c);
      expected.add(
          "https://contoso.sharepoint.com/sites/legal|broken.pdf|" + Long.toString(c.brokenSize));
      assertThat(rows.stream().map(SearchExportJobTest::key).collect(Collectors.toSet()))
          .isEqualTo(expected);
      try (Stream<Path> left = Files.walk(work.getParent())) {
        assertThat(left.filter(f -> f.toString().endsWith(".tmp")).toList()).isEmpty();
      }
    }
  }

  @Test
  void aRestartGoesOnAfterTheLastItemWrittenWhenAnItemIsCataloguedBeforeIt() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      CaseOperation operation =
          submit(
              h,
              c,
              CaseAction.exportReport,
              walrus,
              "searchHits,partiallyIndexed,responsiveLocations");
      // Pages of two catalog entries, chunks of three items: the fourth page read of the export's
      // items is past the first chunk, whose rows are a finished segment when the job fails.
      Properties p = small(null);
      InducedFailures.failFindAllOnce(4);
      long first;
      try {
        first =
            h.jobs.start(
                "exportReport", IndexJobHarness.parameters(operation.getId(), c.caseId(), p));
        assertThat(h.awaitEnd(first, operation.getId())).isEqualTo(BatchStatus.FAILED);
      } finally {
        InducedFailures.reset();
      }
      Path work = CaseopsPaths.exportDir(c.caseId(), operation.getId()).resolve(".work");
      try (Stream<Path> files = Files.list(work)) {
        assertThat(files.map(f -> f.getFileName().toString()).toList()).contains("rows-00001.csv");
      }
      // Before the restart, an unindexed item of a selected source is catalogued whose id comes
      // before every item of the export: a restart that counted its place in the export's order
      // would read the last item of the finished segment again.
      String firstId =
          catalog(h, c).values().stream().map(Item::getId).sorted().findFirst().orElseThrow();
      String location = null;
      for (int n = 0; location == null; n++) {
        String candidate = "late/report" + n + ".txt";
        if (Item.idFor(c.adeleSite.getId(), candidate).compareTo(firstId) < 0) {
          location = candidate;
        }
      }
      byte[] late = "catalogued after the export began".getBytes(StandardCharsets.UTF_8);
      h.items.saveAll(
          List.of(
              Item.catalogued(
                      c.caseId(),
                      c.adeleSite.getId(),
                      location,
                      late.length,
                      Evidence.sha256(late),
                      "later",
                      Instant.now())
                  .unindexed("catalogued after the export began")));

      long restart =
          h.jobs.restart(first, IndexJobHarness.parameters(operation.getId(), c.caseId(), p));
      assertThat(h.awaitEnd(restart, operation.getId())).isEqualTo(BatchStatus.COMPLETED);
      assertThat(h.awaitOperation(operation.getId()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      List<List<String>> rows = report(c, operation.getId(), "Walrus_hits_items.csv");
      assertThat(rows).extracting(r -> r.get(column("DocID"))).doesNotHaveDuplicates();
      assertThat(rows).extracting(SearchExportJobTest::key).doesNotHaveDuplicates();
      Set<String> expected = expectedWalrusHits(c);
      expected.add(
          "https://contoso.sharepoint.com/sites/legal|broken.pdf|" + Long.toString(c.brokenSize));
      assertThat(rows.stream().map(SearchExportJobTest::key).collect(Collectors.toSet()))
          .isEqualTo(expected);
    }
  }

  @Test
  void anExportKilledMidPartRestartsWithEveryNativeOnceAndTheSameParts() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      CaseOperation operation =
          submit(
              h,
              c,
              CaseAction.exportResult,
              walrus,
              "searchHits,partiallyIndexed,responsiveLocations,includeReport");
      Properties p = small("600");
      // Each native is first looked up in the case's copies: the eighth lookup fails.
      InducedContentFailures.failOpenOnce(8);
      long first;
      try {
        first =
            h.jobs.start(
                "exportResult", IndexJobHarness.parameters(operation.getId(), c.caseId(), p));
        assertThat(h.awaitEnd(first, operation.getId())).isEqualTo(BatchStatus.FAILED);
      } finally {
        InducedContentFailures.reset();
      }
      // Parts finished before the failure: those after the checkpoint are written again, each with
      // the same entries (only the ZIP's timestamps may differ).
      Path folder = CaseopsPaths.exportDir(c.caseId(), operation.getId());
      List<Path> before = parts(c, operation.getId());
      assertThat(before).isNotEmpty();
      Map<Path, Map<String, byte[]>> finished = new HashMap<>();
      for (Path part : before) {
        finished.put(part, entries(List.of(part)));
      }
      // What a process killed mid-part leaves: the next part half written.
      String next = String.format("Walrus_hits_part%03d.zip", before.size() + 1);
      Files.writeString(folder.resolve(".work").resolve(next + ".tmp"), "half a zip");
      assertThat(h.operations.find(operation.getId()).orElseThrow().getStatus())
          .isEqualTo(CaseOperationStatus.failed);

      long restart =
          h.jobs.restart(first, IndexJobHarness.parameters(operation.getId(), c.caseId(), p));
      assertThat(h.awaitEnd(restart, operation.getId())).isEqualTo(BatchStatus.COMPLETED);
      CaseOperation done = h.awaitOperation(operation.getId());
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      List<Path> parts = parts(c, operation.getId());
      assertThat(parts).containsAll(before);
      for (Path part : before) {
        Map<String, byte[]> now = entries(List.of(part));
        assertThat(now.keySet()).as("%s", part).isEqualTo(finished.get(part).keySet());
        now.forEach(
            (name, bytes) -> assertThat(bytes).as(name).isEqualTo(finished.get(part).get(name)));
      }
      Map<String, byte[]> entries = entries(parts);
      assertThat(entries).hasSize(15);
      Map<String, Item> catalog = catalog(h, c);
      List<List<String>> rows = report(c, operation.getId(), "Walrus_hits_items.csv");
      assertThat(rows)
          .extracting(r -> r.get(column("Location")))
          .hasSize(15)
          .doesNotHaveDuplicates();
      Map<String, List<String>> rowOf = byDocId(rows);
      Set<String> exported = new HashSet<>();
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        String docId = docIdOf(entry.getKey());
        assertThat(exported.add(docId)).as(docId + " once").isTrue();
        List<String> row = rowOf.get(docId);
        assertThat(Evidence.sha256(entry.getValue()))
            .isEqualTo(row.get(column("SHA256")))
            .isEqualTo(catalog.get(row.get(column("Location"))).getSha256());
      }
      assertThat(exported).isEqualTo(rowOf.keySet());
      try (Stream<Path> left = Files.walk(CaseopsPaths.exportDir(c.caseId(), operation.getId()))) {
        assertThat(left.filter(f -> f.toString().endsWith(".tmp")).toList()).isEmpty();
      }
      assertThat(h.weld.select(ExportFileRepository.class).get().listOfOperation(operation.getId()))
          .hasSize(parts.size() + 2);
    }
  }

  private static List<Path> parts(SearchCorpus c, String operationId) throws IOException {
    try (Stream<Path> files = Files.list(CaseopsPaths.exportDir(c.caseId(), operationId))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
    }
  }

  /** Every entry of every part, by name, with its bytes; an entry seen twice fails the test. */
  private static Map<String, byte[]> entries(List<Path> parts) throws IOException {
    Map<String, byte[]> all = new HashMap<>();
    for (Path part : parts) {
      try (ZipFile zip = new ZipFile(part.toFile())) {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
          try (InputStream in = zip.getInputStream(entry)) {
            assertThat(all.put(entry.getName(), in.readAllBytes()))
                .as("%s appears once", entry.getName())
                .isNull();
          }
        }
      }
    }
    return all;
  }
}
