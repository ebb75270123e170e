package org.caseops.api.throttling;

/**
 * One limit: a token bucket that holds at most {@code burst} requests and refills at {@code
 * perMinute} requests a minute. A limit of 0 per minute is switched off.
 */
public record ThrottleLimit(long perMinute, long burst) {
  public static final ThrottleLimit OFF = new ThrottleLimit(0, 0);

  public ThrottleLimit {
    if (perMinute < 0 || burst < 0) {
      throw new IllegalArgumentException("a throttling limit cannot be negative");
    }
    if (perMinute > 0 && burst == 0) {
      throw new IllegalArgumentException("an active throttling limit needs a burst of at least 1");
    }
  }

  public static ThrottleLimit perMinute(long perMinute, long burst) {
    return perMinute == 0 ? OFF : new ThrottleLimit(perMinute, burst);
  }

  public boolean enabled() {
    return perMinute > 0;
  }

  /** Tokens added per millisecond. */
  double refillPerMilli() {
    return perMinute / 60_000.0;
  }
}
