package org.caseops.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.caseops.batch.testing.Evidence;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * An index operation that names custodians (a custodian's updateIndex) reads their sources only.
 */
class UpdateIndexJobTest {

  @Test
  void anIndexOfOneCustodianReadsAndLinksItsSourcesOnly() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      String caseId = h.newCase().getId();
      Custodian ann = h.newCustodian(caseId, "ann@contoso.example");
      Custodian bob = h.newCustodian(caseId, "bob@contoso.example");
      CustodianSource annBox = h.mailbox(ann);
      CustodianSource bobBox = h.mailbox(bob);
      Path annFolder = h.folderOf(annBox);
      Path bobFolder = h.folderOf(bobBox);
      for (int i = 0; i < 3; i++) {
        Evidence.write(annFolder.resolve("a" + i + ".eml"), message("a" + i));
      }
      Evidence.write(bobFolder.resolve("b.eml"), message("b"));

      CaseOperation operation =
          CaseOperation.submit(
              caseId,
              CaseAction.index,
              OperationTarget.none().withCustodians(List.of(ann.getId())),
              IdentitySet.user("u1", "Alice"),
              Instant.now());
      h.operations.submit(operation);
      h.jobs.start("index", IndexJobHarness.parameters(operation.getId(), caseId, null));
      CaseOperation done = h.awaitOperation(operation.getId());

      assertThat(done.getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(done.getResultInfo().getMessage()).startsWith("Indexed 3 items;");
      assertThat(h.items.countInSource(annBox.getId())).isEqualTo(3);
      assertThat(h.items.countInSource(bobBox.getId())).isZero();
      assertThat(h.custodians.find(caseId, ann.getId()).orElseThrow().getLastIndexOperationId())
          .isEqualTo(operation.getId());
      assertThat(h.custodians.find(caseId, bob.getId()).orElseThrow().getLastIndexOperationId())
          .isNull();
      assertThat(
              h.custodians
                  .findSource(caseId, bob.getId(), bobBox.getKind(), bobBox.getId())
                  .orElseThrow()
                  .getLastIndexOperationId())
          .isNull();

      // A whole-case index then reads the other custodian too.
      String all = h.submitIndex(caseId, null);
      assertThat(h.awaitOperation(all).getStatus()).isEqualTo(CaseOperationStatus.succeeded);
      assertThat(h.items.countInSource(bobBox.getId())).isEqualTo(1);
    }
  }

  private static String message(String subject) {
    return Evidence.message(
        "ann@fabrikam.example",
        "ann@contoso.example",
        null,
        subject,
        "Mon, 1 Jan 2024 10:00:00 +0000",
        "<" + subject + "@fabrikam.example>",
        "Body of " + subject);
  }
}
