package org.caseops.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When the kill of a purge's restore comes, and how much of the evidence was back at the kill: the
 * pure part of the {@code purgeRestore} job type.
 *
 * <p>A restore is a synchronous request. Its un-killed duration (the wall clock of the request) is
 * measured in the job type's set-up; each kill comes a seeded fraction, 5 to 95 %, of that duration
 * after the request was sent. A restore that had answered before its kill shows that it ends within
 * that delay now, so the duration shrinks to the delay for the next kill (as {@link
 * KillPlan#nextDuration} does for the operations' time targets).
 */
final class RestoreKill {
  private RestoreKill() {}

  /**
   * The random source of the restore kills of one job type on one database: the suite's seed and
   * the tag ({@code db-job}) as the trial kills', apart from them so that adding restore kills does
   * not move the trials' targets.
   */
  static SplittableRandom random(long seed, String tag) {
    return new SplittableRandom(seed ^ (tag + "-restore").hashCode());
  }

  /** The delay after the request is sent: 5 to 95 % of the restore's duration (at least 1 ms). */
  static long delayMillis(SplittableRandom random, long durationMillis) {
    return KillPlan.delayMillis(random, Math.max(durationMillis, 1));
  }

  /**
   * The duration to aim the next kill at: a restore that had answered before its kill ends within
   * {@code killDelayMillis}, so the duration shrinks to that; a kill before the answer keeps it.
   */
  static long nextDuration(long durationMillis, long killDelayMillis, boolean answeredBeforeKill) {
    return KillPlan.nextDuration(durationMillis, killDelayMillis, !answeredBeforeKill);
  }

  /** The un-killed duration so far and one more measured: the shorter counts (-1: none yet). */
  static long shortest(long durationMillis, long measuredMillis) {
    if (measuredMillis < 0) {
      return durationMillis;
    }
    return durationMillis < 0 ? measuredMillis : Math.min(durationMillis, measuredMillis);
  }

  /**
   * The evidence root compared with the original: files with their original bytes, files with other
   * bytes, files missing, and files that were not there (a temporary file left, say).
   */
  record Back(int same, List<Path> changed, List<Path> missing, List<Path> extra) {
    boolean whole() {
      return changed.isEmpty() && missing.isEmpty() && extra.isEmpty();
    }

    String describe(int originals) {
      return same
          + " of "
          + originals
          + " evidence files as before, "
          + changed.size()
          + " changed, "
          + missing.size()
          + " missing, "
          + extra.size()
          + " not there before"
          + (extra.isEmpty() ? "" : " (e.g. " + extra.get(0).getFileName() + ")");
    }
  }

  /** Compares the hashes of the evidence files now ({@link Corpus#hashes}) with the original. */
  static Back compare(Map<Path, String> original, Map<Path, String> now) {
    int same = 0;
    List<Path> changed = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    List<Path> extra = new ArrayList<>();
    for (var e : original.entrySet()) {
      String hash = now.get(e.getKey());
      if (hash == null) {
        missing.add(e.getKey());
      } else if (hash.equals(e.getValue())) {
        same++;
      } else {
        changed.add(e.getKey());
      }
    }
    for (Path p : now.keySet()) {
      if (!original.containsKey(p)) {
        extra.add(p);
      }
    }
    return new Back(same, changed, missing, extra);
  }
}
