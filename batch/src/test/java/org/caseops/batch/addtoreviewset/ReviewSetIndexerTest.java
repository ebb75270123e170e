package org.caseops.batch.addtoreviewset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;
import org.caseops.batch.Outcome;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.testing.ServiceHarness;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.persistence.storage.CaseopsPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReviewSetIndexer} called directly on a case written by the test. Adele's mailbox: four
 * messages, the first three about the walrus, and an unindexed item. Megan's mailbox: one message
 * about the walrus. The review set's files are written by the test as the copy step would leave
 * them.
 */
class ReviewSetIndexerTest {
  private ServiceHarness h;
  private ReviewSetIndexer indexer;
  private String caseId;
  private CustodianSource adeleMail;
  private final List<Item> adele = new ArrayList<>();
  private Item unindexed;
  private Item megan;

  @BeforeEach
  void writeTheCase() throws Exception {
    h = new ServiceHarness();
    indexer = h.bean(ReviewSetIndexer.class);
    caseId = h.newCase();
    adeleMail = h.mailbox(h.custodian(caseId, "adele@contoso.com"));
    Custodian meganCustodian = h.custodian(caseId, "megan@contoso.com");
    for (int i = 0; i < 4; i++) {
      String body = i < 3 ? "We saw the walrus near pier " + i + "." : "Nothing at pier " + i + ".";
      adele.add(
          h.indexed(
              adeleMail,
              "inbox/a" + i + ".eml",
              "sender" + i + "@fabrikam.com",
              "Note " + i,
              body));
    }
    unindexed = h.unindexed(adeleMail, "inbox/broken.msg", 99);
    megan =
        h.indexed(
            h.mailbox(meganCustodian),
            "inbox/m0.eml",
            "partner@contoso.com",
            "Status",
            "The walrus again.");
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void indexesTheHeldMatchingFilesOnceAndCountsAddedAlreadyHeldAndUnreadableItems()
      throws Exception {
    EdiscoverySearch walrus = h.searchAll(caseId, "walrus");
    ReviewSet set = h.reviewSet(caseId, "Review");
    h.files(set, null, List.of(adele.get(0)));
    String operationId = operation(set, walrus, List.of());
    // The copy step added two files; Megan's message could not be read from its source.
    h.files(set, operationId, List.of(adele.get(1), adele.get(2)));

    Outcome outcome = indexer.index(operationId, caseId);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.partiallySucceeded);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(207);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo(
            "Added 2 items to the review set; 1 was already in it. 1 matching item could not be read from its source"
                + " and was not added.");
    assertThat(indexed(set))
        .containsExactlyInAnyOrder(ids(adele.get(0), adele.get(1), adele.get(2)));
    assertThat(h.reviewSetHits(set, "walrus")).isEqualTo(3);
    assertThat(h.reviewSetHits(set, "from:sender1@fabrikam.com")).isEqualTo(1);

    Outcome again = indexer.index(operationId, caseId);
    assertThat(again.resultInfo().getMessage()).isEqualTo(outcome.resultInfo().getMessage());
    assertThat(indexed(set)).hasSize(3);

    // A later run of the copy step added Megan's message after all.
    h.files(set, operationId, List.of(megan));
    Outcome complete = indexer.index(operationId, caseId);
    assertThat(complete.status()).isEqualTo(CaseOperationStatus.succeeded);
    assertThat(complete.resultInfo().getCode()).isEqualTo(200);
    assertThat(complete.resultInfo().getMessage())
        .isEqualTo("Added 3 items to the review set; 1 was already in it.");
    assertThat(indexed(set))
        .containsExactlyInAnyOrder(ids(adele.get(0), adele.get(1), adele.get(2), megan));
  }

  @Test
  void partiallyIndexedCountsTheUnindexedItemsInScopeWithoutIndexingThem() throws Exception {
    EdiscoverySearch adeleOnly = h.search(caseId, "walrus", Set.of(), List.of(adeleMail.getId()));
    ReviewSet set = h.reviewSet(caseId, "Adele");
    String operationId = operation(set, adeleOnly, List.of(ReviewSetTarget.PARTIALLY_INDEXED));
    h.files(set, operationId, List.of(adele.get(0), unindexed));

    Outcome outcome = indexer.index(operationId, caseId);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.partiallySucceeded);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo(
            "Added 2 items to the review set; 0 were already in it. 2 matching items could not be read from their"
                + " source and were not added.");
    assertThat(indexed(set)).containsExactly(adele.get(0).getId());
  }

  @Test
  void aSearchThatMatchesNothingLeavesAnEmptyIndex() throws Exception {
    ReviewSet set = h.reviewSet(caseId, "Empty");
    String operationId = operation(set, h.searchAll(caseId, "narwhal"), List.of());

    Outcome outcome = indexer.index(operationId, caseId);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.succeeded);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo("Added 0 items to the review set; 0 were already in it.");
    assertThat(indexed(set)).isEmpty();
  }

  @Test
  void aReviewSetThatIsGoneIsRefused() {
    EdiscoverySearch walrus = h.searchAll(caseId, "walrus");
    String operationId =
        h.operation(
                caseId,
                CaseAction.addToReviewSet,
                OperationTarget.reviewSet("gone", walrus.getId(), List.of()))
            .getId();

    assertThatThrownBy(() -> indexer.index(operationId, caseId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The review set gone does not exist in the case.");
  }

  private String operation(ReviewSet set, EdiscoverySearch search, List<String> options) {
    return h.operation(
            caseId,
            CaseAction.addToReviewSet,
            OperationTarget.reviewSet(set.getId(), search.getId(), options))
        .getId();
  }

  /** The item ids of the documents in the review set's index. */
  private List<String> indexed(ReviewSet set) throws IOException {
    try (DirectoryReader reader =
        DirectoryReader.open(
            FSDirectory.open(CaseopsPaths.reviewSetIndexDir(caseId, set.getId())))) {
      return ItemIds.matching(reader, new MatchAllDocsQuery());
    }
  }

  private static String[] ids(Item... items) {
    return Arrays.stream(items).map(Item::getId).toArray(String[]::new);
  }
}
