package org.caseops.batch.applytags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.batch.testing.SearchCorpus;
import org.caseops.batch.testing.SearchJobs;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The applyTags job on JBeret SE, over a review set filled from a generated corpus whose counts are
 * known.
 */
class ApplyTagsJobTest {

  @Test
  void addsRemovesKeepsOneChildOfAOneParentAndReadsTagQueries() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      ReviewSet set = s.reviewSet(c.caseId(), "Review");
      CaseOperation added =
          s.run(
              c.caseId(),
              CaseAction.addToReviewSet,
              OperationTarget.reviewSet(
                  set.getId(), s.searchAll(c.caseId(), "walrus").getId(), List.of()));
      assertThat(added.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      int all = c.mbox(i -> i % 5 == 0).size() + c.meganWalrusCount() + SearchCorpus.SITE_WALRUS;
      int fabrikam = c.mbox(i -> i % 10 == 0).size() + c.meganWalrusCount();

      ReviewTag responsive = tag(s, c, "Responsive", ChildSelectability.Many, null);
      ReviewTag privilege = tag(s, c, "Privilege", ChildSelectability.One, null);
      ReviewTag privileged = tag(s, c, "Privileged", ChildSelectability.Many, privilege.getId());
      ReviewTag notPrivileged =
          tag(s, c, "Not privileged", ChildSelectability.Many, privilege.getId());

      CaseOperation first =
          apply(
              s,
              c,
              set,
              query(s, c, set, "from:fabrikam.com"),
              List.of(responsive, privileged),
              List.of());
      assertThat(first.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(first.getResultInfo().getMessage())
          .isEqualTo(
              "The query matched "
                  + fabrikam
                  + " files; the tags changed on "
                  + fabrikam
                  + " of them.");
      assertThat(carrying(s, set, responsive)).isEqualTo(fabrikam);
      assertThat(carrying(s, set, privileged)).isEqualTo(fabrikam);

      CaseOperation second =
          apply(s, c, set, query(s, c, set, ""), List.of(notPrivileged), List.of());
      assertThat(second.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(carrying(s, set, notPrivileged)).isEqualTo(all);
      assertThat(carrying(s, set, privileged)).isZero();
      assertThat(carrying(s, set, responsive)).isEqualTo(fabrikam);

      CaseOperation third =
          apply(
              s,
              c,
              set,
              query(s, c, set, "tag:Responsive AND subject:sighting"),
              List.of(),
              List.of(responsive));
      assertThat(third.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(carrying(s, set, responsive))
          .isEqualTo(fabrikam - c.mbox(i -> i % 10 == 0).size());

      CaseOperation unknown =
          apply(s, c, set, query(s, c, set, "tag:Nonexistent"), List.of(privileged), List.of());
      assertThat(unknown.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(unknown.getResultInfo().getMessage()).startsWith("The query matched 0 files");
      assertThat(carrying(s, set, privileged)).isZero();
    }
  }

  @Test
  void aTagThatNoLongerExistsFailsTheOperationBeforeAnythingChanges() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      SearchJobs s = new SearchJobs(h);
      SearchCorpus c = new SearchCorpus(h);
      s.index(c.caseId());
      ReviewSet set = s.reviewSet(c.caseId(), "Review");
      s.run(
          c.caseId(),
          CaseAction.addToReviewSet,
          OperationTarget.reviewSet(
              set.getId(), s.searchAll(c.caseId(), "walrus").getId(), List.of()));
      ReviewTag hot = tag(s, c, "Hot", ChildSelectability.Many, null);
      ReviewTag gone = tag(s, c, "Gone", ChildSelectability.Many, null);
      s.tags.delete(c.caseId(), gone.getId());

      CaseOperation done = apply(s, c, set, query(s, c, set, ""), List.of(hot, gone), List.of());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.failed);
      assertThat(done.getResultInfo().getMessage())
          .contains(gone.getId())
          .contains("does not exist");
      assertThat(carrying(s, set, hot)).isZero();
    }
  }

  private static ReviewTag tag(
      SearchJobs s,
      SearchCorpus c,
      String name,
      ChildSelectability selectability,
      String parentId) {
    ReviewTag t =
        ReviewTag.create(c.caseId(), name, null, selectability, parentId, null, Instant.now());
    s.tags.add(t);
    return t;
  }

  private static ReviewSetQuery query(SearchJobs s, SearchCorpus c, ReviewSet set, String kql) {
    ReviewSetQuery q =
        ReviewSetQuery.create(c.caseId(), set.getId(), "q", kql, null, Instant.now());
    s.reviewSets.addQuery(q);
    return q;
  }

  private static CaseOperation apply(
      SearchJobs s,
      SearchCorpus c,
      ReviewSet set,
      ReviewSetQuery q,
      List<ReviewTag> add,
      List<ReviewTag> remove)
      throws Exception {
    return s.run(
        c.caseId(),
        CaseAction.applyTags,
        OperationTarget.tags(
            set.getId(),
            q.getId(),
            add.stream().map(ReviewTag::getId).toList(),
            remove.stream().map(ReviewTag::getId).toList()));
  }

  private static long carrying(SearchJobs s, ReviewSet set, ReviewTag tag) {
    List<String> files =
        s.reviewSets.listItems(set.getId(), 0, 1000).stream().map(ReviewSetItem::getId).toList();
    Map<String, Set<String>> tags = s.tags.tagsOf(files);
    return tags.values().stream().filter(t -> t.contains(tag.getId())).count();
  }
}
