package org.caseops.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ActionRulesTest {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");
  private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

  @Test
  void theActionsCarriedOutAreExactlyThoseWithJobsSoFar() {
    assertThat(ActionRules.carriedOut())
        .containsExactlyInAnyOrder(
            CaseAction.index,
            CaseAction.estimateStatistics,
            CaseAction.addToReviewSet,
            CaseAction.applyTags,
            CaseAction.convertToPdf,
            CaseAction.holdUpdate,
            CaseAction.contentExport,
            CaseAction.exportReport,
            CaseAction.exportResult,
            CaseAction.holdPolicySync,
            CaseAction.purgeData);
    assertThat(ActionRules.of(CaseAction.unknownFutureValue)).isEmpty();
    assertThat(ActionRules.of(CaseAction.exportReport).orElseThrow().removesItems()).isFalse();
    assertThat(ActionRules.of(CaseAction.purgeData).orElseThrow().removesItems()).isTrue();
    assertThat(ActionRules.of(CaseAction.contentExport).orElseThrow().removesItems()).isFalse();
    assertThat(ActionRules.of(CaseAction.index).orElseThrow().jobName()).isEqualTo("index");
  }

  @Test
  void aTargetMissingARequiredPartIsRefusedNamingTheFirstMissingPart() {
    ActionRules add = ActionRules.of(CaseAction.addToReviewSet).orElseThrow();
    assertThatThrownBy(() -> add.requireComplete(OperationTarget.search("s1", List.of())))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "The action 'addToReviewSet' needs its reviewSet: give \"reviewSet\": {\"id\": \"...\"} or"
                + " \"reviewSet@odata.bind\": \"<url>\".");
    assertThatCode(() -> add.requireComplete(OperationTarget.reviewSet("r1", "s1", List.of())))
        .doesNotThrowAnyException();

    ActionRules tags = ActionRules.of(CaseAction.applyTags).orElseThrow();
    assertThatThrownBy(
            () -> tags.requireComplete(OperationTarget.tags("r1", "q1", List.of(), List.of())))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("tagsToAdd")
        .hasMessageContaining("tagsToRemove");
    assertThatCode(
            () -> tags.requireComplete(OperationTarget.tags("r1", "q1", List.of(), List.of("t1"))))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ActionRules.of(CaseAction.index)
                    .orElseThrow()
                    .requireComplete(OperationTarget.none()))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyAnOpenOperationOfTheSameActionOnTheSameConflictKeyBlocks() {
    ActionRules estimate = ActionRules.of(CaseAction.estimateStatistics).orElseThrow();
    CaseOperation onS1 =
        CaseOperation.submit(
            "c1",
            CaseAction.estimateStatistics,
            OperationTarget.search("s1", List.of()),
            ALICE,
            NOW);
    CaseOperation index = CaseOperation.submit("c1", CaseAction.index, ALICE, NOW);

    assertThatThrownBy(
            () ->
                estimate.requireNoConflict(
                    OperationTarget.search("s1", List.of()), List.of(onS1, index)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "The estimateStatistics operation '"
                + onS1.getId()
                + "' of this search 's1' has not finished yet (notStarted); submit another when it has.");
    assertThatCode(
            () ->
                estimate.requireNoConflict(
                    OperationTarget.search("s2", List.of()), List.of(onS1, index)))
        .doesNotThrowAnyException();

    ActionRules indexRules = ActionRules.of(CaseAction.index).orElseThrow();
    assertThatThrownBy(
            () -> indexRules.requireNoConflict(OperationTarget.none(), List.of(onS1, index)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("of this case has not finished");
    assertThatCode(() -> indexRules.requireNoConflict(OperationTarget.none(), List.of(onS1)))
        .doesNotThrowAnyException();
  }

  @Test
  void aPurgeAndAHoldChangeOfOneCaseNeverRunBesideEachOther() {
    ActionRules purge = ActionRules.of(CaseAction.purgeData).orElseThrow();
    ActionRules holdUpdate = ActionRules.of(CaseAction.holdUpdate).orElseThrow();
    ActionRules holdSync = ActionRules.of(CaseAction.holdPolicySync).orElseThrow();
    CaseOperation purging =
        CaseOperation.submit(
            "c1", CaseAction.purgeData, OperationTarget.search("s1", List.of()), ALICE, NOW);
    CaseOperation holding =
        CaseOperation.submit(
            "c1",
            CaseAction.holdUpdate,
            OperationTarget.custodians(List.of("k1"), OperationTarget.APPLY_HOLD),
            ALICE,
            NOW);
    CaseOperation syncing =
        CaseOperation.submit(
            "c1", CaseAction.holdPolicySync, OperationTarget.legalHold("h1"), ALICE, NOW);

    assertThat(purge.excludedBeside())
        .containsExactlyInAnyOrder(CaseAction.holdUpdate, CaseAction.holdPolicySync);
    assertThat(holdUpdate.excludedBeside()).containsExactly(CaseAction.purgeData);
    assertThatThrownBy(
            () ->
                holdUpdate.requireNoConflict(
                    OperationTarget.custodians(List.of("k2"), OperationTarget.APPLY_HOLD),
                    List.of(purging)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "The purgeData operation '"
                + purging.getId()
                + "' of this case has not finished yet (notStarted), and a hold of a case does not"
                + " change while a purge of the case runs; submit the holdUpdate when it has.");
    assertThatThrownBy(
            () -> holdSync.requireNoConflict(OperationTarget.legalHold("h2"), List.of(purging)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("The purgeData operation '" + purging.getId() + "'")
        .hasMessageContaining("submit the holdPolicySync when it has");
    for (CaseOperation hold : List.of(holding, syncing)) {
      assertThatThrownBy(
              () -> purge.requireNoConflict(OperationTarget.search("s2", List.of()), List.of(hold)))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining(
              "The " + hold.getAction().wireName() + " operation '" + hold.getId() + "'")
          .hasMessageContaining("a purge does not start while a hold of its case changes");
    }
    // Other actions run beside a purge.
    CaseOperation index = CaseOperation.submit("c1", CaseAction.index, ALICE, NOW);
    assertThatCode(
            () -> purge.requireNoConflict(OperationTarget.search("s2", List.of()), List.of(index)))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                ActionRules.of(CaseAction.index)
                    .orElseThrow()
                    .requireNoConflict(OperationTarget.none(), List.of(purging)))
        .doesNotThrowAnyException();
  }

  @Test
  void eachActionLinksItsLatestOperationWhereGraphHasSuchALink() {
    assertThat(ActionRules.of(CaseAction.index).orElseThrow().link())
        .isEqualTo(ActionRules.LatestLink.CASE_SOURCES_LAST_INDEX);
    assertThat(ActionRules.of(CaseAction.estimateStatistics).orElseThrow().link())
        .isEqualTo(ActionRules.LatestLink.SEARCH_LAST_ESTIMATE);
    assertThat(ActionRules.of(CaseAction.applyTags).orElseThrow().link())
        .isEqualTo(ActionRules.LatestLink.NONE);
    assertThat(ActionRules.of(CaseAction.convertToPdf).orElseThrow().link())
        .isEqualTo(ActionRules.LatestLink.NONE);
  }

  @Test
  void convertToPdfNeedsAReviewSetAndTakesAQueryWhenGiven() {
    ActionRules pdf = ActionRules.of(CaseAction.convertToPdf).orElseThrow();
    assertThat(pdf.requires(TargetRole.REVIEW_SET)).isTrue();
    assertThat(pdf.requires(TargetRole.QUERY)).isFalse();
    assertThat(pdf.accepts(TargetRole.QUERY)).isTrue();
    assertThat(pdf.accepts(TargetRole.SEARCH)).isFalse();
    assertThat(pdf.conflict()).isEqualTo(ActionRules.ConflictScope.REVIEW_SET);
    assertThat(pdf.jobName()).isEqualTo("convertToPdf");
    assertThatThrownBy(() -> pdf.requireComplete(OperationTarget.none()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("reviewSet");
    assertThatCode(
            () -> pdf.requireComplete(OperationTarget.tags("r1", null, List.of(), List.of())))
        .doesNotThrowAnyException();
  }

  @Test
  void anOptionalPartIsTakenWhenGivenAndNeverRequired() {
    ActionRules rules =
        new ActionRules(
            CaseAction.convertToPdf,
            java.util.Set.of(TargetRole.REVIEW_SET),
            java.util.Set.of(TargetRole.QUERY),
            ActionRules.ConflictScope.REVIEW_SET,
            ActionRules.LatestLink.NONE);
    assertThat(rules.accepts(TargetRole.QUERY)).isTrue();
    assertThat(rules.requires(TargetRole.QUERY)).isFalse();
    assertThat(rules.accepts(TargetRole.SEARCH)).isFalse();
    assertThatCode(
            () -> rules.requireComplete(OperationTarget.tags("r1", null, List.of(), List.of())))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                new ActionRules(
                    CaseAction.convertToPdf,
                    java.util.Set.of(TargetRole.REVIEW_SET),
                    java.util.Set.of(TargetRole.REVIEW_SET),
                    ActionRules.ConflictScope.REVIEW_SET,
                    ActionRules.LatestLink.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
