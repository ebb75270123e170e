package org.caseops.batch.addtoreviewset;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.InducedReviewSetFailures;
import org.caseops.batch.testing.SearchCorpus;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The addToReviewSet job on JBeret SE, against a generated corpus whose counts are known. */
class AddToReviewSetJobTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void copiesMatchingItemsOnceAndStoresEachContentOnce(TestDatabase.Kind kind) throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      int expected =
          c.mbox(i -> i % 5 == 0).size() + c.meganWalrusCount() + SearchCorpus.SITE_WALRUS;
      ReviewSet first = s.reviewSet(c.caseId(), "First pass");

      CaseOperation done = add(s, c, first, walrus, List.of());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo("Added " + expected + " items to the review set; 0 were already in it.");
      List<ReviewSetItem> files = s.reviewSets.listItems(first.getId(), 0, 1000);
      assertThat(files).hasSize(expected);
      assertThat(files).extracting(ReviewSetItem::getAddedByOperationId).containsOnly(done.getId());
      // copy.eml and inbox/m0.eml are two items with one content.
      assertThat(files.stream().map(ReviewSetItem::getSha256).distinct().count())
          .isEqualTo(expected - 1);
      assertThat(blobs(c.caseId())).isEqualTo(expected - 1);
      ReviewSetItem memo =
          files.stream().filter(f -> f.getLocation().equals("memo0.txt")).findFirst().orElseThrow();
      assertThat(memo.getKind()).isEqualTo("docs");
      assertThat(memo.getName()).isEqualTo("memo0.txt");
      ReviewSetItem message =
          files.stream()
              .filter(f -> f.getSubject() != null && f.getSubject().equals("Walrus sighting 10"))
              .findFirst()
              .orElseThrow();
      assertThat(message.getKind()).isEqualTo("email");
      assertThat(message.getName()).isEqualTo("Walrus sighting 10");
      assertThat(message.getLocation()).startsWith("archive.mbox#");
      ContentStore store = h.weld.select(ContentStore.class).get();
      try (InputStream in = store.open(c.caseId(), message.getSha256()).orElseThrow()) {
        byte[] bytes = in.readAllBytes();
        assertThat(bytes.length).isEqualTo(c.mboxSizes[10]);
        assertThat(Evidence.sha256(bytes)).isEqualTo(message.getSha256());
      }
      assertThat(reviewSetHits(c.caseId(), first.getId(), "")).isEqualTo(expected);
      assertThat(reviewSetHits(c.caseId(), first.getId(), "from:fabrikam.com"))
          .isEqualTo(c.mbox(i -> i % 10 == 0).size() + c.meganWalrusCount());

      CaseOperation again = add(s, c, first, walrus, List.of());
      assertThat(again.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(again.getResultInfo().getMessage())
          .isEqualTo("Added 0 items to the review set; " + expected + " were already in it.");
      assertThat(s.reviewSets.countItems(first.getId())).isEqualTo(expected);
      assertThat(reviewSetHits(c.caseId(), first.getId(), "")).isEqualTo(expected);

      ReviewSet second = s.reviewSet(c.caseId(), "Second pass");
      assertThat(add(s, c, second, walrus, List.of()).getStatus())
          .isEqualTo(CaseOperationStatus.succeeded);
      assertThat(s.reviewSets.countItems(second.getId())).isEqualTo(expected);
      assertThat(blobs(c.caseId())).isEqualTo(expected - 1);

      // The review set's own index answers after the sources change.
      Files.delete(c.meganFolder.resolve("inbox/m2.eml"));
      s.index(c.caseId());
      assertThat(reviewSetHits(c.caseId(), first.getId(), "walrus")).isEqualTo(expected);
    }
  }

  @Test
  void partiallyIndexedAddsTheUnindexedItemsInScope() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch site =
          s.search(c.caseId(), "walrus", java.util.Set.of(), List.of(c.adeleSite.getId()));
      ReviewSet set = s.reviewSet(c.caseId(), "Site");

      CaseOperation done = add(s, c, set, site, List.of(ReviewSetTarget.PARTIALLY_INDEXED));

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(s.reviewSets.listItems(set.getId(), 0, 100))
          .extracting(ReviewSetItem::getLocation)
          .containsExactlyInAnyOrder("memo0.txt", "memo1.txt", "broken.pdf");
      assertThat(reviewSetHits(c.caseId(), set.getId(), "")).isEqualTo(SearchCorpus.SITE_WALRUS);
    }
  }

  @Test
  void itemsWhoseContentIsGoneMakeTheOperationPartiallySucceed() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      Files.delete(c.meganFolder.resolve("inbox/m2.eml"));
      Files.writeString(c.meganFolder.resolve("inbox/m4.eml"), "rewritten after indexing");
      EdiscoverySearch megan =
          s.search(c.caseId(), "walrus", java.util.Set.of(), List.of(c.meganMail.getId()));
      ReviewSet set = s.reviewSet(c.caseId(), "Megan");

      CaseOperation done = add(s, c, set, megan, List.of(ReviewSetTarget.SEARCH_HITS));

      int readable = c.meganWalrusCount() - 2;
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.partiallySucceeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo(
              "Added "
                  + readable
                  + " items to the review set; 0 were already in it. 2 matching items could not be read from"
                  + " their source and were not added.");
      assertThat(s.reviewSets.countItems(set.getId())).isEqualTo(readable);
      assertThat(reviewSetHits(c.caseId(), set.getId(), "")).isEqualTo(readable);
    }
  }

  @Test
  void restartsAfterItsCheckpointWithoutDuplicatingOrLosingItems() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      int expected =
          c.mbox(i -> i % 5 == 0).size() + c.meganWalrusCount() + SearchCorpus.SITE_WALRUS;
      ReviewSet set = s.reviewSet(c.caseId(), "Restarted");
      // Chunks of 2 files from pages of 3 entries: checkpoints fall inside pages as well as at
      // their ends.
      Properties small = new Properties();
      small.setProperty("itemCount", "2");
      small.setProperty("pageSize", "3");
      small.setProperty("copyThreads", "2");
      CaseOperation operation =
          CaseOperation.submit(
              c.caseId(),
              CaseAction.addToReviewSet,
              OperationTarget.reviewSet(set.getId(), walrus.getId(), List.of()),
              IdentitySet.user("u1", "Alice"),
              Instant.now());
      h.operations.add(operation);
      InducedReviewSetFailures.failAddOnce(3);
      long first;
      try {
        first =
            h.jobs.start(
                CaseAction.addToReviewSet.jobName(),
                IndexJobHarness.parameters(operation.getId(), c.caseId(), small));
        assertThat(h.awaitEnd(first, operation.getId())).isEqualTo(BatchStatus.FAILED);
      } finally {
        InducedReviewSetFailures.reset();
      }
      assertThat(s.reviewSets.countItems(set.getId())).isEqualTo(4);

      long restart =
          h.jobs.restart(first, IndexJobHarness.parameters(operation.getId(), c.caseId(), small));
      assertThat(h.awaitEnd(restart, operation.getId())).isEqualTo(BatchStatus.COMPLETED);

      CaseOperation done = h.operations.find(operation.getId()).orElseThrow();
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(done.getResultInfo().getMessage())
          .isEqualTo("Added " + expected + " items to the review set; 0 were already in it.");
      List<ReviewSetItem> files = s.reviewSets.listItems(set.getId(), 0, 1000);
      assertThat(files).hasSize(expected);
      assertThat(files.stream().map(ReviewSetItem::getItemId).distinct().count())
          .isEqualTo(expected);
      assertThat(reviewSetHits(c.caseId(), set.getId(), "")).isEqualTo(expected);
      assertThat(blobs(c.caseId())).isEqualTo(expected - 1);
    }
  }

  private static CaseOperation add(
      SearchJobs s, SearchCorpus c, ReviewSet set, EdiscoverySearch search, List<String> options)
      throws Exception {
    return s.run(
        c.caseId(),
        CaseAction.addToReviewSet,
        OperationTarget.reviewSet(set.getId(), search.getId(), options));
  }

  private static long blobs(String caseId) throws IOException {
    try (Stream<Path> files = Files.walk(CaseopsPaths.contentDir(caseId))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  static int reviewSetHits(String caseId, String reviewSetId, String kql) throws IOException {
    try (DirectoryReader reader =
        DirectoryReader.open(
            FSDirectory.open(CaseopsPaths.reviewSetIndexDir(caseId, reviewSetId)))) {
      return new IndexSearcher(reader).count(KqlTranslator.toLucene(kql, null));
    }
  }
}
