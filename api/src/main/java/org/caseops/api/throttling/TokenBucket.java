package org.caseops.api.throttling;

/**
 * The bucket of one key. It starts full, each request takes one token, and tokens come back
 * continuously at the limit's rate up to the burst. All methods take the current time in
 * milliseconds, so the caller owns the clock.
 */
final class TokenBucket {
  private final long capacity;
  private final double refillPerMilli;
  private double tokens;
  private long lastRefill;
  private long lastUsed;
  private boolean retired;

  TokenBucket(ThrottleLimit limit, long nowMillis) {
    this.capacity = limit.burst();
    this.refillPerMilli = limit.refillPerMilli();
    this.tokens = capacity;
    this.lastRefill = nowMillis;
    this.lastUsed = nowMillis;
  }

  /**
   * Takes a token: 0 when taken, otherwise the milliseconds until one is there (at least 1); -1
   * when this bucket was retired from its map and the caller must fetch the current one.
   */
  synchronized long tryTake(long nowMillis) {
    if (retired) {
      return -1;
    }
    refill(nowMillis);
    lastUsed = Math.max(lastUsed, nowMillis);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerMilli));
  }

  /** Puts back a token taken for a request that another limit then refused. */
  synchronized void giveBack(long nowMillis) {
    refill(nowMillis);
    tokens = Math.min(capacity, tokens + 1);
  }

  /**
   * Retires the bucket if it is full: a full bucket behaves exactly as a new one, so dropping it
   * loses nothing. A retired bucket hands out no more tokens.
   */
  synchronized boolean retireIfFull(long nowMillis) {
    refill(nowMillis);
    if (tokens >= capacity) {
      retired = true;
    }
    return retired;
  }

  /** Retires the bucket whatever it holds; used only when the map is over its size bound. */
  synchronized void retire() {
    retired = true;
  }

  synchronized long lastUsed() {
    return lastUsed;
  }

  private void refill(long nowMillis) {
    long elapsed = nowMillis - lastRefill;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * refillPerMilli);
      lastRefill = nowMillis;
    }
  }
}
