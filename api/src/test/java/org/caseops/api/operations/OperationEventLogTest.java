package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationEventLogTest {
  private final OperationEventLog log = new OperationEventLog("b1", 5, 250);

  @Test
  void progressOfOneOperationIsKeptAtMostOncePerIntervalButEveryStatusChangeIsKept() {
    assertThat(log.offer("op1", "running", "{p:1}", 1000)).isNotNull();
    assertThat(log.offer("op1", "running", "{p:2}", 1100)).isNull();
    assertThat(log.offer("op2", "running", "{q:1}", 1100)).isNotNull();
    assertThat(log.offer("op1", "succeeded", "{p:100}", 1150)).isNotNull();
    assertThat(log.offer("op1", "succeeded", "{p:100}", 1400)).isNotNull();
    assertThat(log.after("b1-0"))
        .extracting(OperationEventLog.Entry::data)
        .containsExactly("{p:1}", "{q:1}", "{p:100}", "{p:100}");
  }

  @Test
  void aReconnectingClientGetsWhatItMissedAndAClientOfAnotherBootGetsEverythingKept() {
    for (int i = 1; i <= 7; i++) {
      log.offer("op" + i, "running", "{" + i + "}", 1000);
    }
    // Five are kept: b1-3 to b1-7.
    assertThat(log.after("b1-5"))
        .extracting(OperationEventLog.Entry::id)
        .containsExactly("b1-6", "b1-7");
    assertThat(log.after("b1-7")).isEmpty();
    assertThat(log.after("b0-99")).hasSize(5);
    assertThat(log.after("b1-1")).as("older than what is kept").hasSize(5);
    assertThat(log.after("b1-x")).hasSize(5);
    assertThat(log.after(null)).as("a new client gets only new events").isEmpty();
  }

  @Test
  void progressLeftOutIsOwedUntilItsIntervalHasPassedThenNamedOnce() {
    log.offer("op1", "running", "{p:1}", 1000);
    assertThat(log.offer("op1", "running", "{p:2}", 1100)).isNull();
    assertThat(log.offer("op1", "running", "{p:3}", 1200)).isNull();
    assertThat(log.due(1249)).as("before the interval has passed").isEmpty();
    assertThat(log.due(1250)).containsExactly("op1");
    assertThat(log.due(1300)).as("named once").isEmpty();
    // Read again and offered, the latest progress is kept.
    assertThat(log.offer("op1", "running", "{p:3}", 1250)).isNotNull();

    // An event kept in the meantime pays what was owed.
    assertThat(log.offer("op1", "running", "{p:4}", 1300)).isNull();
    assertThat(log.offer("op1", "succeeded", "{p:100}", 1310)).isNotNull();
    assertThat(log.due(2000)).isEmpty();
  }
}
