package org.caseops.api.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private final MutableClock clock = new MutableClock();

  private Throttle throttle(ThrottleLimit perClient, ThrottleLimit perCase, ThrottleLimit reads) {
    return new Throttle(new ThrottleSettings(perClient, perCase, reads), clock);
  }

  @Test
  void aBucketAcceptsItsBurstThenRefillsAtItsRate() {
    Throttle throttle =
        throttle(ThrottleLimit.perMinute(60, 3), ThrottleLimit.OFF, ThrottleLimit.OFF);

    for (int i = 0; i < 3; i++) {
      assertThat(throttle.submission("alice", null)).isEmpty();
    }
    assertThat(throttle.submission("alice", null)).isPresent();

    // 60 a minute: one token a second.
    clock.advance(Duration.ofMillis(999));
    assertThat(throttle.submission("alice", null)).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(throttle.submission("alice", null)).isEmpty();
    assertThat(throttle.submission("alice", null)).isPresent();

    // A long pause refills up to the burst, not beyond.
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.submission("alice", null)).isEmpty();
    }
    assertThat(throttle.submission("alice", null)).isPresent();
  }

  @Test
  void eachClientHasItsOwnBucket() {
    Throttle throttle =
        throttle(ThrottleLimit.perMinute(60, 2), ThrottleLimit.OFF, ThrottleLimit.perMinute(60, 2));

    throttle.submission("alice", null);
    throttle.submission("alice", null);
    assertThat(throttle.submission("alice", null)).isPresent();

    assertThat(throttle.submission("bob", null)).isEmpty();
    assertThat(throttle.submission("bob", null)).isEmpty();
    // Reads are counted apart from submissions.
    assertThat(throttle.read("alice")).isEmpty();
  }

  @Test
  void theCaseLimitIsSharedByAllClientsAndOtherCasesAreNotAffected() {
    Throttle throttle =
        throttle(ThrottleLimit.perMinute(60, 10), ThrottleLimit.perMinute(3, 3), ThrottleLimit.OFF);

    assertThat(throttle.submission("alice", "case-1")).isEmpty();
    assertThat(throttle.submission("bob", "case-1")).isEmpty();
    assertThat(throttle.submission("carol", "CASE-1")).isEmpty();

    Optional<Throttle.Refusal> refused = throttle.submission("dave", "case-1");
    assertThat(refused).isPresent();
    assertThat(refused.get().what()).isEqualTo("submissions to this case");
    assertThat(throttle.submission("dave", "case-2")).isEmpty();
  }

  @Test
  void aRequestRefusedForItsCaseDoesNotUseItsClientAllowance() {
    Throttle throttle =
        throttle(ThrottleLimit.perMinute(60, 2), ThrottleLimit.perMinute(1, 1), ThrottleLimit.OFF);

    assertThat(throttle.submission("alice", "case-1")).isEmpty();
    assertThat(throttle.submission("alice", "case-1")).isPresent();
    assertThat(throttle.submission("alice", "case-1")).isPresent();
    // One of the two client tokens is left.
    assertThat(throttle.submission("alice", "case-2")).isEmpty();
    assertThat(throttle.submission("alice", "case-3").map(Throttle.Refusal::what))
        .contains("submissions from this client");
  }

  @Test
  void retryAfterIsTheWholeSecondsUntilTheNextTokenRoundedUp() {
    // 3 a minute: one token every 20 seconds.
    Throttle throttle =
        throttle(ThrottleLimit.OFF, ThrottleLimit.perMinute(3, 1), ThrottleLimit.OFF);
    throttle.submission("alice", "case-1");

    assertThat(throttle.submission("alice", "case-1").get().retryAfterSeconds()).isEqualTo(20);
    clock.advance(Duration.ofMillis(5_500));
    assertThat(throttle.submission("alice", "case-1").get().retryAfterSeconds()).isEqualTo(15);
    clock.advance(Duration.ofMillis(14_000));
    Throttle.Refusal almost = throttle.submission("alice", "case-1").get();
    assertThat(almost.retryAfterSeconds()).isEqualTo(1);
    assertThat(almost.message())
        .isEqualTo(
            "Too many submissions to this case: the limit is 3 a minute, with bursts of up to 1. Retry after 1"
                + " second.");
    clock.advance(Duration.ofMillis(500));
    assertThat(throttle.submission("alice", "case-1")).isEmpty();
  }

  @Test
  void aDisabledLimitNeverRefuses() {
    Throttle throttle = throttle(ThrottleLimit.OFF, ThrottleLimit.OFF, ThrottleLimit.OFF);

    for (int i = 0; i < 10_000; i++) {
      assertThat(throttle.submission("alice", "case-1")).isEmpty();
      assertThat(throttle.read("alice")).isEmpty();
    }
  }

  @Test
  void readsHaveTheirOwnLimit() {
    Throttle throttle =
        throttle(
            ThrottleLimit.perMinute(60, 1), ThrottleLimit.OFF, ThrottleLimit.perMinute(600, 5));

    for (int i = 0; i < 5; i++) {
      assertThat(throttle.read("alice")).isEmpty();
    }
    Throttle.Refusal refused = throttle.read("alice").get();
    assertThat(refused.what()).isEqualTo("reads from this client");
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(throttle.submission("alice", null)).isEmpty();
  }
}
