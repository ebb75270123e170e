package org.caseops.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseops.batch.extraction.UnindexedReasons;
import org.caseops.domain.operations.CaseOperationStatus;
import org.junit.jupiter.api.Test;

class IndexSummaryTest {
  @Test
  void sumsUpReasonsByCategoryMostFrequentFirst() {
    IndexSummary summary =
        new IndexSummary(
            2998,
            12,
            Map.of(
                UnindexedReasons.corrupt("bad xref"), 3L,
                UnindexedReasons.corrupt("truncated"), 2L,
                UnindexedReasons.encrypted(), 4L,
                UnindexedReasons.tooLarge(10, 5), 1L,
                UnindexedReasons.empty(), 1L,
                UnindexedReasons.unsupported("application/x-foo"), 1L),
            1,
            List.of("Adele: inbox/x.eml cannot be read: Permission denied"),
            List.of(),
            0);
    assertThat(summary.status()).isEqualTo(CaseOperationStatus.partiallySucceeded);
    assertThat(summary.resultInfo().getCode()).isEqualTo(207);
    assertThat(summary.message())
        .isEqualTo(
            "Indexed 2,998 items; 12 unchanged; 12 unindexed (5 corrupt, 4 encrypted, 1 empty, 1 too large, 1 other)."
                + " 1 file could not be read and was skipped: Adele: inbox/x.eml cannot be read: Permission denied.");
  }

  @Test
  void succeedsWhenNothingWasLeftOut() {
    IndexSummary summary = new IndexSummary(1, 0, Map.of(), 0, List.of(), List.of(), 0);
    assertThat(summary.status()).isEqualTo(CaseOperationStatus.succeeded);
    assertThat(summary.resultInfo().getCode()).isEqualTo(200);
    assertThat(summary.message()).isEqualTo("Indexed 1 item; 0 unchanged; 0 unindexed.");
  }
}
