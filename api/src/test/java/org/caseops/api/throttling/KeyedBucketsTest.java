package org.caseops.api.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyedBucketsTest {
  private final MutableClock clock = new MutableClock();

  @Test
  void idleKeysAreDroppedOnceTheirBucketIsFullAgain() {
    // 60 a minute, burst 2: an emptied bucket is full again after 2 seconds.
    KeyedBuckets buckets =
        new KeyedBuckets(ThrottleLimit.perMinute(60, 2), clock, 1000, Duration.ofSeconds(10));
    buckets.take("alice");
    buckets.take("alice");
    buckets.take("bob");
    assertThat(buckets.size()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    buckets.sweep();
    // bob's bucket is full again; alice's still lacks a token.
    assertThat(buckets.size()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    buckets.sweep();
    assertThat(buckets.size()).isZero();
  }

  @Test
  void theSweepRunsByItselfWhenItsIntervalHasPassed() {
    KeyedBuckets buckets =
        new KeyedBuckets(ThrottleLimit.perMinute(60, 1), clock, 1000, Duration.ofSeconds(10));
    for (int i = 0; i < 50; i++) {
      buckets.take("client-" + i);
    }
    assertThat(buckets.size()).isEqualTo(50);

    clock.advance(Duration.ofSeconds(10));
    buckets.take("alice");
    assertThat(buckets.size()).isEqualTo(1);
  }

  @Test
  void droppingAFullBucketChangesNothingForItsKey() {
    KeyedBuckets buckets =
        new KeyedBuckets(ThrottleLimit.perMinute(60, 2), clock, 1000, Duration.ofSeconds(10));
    buckets.take("alice");
    clock.advance(Duration.ofSeconds(5));
    buckets.sweep();
    assertThat(buckets.size()).isZero();

    assertThat(buckets.take("alice")).isZero();
    assertThat(buckets.take("alice")).isZero();
    assertThat(buckets.take("alice")).isEqualTo(1000);
  }

  @Test
  void theNumberOfKeysStaysBoundedWhenAllAreActive() {
    KeyedBuckets buckets =
        new KeyedBuckets(ThrottleLimit.perMinute(1, 1), clock, 100, Duration.ofHours(1));
    for (int i = 0; i < 1000; i++) {
      clock.advance(Duration.ofMillis(1));
      buckets.take("client-" + i);
      assertThat(buckets.size()).isLessThanOrEqualTo(101);
    }
    // The most recent key was kept; its bucket is still empty.
    assertThat(buckets.take("client-999")).isPositive();
  }

  @Test
  void concurrentRequestsNeverTakeMoreThanTheBurst() throws Exception {
    KeyedBuckets buckets =
        new KeyedBuckets(ThrottleLimit.perMinute(1, 500), clock, 1000, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                int taken = 0;
                for (int i = 0; i < 200; i++) {
                  if (buckets.take("shared") == 0) {
                    taken++;
                  }
                  // Sweeps while requests go on must not hand out extra tokens.
                  buckets.sweep();
                }
                return taken;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> result : results) {
      total += result.get();
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(total).isEqualTo(500);
  }
}
