package org.caseops.batch.estimatestatistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caseops.batch.Outcome;
import org.caseops.batch.testing.ServiceHarness;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchEstimator} called directly on a small case written by the test. Adele's mailbox: six
 * messages, message i mentions the walrus when i is even and comes from fabrikam.com when i &lt; 3,
 * and an unindexed item of 777 bytes. Adele's site: two documents, the first about the walrus.
 * Megan's mailbox: three messages, none about the walrus.
 */
class SearchEstimatorTest {
  private ServiceHarness h;
  private SearchEstimator estimator;
  private String caseId;
  private CustodianSource adeleMail;
  private CustodianSource adeleSite;
  private CustodianSource meganMail;
  private final List<Item> adeleMessages = new ArrayList<>();
  private Item walrusDoc;

  @BeforeEach
  void writeTheCase() throws Exception {
    h = new ServiceHarness();
    estimator = h.bean(SearchEstimator.class);
    caseId = h.newCase();
    Custodian adele = h.custodian(caseId, "adele@contoso.com");
    Custodian megan = h.custodian(caseId, "megan@contoso.com");
    adeleMail = h.mailbox(adele);
    adeleSite = h.site(adele, "https://contoso.sharepoint.com/sites/legal");
    meganMail = h.mailbox(megan);
    for (int i = 0; i < 6; i++) {
      String from = "sender" + i + "@" + (i < 3 ? "fabrikam.com" : "contoso.com");
      String body =
          i % 2 == 0 ? "We saw the walrus near pier " + i + "." : "Nothing at pier " + i + ".";
      adeleMessages.add(h.indexed(adeleMail, "inbox/a" + i + ".eml", from, "Note " + i, body));
    }
    h.unindexed(adeleMail, "inbox/broken.msg", 777);
    walrusDoc = h.indexed(adeleSite, "memo0.txt", null, null, "Memo about the walrus enclosure.");
    h.indexed(adeleSite, "memo1.txt", null, null, "Memo about budgets.");
    for (int i = 0; i < 3; i++) {
      h.indexed(
          meganMail,
          "inbox/m" + i + ".eml",
          "partner@fabrikam.com",
          "Status " + i,
          "Harbour report " + i);
    }
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void countsTheMatchingItemsTheirSizesTheSourcesWithHitsAndTheUnindexedItemsInScope()
      throws Exception {
    EdiscoverySearch walrus = h.searchAll(caseId, "walrus");
    String operationId = operationOn(walrus);

    Outcome outcome = estimator.estimate(operationId, caseId);

    long size = walrusDoc.getSize();
    for (int i = 0; i < 6; i += 2) {
      size += adeleMessages.get(i).getSize();
    }
    EstimateStatistics e = h.operations.find(operationId).orElseThrow().getEstimate();
    assertThat(e.getIndexedItemCount()).isEqualTo(4);
    assertThat(e.getIndexedItemsSize()).isEqualTo(size);
    assertThat(e.getMailboxCount()).isEqualTo(1);
    assertThat(e.getSiteCount()).isEqualTo(1);
    assertThat(e.getUnindexedItemCount()).isEqualTo(1);
    assertThat(e.getUnindexedItemsSize()).isEqualTo(777);
    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.succeeded);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(200);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo(
            "4 indexed items ("
                + size
                + " bytes) match in 1 mailbox and 1 site; 1 unindexed item (777 bytes) in scope.");
    assertThat(h.searches.find(caseId, walrus.getId()).orElseThrow().getLastEstimateOperationId())
        .isEqualTo(operationId);
  }

  @Test
  void staysWithinTheBoundSourcesAndAppliesPropertyRestrictions() throws Exception {
    EstimateStatistics megan =
        estimate(h.search(caseId, "walrus", Set.of(), List.of(meganMail.getId())));
    assertThat(megan.getIndexedItemCount()).isZero();
    assertThat(megan.getMailboxCount()).isZero();
    assertThat(megan.getUnindexedItemCount()).isZero();

    EstimateStatistics fabrikam =
        estimate(
            h.search(caseId, "from:fabrikam.com AND walrus", Set.of(), List.of(adeleMail.getId())));
    assertThat(fabrikam.getIndexedItemCount()).isEqualTo(2);
    assertThat(fabrikam.getIndexedItemsSize())
        .isEqualTo(adeleMessages.get(0).getSize() + adeleMessages.get(2).getSize());
    assertThat(fabrikam.getMailboxCount()).isEqualTo(1);
    assertThat(fabrikam.getSiteCount()).isZero();
    assertThat(fabrikam.getUnindexedItemCount()).isEqualTo(1);

    EstimateStatistics everything = estimate(h.searchAll(caseId, ""));
    assertThat(everything.getIndexedItemCount()).isEqualTo(6 + 2 + 3);
    assertThat(everything.getMailboxCount()).isEqualTo(2);
    assertThat(everything.getSiteCount()).isEqualTo(1);

    EstimateStatistics tenant =
        estimate(
            h.search(caseId, "walrus", Set.of(DataSourceScopes.allTenantMailboxes), List.of()));
    assertThat(tenant.getIndexedItemCount()).isZero();
    assertThat(tenant.getUnindexedItemCount()).isZero();
  }

  @Test
  void aCaseWithoutAnIndexHasNoIndexedHitsButCountsItsUnindexedItems() throws Exception {
    String bare = h.newCase();
    CustodianSource mailbox = h.mailbox(h.custodian(bare, "lee@contoso.com"));
    h.unindexed(mailbox, "inbox/broken.msg", 12);
    EdiscoverySearch search = h.searchAll(bare, "walrus");
    String operationId =
        h.operation(
                bare,
                CaseAction.estimateStatistics,
                OperationTarget.search(search.getId(), List.of()))
            .getId();

    Outcome outcome = estimator.estimate(operationId, bare);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.succeeded);
    EstimateStatistics e = h.operations.find(operationId).orElseThrow().getEstimate();
    assertThat(e.getIndexedItemCount()).isZero();
    assertThat(e.getMailboxCount()).isZero();
    assertThat(e.getUnindexedItemCount()).isEqualTo(1);
    assertThat(e.getUnindexedItemsSize()).isEqualTo(12);
  }

  @Test
  void aQueryThatCannotBeParsedFailsWithItsPositionAndRecordsNothing() throws Exception {
    EdiscoverySearch broken = h.searchAll(caseId, "walrus AND (pier");
    String operationId = operationOn(broken);

    Outcome outcome = estimator.estimate(operationId, caseId);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.failed);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(400);
    assertThat(outcome.resultInfo().getMessage())
        .startsWith("The search's contentQuery cannot be run:")
        .contains("position");
    assertThat(outcome.exitStatus()).isEqualTo("FAILED");
    assertThat(h.operations.find(operationId).orElseThrow().getEstimate()).isNull();
    assertThat(h.searches.find(caseId, broken.getId()).orElseThrow().getLastEstimateOperationId())
        .isNull();
  }

  @Test
  void aSearchThatIsGoneFailsTheOperation() throws Exception {
    EdiscoverySearch gone = h.searchAll(caseId, "walrus");
    String operationId = operationOn(gone);
    h.searches.delete(caseId, gone.getId());

    Outcome outcome = estimator.estimate(operationId, caseId);

    assertThat(outcome.status()).isEqualTo(CaseOperationStatus.failed);
    assertThat(outcome.resultInfo().getCode()).isEqualTo(404);
    assertThat(outcome.resultInfo().getMessage())
        .isEqualTo("The search " + gone.getId() + " does not exist in the case.");
    assertThat(h.operations.find(operationId).orElseThrow().getEstimate()).isNull();
  }

  private String operationOn(EdiscoverySearch search) {
    return h.operation(
            caseId,
            CaseAction.estimateStatistics,
            OperationTarget.search(search.getId(), List.of()))
        .getId();
  }

  private EstimateStatistics estimate(EdiscoverySearch search) throws Exception {
    String operationId = operationOn(search);
    assertThat(estimator.estimate(operationId, caseId).status())
        .isEqualTo(CaseOperationStatus.succeeded);
    return h.operations.find(operationId).orElseThrow().getEstimate();
  }
}
