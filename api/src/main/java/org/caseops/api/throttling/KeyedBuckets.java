package org.caseops.api.throttling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token buckets of one limit, one per key, in memory and safe for concurrent requests. Memory
 * stays bounded: a periodic sweep drops every bucket that has filled up again (it behaves exactly
 * as a new one), and when more than {@code maxKeys} keys are active at once the least recently used
 * buckets are dropped too.
 */
final class KeyedBuckets {
  static final int DEFAULT_MAX_KEYS = 100_000;
  static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);

  private final ThrottleLimit limit;
  private final Clock clock;
  private final int maxKeys;
  private final long sweepEveryMillis;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep;

  KeyedBuckets(ThrottleLimit limit, Clock clock) {
    this(limit, clock, DEFAULT_MAX_KEYS, DEFAULT_SWEEP_INTERVAL);
  }

  KeyedBuckets(ThrottleLimit limit, Clock clock, int maxKeys, Duration sweepInterval) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1");
    }
    this.limit = limit;
    this.clock = clock;
    this.maxKeys = maxKeys;
    this.sweepEveryMillis = Math.max(1, sweepInterval.toMillis());
    this.nextSweep = new AtomicLong(clock.millis() + sweepEveryMillis);
  }

  ThrottleLimit limit() {
    return limit;
  }

  /**
   * Takes a token for {@code key}: 0 when the request may go on, otherwise the milliseconds until
   * it may.
   */
  long take(String key) {
    if (!limit.enabled()) {
      return 0;
    }
    long now = clock.millis();
    sweepWhenDue(now);
    while (true) {
      TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now));
      long wait = bucket.tryTake(now);
      if (wait >= 0) {
        return wait;
      }
      // Retired by a sweep between the lookup and the take: its replacement starts full.
      buckets.remove(key, bucket);
    }
  }

  /** Returns the token that {@link #take} took for {@code key}. */
  void giveBack(String key) {
    if (!limit.enabled()) {
      return;
    }
    TokenBucket bucket = buckets.get(key);
    if (bucket != null) {
      bucket.giveBack(clock.millis());
    }
  }

  /** The number of keys held in memory. */
  int size() {
    return buckets.size();
  }

  /**
   * Drops the full buckets, then the least recently used ones while more than {@code maxKeys}
   * remain.
   */
  void sweep() {
    sweep(clock.millis());
  }

  private void sweepWhenDue(long now) {
    long due = nextSweep.get();
    if ((now >= due || buckets.size() > maxKeys)
        && nextSweep.compareAndSet(due, now + sweepEveryMillis)) {
      sweep(now);
    }
  }

  private void sweep(long now) {
    buckets.forEach(
        (key, bucket) -> {
          if (bucket.retireIfFull(now)) {
            buckets.remove(key, bucket);
          }
        });
    int excess = buckets.size() - maxKeys;
    if (excess > 0) {
      // Drop down to nine tenths of the bound, so that a flood of new keys does not sort the map on
      // every request.
      int toDrop = excess + maxKeys / 10;
      // Last use is read once per bucket, so that the sort sees fixed values while requests go on.
      List<Held> held = new ArrayList<>();
      buckets.forEach((key, bucket) -> held.add(new Held(key, bucket, bucket.lastUsed())));
      held.sort(Comparator.comparingLong(Held::lastUsed));
      for (Held h : held.subList(0, Math.min(toDrop, held.size()))) {
        h.bucket().retire();
        buckets.remove(h.key(), h.bucket());
      }
    }
  }

  private record Held(String key, TokenBucket bucket, long lastUsed) {}
}
