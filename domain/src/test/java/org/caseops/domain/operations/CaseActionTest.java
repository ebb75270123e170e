package org.caseops.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseActionTest {
  @Test
  void membersAfterTheSentinelAreMaskedUnlessTheClientAsks() {
    assertThat(CaseAction.purgeData.isAfterSentinel()).isTrue();
    assertThat(CaseAction.holdPolicySync.wireName(false)).isEqualTo("unknownFutureValue");
    assertThat(CaseAction.holdPolicySync.wireName(true)).isEqualTo("holdPolicySync");
    assertThat(CaseAction.index.wireName(false)).isEqualTo("index");
    assertThat(CaseAction.unknownFutureValue.isSentinel()).isTrue();
    assertThat(CaseAction.holdUpdate.isAfterSentinel()).isFalse();
  }

  @Test
  void numericValuesFollowTheGraphSchemaOrder() {
    assertThat(CaseAction.contentExport.value()).isZero();
    assertThat(CaseAction.unknownFutureValue.value()).isEqualTo(7);
    assertThat(CaseAction.holdPolicySync.value()).isEqualTo(11);
    assertThat(CaseOperationStatus.unknownFutureValue.value()).isEqualTo(6);
  }

  @Test
  void eachActionNamesItsDerivedTypeAndJob() {
    assertThat(CaseAction.index.odataType())
        .isEqualTo("#microsoft.graph.security.ediscoveryIndexOperation");
    assertThat(CaseAction.estimateStatistics.odataType())
        .isEqualTo("#microsoft.graph.security.ediscoveryEstimateOperation");
    assertThat(CaseAction.convertToPdf.odataType())
        .isEqualTo("#microsoft.graph.security.caseOperation");
    assertThat(CaseAction.exportReport.derivedType()).isEqualTo("ediscoverySearchExportOperation");
    assertThat(CaseAction.index.jobName()).isEqualTo("index");
    assertThat(CaseAction.fromWireName("Index")).isEmpty();
    assertThat(CaseAction.fromWireName("applyTags")).contains(CaseAction.applyTags);
  }

  @Test
  void newOperationsStartNotStartedAtZero() {
    CaseOperation op = CaseOperation.submit("case-1", CaseAction.index, null, Instant.EPOCH);
    assertThat(op.getStatus()).isEqualTo(CaseOperationStatus.notStarted);
    assertThat(op.getPercentProgress()).isZero();
    assertThat(op.getId()).matches("[0-9a-f]{32}");
    assertThat(op.getResultInfo()).isNull();
    assertThat(op.getCompletedDateTime()).isNull();
  }

  @Test
  void theSentinelIsNotAnAction() {
    assertThatThrownBy(
            () -> CaseOperation.submit("c", CaseAction.unknownFutureValue, null, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void terminalStatuses() {
    assertThat(CaseOperationStatus.succeeded.isTerminal()).isTrue();
    assertThat(CaseOperationStatus.partiallySucceeded.isTerminal()).isTrue();
    assertThat(CaseOperationStatus.failed.isTerminal()).isTrue();
    assertThat(CaseOperationStatus.submissionFailed.isTerminal()).isTrue();
    assertThat(CaseOperationStatus.running.isTerminal()).isFalse();
    assertThat(CaseOperationStatus.notStarted.isTerminal()).isFalse();
  }
}
