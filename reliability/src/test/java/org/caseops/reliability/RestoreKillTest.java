package org.caseops.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreKillTest {
  @Test
  void theSameSeedAndTagGiveTheSameDelaysWithinFiveToNinetyFivePercent() {
    List<Long> first = delays(RestoreKill.random(211, "h2-purgeRestore"), 2400);
    List<Long> second = delays(RestoreKill.random(211, "h2-purgeRestore"), 2400);
    assertEquals(first, second);
    for (long d : first) {
      assertTrue(d >= 120 && d <= 2280, "delay " + d + " of 2400 ms");
    }
    assertTrue(first.stream().distinct().count() > 100, "the delays vary");
    assertNotEquals(first, delays(RestoreKill.random(212, "h2-purgeRestore"), 2400));
    assertNotEquals(first, delays(RestoreKill.random(211, "postgresql-purgeRestore"), 2400));
    assertEquals(1, RestoreKill.delayMillis(new SplittableRandom(5), 0));
  }

  @Test
  void theRestoreKillsDrawApartFromTheTrialKills() {
    // The trials' own random source is seed ^ tag.hashCode(): the restore's must differ from it.
    SplittableRandom trials = new SplittableRandom(211 ^ "h2-purgeRestore".hashCode());
    List<Long> trialDraws = delays(trials, 2400);
    assertNotEquals(trialDraws, delays(RestoreKill.random(211, "h2-purgeRestore"), 2400));
  }

  private static List<Long> delays(SplittableRandom random, long duration) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      out.add(RestoreKill.delayMillis(random, duration));
    }
    return out;
  }

  @Test
  void aRestoreThatHadAnsweredShortensTheDurationAndAKilledOneKeepsIt() {
    assertEquals(1700, RestoreKill.nextDuration(2400, 1700, true));
    assertEquals(2400, RestoreKill.nextDuration(2400, 1700, false));
    assertEquals(2400, RestoreKill.nextDuration(2400, 3000, true));
    assertEquals(2400, RestoreKill.nextDuration(2400, 0, true));
  }

  @Test
  void theShorterUnkilledRestoreCounts() {
    assertEquals(2100, RestoreKill.shortest(-1, 2100));
    assertEquals(1900, RestoreKill.shortest(2100, 1900));
    assertEquals(1900, RestoreKill.shortest(1900, 2500));
    assertEquals(1900, RestoreKill.shortest(1900, -1));
    assertEquals(-1, RestoreKill.shortest(-1, -1));
  }

  @Test
  void theComparisonCountsFilesAsBeforeChangedMissingAndNew() {
    Path a = Path.of("ev/a.eml");
    Path b = Path.of("ev/b.mbox");
    Path c = Path.of("ev/c.eml");
    Path d = Path.of("ev/d.eml");
    Path temp = Path.of("ev/.b.mbox.restore.tmp");
    Map<Path, String> original = new LinkedHashMap<>();
    original.put(a, "1");
    original.put(b, "2");
    original.put(c, "3");
    original.put(d, "4");
    assertTrue(RestoreKill.compare(original, new LinkedHashMap<>(original)).whole());
    assertEquals(4, RestoreKill.compare(original, original).same());

    Map<Path, String> now = new LinkedHashMap<>();
    now.put(a, "1");
    now.put(b, "other");
    now.put(d, "4");
    now.put(temp, "5");
    RestoreKill.Back back = RestoreKill.compare(original, now);
    assertFalse(back.whole());
    assertEquals(2, back.same());
    assertEquals(List.of(b), back.changed());
    assertEquals(List.of(c), back.missing());
    assertEquals(List.of(temp), back.extra());
    assertEquals(
        "2 of 4 evidence files as before, 1 changed, 1 missing, 1 not there before"
            + " (e.g. .b.mbox.restore.tmp)",
        back.describe(original.size()));
  }

  @Test
  void purgeRestoreIsOptInButAccepted(@TempDir Path work) throws Exception {
    assertFalse(Jobs.all().containsKey("purgeRestore"), "not in the default list");
    assertTrue(Jobs.known().containsKey("purgeRestore"));
    assertTrue(Jobs.known().keySet().containsAll(Jobs.all().keySet()));
    assertEquals(KillPlan.Mode.TIME, KillPlan.mode("auto", "purgeRestore"));
    CrashSuite suite = new CrashSuite(Path.of("."), work, 211, 1, true);
    // No database: only the --jobs validation runs.
    suite.run(List.of(), List.of("purgeRestore", "purgeData"));
    assertThrows(
        IllegalArgumentException.class, () -> suite.run(List.of(), List.of("purgeRestores")));
  }
}
