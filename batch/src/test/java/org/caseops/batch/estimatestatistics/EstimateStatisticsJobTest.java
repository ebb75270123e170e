package org.caseops.batch.estimatestatistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.OperationJournal;
import org.caseops.batch.testing.SearchCorpus;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The estimateStatistics job on JBeret SE, against a generated corpus whose counts are known. */
class EstimateStatisticsJobTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void countsEachMatchingItemOnceWithSizesSourcesAndUnindexedItems(TestDatabase.Kind kind)
      throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(kind)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());

      EdiscoverySearch walrus = s.searchAll(c.caseId(), "walrus");
      CaseOperation done = estimate(s, c, walrus);

      List<Integer> mboxWalrus = c.mbox(i -> i % 5 == 0);
      EstimateStatistics e = done.getEstimate();
      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getPercentProgress()).isEqualTo(100);
      assertThat(OperationJournal.of(done.getId())).containsExactly("running", "succeeded");
      assertThat(e.getIndexedItemCount())
          .isEqualTo(mboxWalrus.size() + c.meganWalrusCount() + SearchCorpus.SITE_WALRUS);
      assertThat(e.getIndexedItemsSize())
          .isEqualTo(c.mboxSize(mboxWalrus) + c.meganWalrusSize() + c.siteWalrusSize());
      assertThat(e.getMailboxCount()).isEqualTo(2);
      assertThat(e.getSiteCount()).isEqualTo(1);
      assertThat(e.getUnindexedItemCount()).isEqualTo(1);
      assertThat(e.getUnindexedItemsSize()).isEqualTo(c.brokenSize);
      assertThat(done.getResultInfo().getMessage())
          .startsWith(e.getIndexedItemCount() + " indexed items");
      assertThat(
              s.searches
                  .find(c.caseId(), walrus.getId())
                  .orElseThrow()
                  .getLastEstimateOperationId())
          .isEqualTo(done.getId());
    }
  }

  @Test
  void staysWithinTheSearchScopeAndAppliesPropertyRestrictions() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());

      EstimateStatistics megan =
          estimate(s, c, s.search(c.caseId(), "walrus", Set.of(), List.of(c.meganMail.getId())))
              .getEstimate();
      assertThat(megan.getIndexedItemCount()).isEqualTo(c.meganWalrusCount());
      assertThat(megan.getIndexedItemsSize()).isEqualTo(c.meganWalrusSize());
      assertThat(megan.getMailboxCount()).isEqualTo(1);
      assertThat(megan.getSiteCount()).isZero();
      assertThat(megan.getUnindexedItemCount()).isZero();

      List<Integer> fabrikamWalrus = c.mbox(i -> i % 2 == 0 && i % 5 == 0);
      EstimateStatistics adele =
          estimate(
                  s,
                  c,
                  s.search(
                      c.caseId(),
                      "from:fabrikam.com AND walrus",
                      Set.of(),
                      List.of(c.adeleMail.getId())))
              .getEstimate();
      assertThat(adele.getIndexedItemCount()).isEqualTo(fabrikamWalrus.size());
      assertThat(adele.getIndexedItemsSize()).isEqualTo(c.mboxSize(fabrikamWalrus));

      List<Integer> late = c.mbox(i -> i % 28 >= 20 && i % 5 == 0);
      EstimateStatistics dated =
          estimate(
                  s,
                  c,
                  s.search(
                      c.caseId(),
                      "walrus AND sent>=2023-03-21",
                      Set.of(),
                      List.of(c.adeleMail.getId())))
              .getEstimate();
      assertThat(dated.getIndexedItemCount()).isEqualTo(late.size()).isPositive();

      EstimateStatistics everything = estimate(s, c, s.searchAll(c.caseId(), "")).getEstimate();
      assertThat(everything.getIndexedItemCount())
          .isEqualTo(SearchCorpus.MBOX + SearchCorpus.EML + 1 + SearchCorpus.DOCS);
      assertThat(everything.getMailboxCount()).isEqualTo(2);
      assertThat(everything.getSiteCount()).isEqualTo(1);

      EstimateStatistics tenant =
          estimate(
                  s,
                  c,
                  s.search(
                      c.caseId(), "walrus", Set.of(DataSourceScopes.allTenantMailboxes), List.of()))
              .getEstimate();
      assertThat(tenant.getIndexedItemCount()).isZero();
      assertThat(tenant.getMailboxCount()).isZero();
    }
  }

  @Test
  void aQueryThatCannotBeParsedEndsTheOperationFailedAndSaysWhere() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);

      CaseOperation done = estimate(s, c, s.searchAll(c.caseId(), "walrus AND (pier"));

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.failed);
      assertThat(done.getResultInfo().getCode()).isEqualTo(400);
      assertThat(done.getResultInfo().getMessage())
          .startsWith("The search's contentQuery cannot be run:")
          .contains("position");
      assertThat(done.getEstimate()).isNull();
    }
  }

  @Test
  void aCaseWithoutAnIndexHasNoIndexedHits() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);

      CaseOperation done = estimate(s, c, s.searchAll(c.caseId(), "walrus"));

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getEstimate().getIndexedItemCount()).isZero();
      assertThat(done.getEstimate().getMailboxCount()).isZero();
      assertThat(done.getEstimate().getUnindexedItemCount()).isZero();
    }
  }

  private static CaseOperation estimate(SearchJobs s, SearchCorpus c, EdiscoverySearch search)
      throws Exception {
    return s.run(
        c.caseId(),
        CaseAction.estimateStatistics,
        OperationTarget.search(search.getId(), List.of()));
  }
}
