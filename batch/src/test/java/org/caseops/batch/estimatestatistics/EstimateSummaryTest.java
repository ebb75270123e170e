package org.caseops.batch.estimatestatistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EstimateSummaryTest {
  @Test
  void theMessageCountsInWordsAClientCanShow() {
    assertThat(SearchEstimator.summary(299, 816_021, 1, 0, 1, 1))
        .isEqualTo(
            "299 indexed items (816,021 bytes) match in 1 mailbox and 0 sites; 1 unindexed item (1 byte) in scope.");
    assertThat(SearchEstimator.summary(1, 2_048, 2, 1, 0, 0))
        .isEqualTo(
            "1 indexed item (2,048 bytes) matches in 2 mailboxes and 1 site; 0 unindexed items (0 bytes) in scope.");
  }
}
