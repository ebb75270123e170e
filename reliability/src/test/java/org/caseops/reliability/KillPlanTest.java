package org.caseops.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KillPlanTest {
  @Test
  void autoGivesTheShortJobsATimeTargetAndTheOthersAProgressTarget() {
    for (String job :
        List.of("estimateStatistics", "contentExport", "applyTags", "exportReport", "purgeData")) {
      assertEquals(KillPlan.Mode.TIME, KillPlan.mode("auto", job), job);
    }
    for (String job : List.of("index", "addToReviewSet", "convertToPdf", "holdUpdate")) {
      assertEquals(KillPlan.Mode.PROGRESS, KillPlan.mode("auto", job), job);
    }
    assertEquals(KillPlan.Mode.TIME, KillPlan.mode("time", "index"));
    assertEquals(KillPlan.Mode.PROGRESS, KillPlan.mode("progress", "applyTags"));
    assertThrows(IllegalArgumentException.class, () -> KillPlan.mode("soon", "index"));
  }

  @Test
  void theDelayFallsWithinTheDurationAndTheSameSeedGivesTheSameDelays() {
    SplittableRandom a = new SplittableRandom(83);
    SplittableRandom b = new SplittableRandom(83);
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      long d = KillPlan.delayMillis(a, 800);
      assertTrue(d >= 40 && d <= 760, "delay " + d + " of 800 ms");
      first.add(d);
      second.add(KillPlan.delayMillis(b, 800));
    }
    assertEquals(first, second);
    assertTrue(first.stream().distinct().count() > 100, "the delays vary");
    assertEquals(1, KillPlan.delayMillis(new SplittableRandom(1), 0));
  }

  @Test
  void aKillAfterTheEndShortensTheDurationAndAMidJobKillKeepsIt() {
    assertEquals(900, KillPlan.nextDuration(1130, 900, false));
    assertEquals(1130, KillPlan.nextDuration(1130, 900, true));
    assertEquals(1130, KillPlan.nextDuration(1130, 1500, false));
    assertEquals(1130, KillPlan.nextDuration(1130, 0, false));
  }

  @Test
  void durationIsTakenFromTheServersTimestamps() {
    assertEquals(
        1250, KillPlan.durationMillis("2026-12-05T21:00:00.5Z", "2026-12-05T21:00:01.750Z"));
    assertEquals(-1, KillPlan.durationMillis("2026-12-05T21:00:00Z", "0001-01-01T00:00:00Z"));
    assertEquals(-1, KillPlan.durationMillis("2026-12-05T21:00:00Z", null));
    assertEquals(-1, KillPlan.durationMillis("yesterday", "2026-12-05T21:00:00Z"));
  }

  @Test
  void operationIdIsTheLastSegmentOfItsUrl() {
    assertEquals(
        "abc123",
        KillPlan.operationId(
            "http://127.0.0.1:18400/v1.0/security/cases/ediscoveryCases/c1/operations/abc123"));
    assertEquals("abc123", KillPlan.operationId("http://h/x/operations/abc123?$select=status"));
  }

  @Test
  void recoveryAtStartupIsReadFromTheServerLogForThatOperationOnly() {
    String log =
        """
        [2026-12-05T21:00:01.000+0000] [Payara 6] [INFO] [] [org.caseops.batch.operations.OperationRecovery] [tid: 1] [[
          operation op1 started again as execution 7]]
        [2026-12-05T21:00:01.100+0000] [Payara 6] [INFO] [] [org.caseops.batch.operations.OperationRecovery] [tid: 1] [[
          operation op22 restarted from its checkpoint as execution 9]]
        """;
    assertEquals("started again as execution 7", KillPlan.recoveryAtStartup(log, "op1"));
    assertEquals(
        "restarted from its checkpoint as execution 9", KillPlan.recoveryAtStartup(log, "op22"));
    assertNull(KillPlan.recoveryAtStartup(log, "op2"), "op2 is not op22");
    assertNull(KillPlan.recoveryAtStartup(log, "op3"));
    assertEquals(
        "STARTED_AGAIN",
        KillPlan.recoveryAtStartup(
            "resumed operations left unfinished by the previous server run:"
                + " [Outcome[operationId=op4, action=STARTED_AGAIN, executionId=12]]",
            "op4"));
    assertEquals(
        "could not be resumed",
        KillPlan.recoveryAtStartup(
            "WARNING: operation op3 could not be resumed after a server restart", "op3"));
  }
}
