package org.caseops.batch.applytags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.caseops.batch.Outcome;
import org.caseops.batch.Progress;
import org.caseops.batch.testing.ServiceHarness;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TagApplier} called directly on a review set written by the test: six messages in the
 * review set's index, message i about the walrus when i &lt; 3 and from fabrikam.com when i is 0 or
 * 3; the review set holds files of the first five only (the sixth, about the walrus too, is in the
 * index without a file).
 */
class TagApplierTest {
  private ServiceHarness h;
  private TagApplier applier;
  private String caseId;
  private ReviewSet set;
  private List<ReviewSetItem> files;
  private ReviewTag responsive;
  private ReviewTag privileged;
  private ReviewTag notPrivileged;

  @BeforeEach
  void writeTheReviewSet() throws Exception {
    h = new ServiceHarness();
    applier = h.bean(TagApplier.class);
    caseId = h.newCase();
    CustodianSource mailbox = h.mailbox(h.custodian(caseId, "adele@contoso.com"));
    List<Item> messages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String from = "sender" + i + "@" + (i % 3 == 0 ? "fabrikam.com" : "contoso.com");
      String body =
          i < 3 || i == 5
              ? "The walrus report, part " + i + "."
              : "The harbour report, part " + i + ".";
      messages.add(h.indexed(mailbox, "inbox/m" + i + ".eml", from, "Report " + i, body));
    }
    set = h.reviewSet(caseId, "Review");
    files = h.files(set, null, messages.subList(0, 5));
    h.reviewSetIndex(set, messages);
    responsive = tag("Responsive", ChildSelectability.Many, null);
    ReviewTag privilege = tag("Privilege", ChildSelectability.One, null);
    privileged = tag("Privileged", ChildSelectability.Many, privilege.getId());
    notPrivileged = tag("Not privileged", ChildSelectability.Many, privilege.getId());
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void tagsTheHeldFilesTheQueryMatchesInBatchesAndReportsItsProgress() throws Exception {
    Recorded progress = new Recorded();

    Outcome outcome = apply("walrus", List.of(responsive, privileged), List.of(), 2, progress);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.succeeded);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(200);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo("The query matched 3 files; the tags changed on 3 of them.");
    assertThat(carrying(responsive)).containsExactly(0, 1, 2);
    assertThat(carrying(privileged)).containsExactly(0, 1, 2);
    // Four documents match, the sixth without a file: batches of two end at 2 and 4.
    assertThat(progress.totals).containsExactly(4L);
    assertThat(progress.done).containsExactly(2L, 4L);

    Outcome again = apply("walrus", List.of(responsive, privileged), List.of(), 2, Progress.NONE);
    assertThat(again.resultInfo().getMessage())
        .isEqualTo("The query matched 3 files; the tags changed on 0 of them.");
  }

  @Test
  void addingAChildOfAOneParentTakesItsSiblingOffAndTagQueriesReadTheFilesTags() throws Exception {
    apply("walrus", List.of(responsive, privileged), List.of(), 1000, Progress.NONE);

    Outcome all = apply("", List.of(notPrivileged), List.of(), 1000, Progress.NONE);
    assertThat(all.resultInfo().getMessage())
        .isEqualTo("The query matched 5 files; the tags changed on 5 of them.");
    assertThat(carrying(notPrivileged)).containsExactly(0, 1, 2, 3, 4);
    assertThat(carrying(privileged)).isEmpty();
    assertThat(carrying(responsive)).containsExactly(0, 1, 2);

    Outcome off =
        apply(
            "tag:Responsive AND from:fabrikam.com",
            List.of(),
            List.of(responsive),
            1000,
            Progress.NONE);
    assertThat(off.resultInfo().getMessage())
        .isEqualTo("The query matched 1 file; the tags changed on 1 of them.");
    assertThat(carrying(responsive)).containsExactly(1, 2);

    Outcome unknown = apply("tag:Nonexistent", List.of(privileged), List.of(), 1000, Progress.NONE);
    assertThat(unknown.resultInfo().getMessage()).startsWith("The query matched 0 files");
    assertThat(carrying(privileged)).isEmpty();
  }

  @Test
  void aTagThatIsGoneFailsBeforeAnythingChanges() throws Exception {
    ReviewTag hot = tag("Hot", ChildSelectability.Many, null);
    ReviewTag gone = tag("Gone", ChildSelectability.Many, null);
    h.tags.delete(caseId, gone.getId());
    Recorded progress = new Recorded();

    Outcome outcome = apply("", List.of(hot, gone), List.of(), 1000, progress);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.failed);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(400);
    assertThat(outcome.resultInfo().getMessage()).contains(gone.getId()).contains("does not exist");
    assertThat(outcome.exitStatus()).isEqualTo("FAILED");
    assertThat(carrying(hot)).isEmpty();
    assertThat(progress.totals).isEmpty();
  }

  @Test
  void aQueryThatIsGoneFailsTheOperation() throws Exception {
    String operationId =
        h.operation(
                caseId,
                CaseAction.applyTags,
                OperationTarget.tags(
                    set.getId(), "no-such-query", List.of(responsive.getId()), List.of()))
            .getId();

    Outcome outcome = applier.apply(operationId, caseId, 1000, Progress.NONE);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.failed);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(404);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo("The review set query no-such-query does not exist in the review set.");
  }

  private ReviewTag tag(String name, ChildSelectability selectability, String parentId) {
    ReviewTag t =
        ReviewTag.create(caseId, name, null, selectability, parentId, null, Instant.now());
    h.tags.add(t);
    return t;
  }

  private Outcome apply(
      String kql, List<ReviewTag> add, List<ReviewTag> remove, int batchSize, Progress progress)
      throws Exception {
    ReviewSetQuery query =
        ReviewSetQuery.create(caseId, set.getId(), "q", kql, null, Instant.now());
    h.reviewSets.addQuery(query);
    String operationId =
        h.operation(
                caseId,
                CaseAction.applyTags,
                OperationTarget.tags(
                    set.getId(),
                    query.getId(),
                    add.stream().map(ReviewTag::getId).toList(),
                    remove.stream().map(ReviewTag::getId).toList()))
            .getId();
    return applier.apply(operationId, caseId, batchSize, progress);
  }

  /** The numbers of the messages whose file carries the tag, ascending. */
  private List<Integer> carrying(ReviewTag tag) {
    Map<String, Set<String>> tags =
        h.tags.tagsOf(files.stream().map(ReviewSetItem::getId).toList());
    return IntStream.range(0, files.size())
        .filter(i -> tags.getOrDefault(files.get(i).getId(), Set.of()).contains(tag.getId()))
        .boxed()
        .toList();
  }

  /** A progress that keeps what it was told. */
  private static final class Recorded implements Progress {
    final List<Long> totals = new ArrayList<>();
    final List<Long> done = new ArrayList<>();

    @Override
    public void total(long work) {
      totals.add(work);
    }

    @Override
    public void done(long work) {
      done.add(work);
    }
  }
}
