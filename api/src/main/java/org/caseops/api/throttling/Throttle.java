package org.caseops.api.throttling;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a request may go on. A submission (a state-changing request) takes a token from
 * its client's submission bucket and, when it is addressed to a case, from that case's bucket,
 * which all clients share; a read takes one from its client's read bucket. A refused request takes
 * nothing.
 */
public final class Throttle {
  private final KeyedBuckets submissionsPerClient;
  private final KeyedBuckets submissionsPerCase;
  private final KeyedBuckets readsPerClient;

  public Throttle(ThrottleSettings settings, Clock clock) {
    this(
        new KeyedBuckets(settings.submissionsPerClient(), clock),
        new KeyedBuckets(settings.submissionsPerCase(), clock),
        new KeyedBuckets(settings.readsPerClient(), clock));
  }

  Throttle(
      KeyedBuckets submissionsPerClient,
      KeyedBuckets submissionsPerCase,
      KeyedBuckets readsPerClient) {
    this.submissionsPerClient = submissionsPerClient;
    this.submissionsPerCase = submissionsPerCase;
    this.readsPerClient = readsPerClient;
  }

  /** Why a request was refused, and when to come back. */
  public record Refusal(String what, ThrottleLimit limit, long retryAfterSeconds) {
    /** The error message: which limit was reached and when to retry. */
    public String message() {
      return String.format(
          Locale.ROOT,
          "Too many %s: the limit is %d a minute, with bursts of up to %d. Retry after %d second%s.",
          what,
          limit.perMinute(),
          limit.burst(),
          retryAfterSeconds,
          retryAfterSeconds == 1 ? "" : "s");
    }
  }

  /**
   * A state-changing request by {@code client}, addressed to {@code caseId} or to no case (null).
   */
  public Optional<Refusal> submission(String client, String caseId) {
    long wait = submissionsPerClient.take(client);
    if (wait > 0) {
      return Optional.of(refusal("submissions from this client", submissionsPerClient, wait));
    }
    if (caseId != null) {
      wait = submissionsPerCase.take(caseId.toLowerCase(Locale.ROOT));
      if (wait > 0) {
        submissionsPerClient.giveBack(client);
        return Optional.of(refusal("submissions to this case", submissionsPerCase, wait));
      }
    }
    return Optional.empty();
  }

  /** A read by {@code client}. */
  public Optional<Refusal> read(String client) {
    long wait = readsPerClient.take(client);
    return wait > 0
        ? Optional.of(refusal("reads from this client", readsPerClient, wait))
        : Optional.empty();
  }

  private static Refusal refusal(String what, KeyedBuckets buckets, long waitMillis) {
    // Retry-After is in whole seconds: round up, so that a client that waits that long finds a
    // token.
    return new Refusal(what, buckets.limit(), Math.max(1, (waitMillis + 999) / 1000));
  }
}
