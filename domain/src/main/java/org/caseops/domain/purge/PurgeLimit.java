package org.caseops.domain.purge;

import org.caseops.domain.support.InvalidRequestException;

/**
 * The guard against a mistaken query: a purge may remove at most so many items. caseops does not
 * copy Purview's cap of 100 items per location; the limit is one number for the whole purge, set by
 * the server's configuration.
 */
public record PurgeLimit(long maxItems) {
  /** The limit when none is configured. */
  public static final long DEFAULT_MAX_ITEMS = 10_000;

  /** The system property that sets the limit. */
  public static final String PROPERTY = "caseops.purge.max.items";

  /** The environment variable that sets the limit when the system property does not. */
  public static final String VARIABLE = "CASEOPS_PURGE_MAX_ITEMS";

  /**
   * The limit the server is configured with: the system property {@value #PROPERTY}, else the
   * environment variable {@value #VARIABLE}, else {@value #DEFAULT_MAX_ITEMS}; read on every call,
   * so a purge uses the configuration of the moment it is submitted and started. A value that is
   * not a whole number of 0 or more counts as unset.
   */
  public static PurgeLimit configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(VARIABLE);
    }
    if (value != null && !value.isBlank()) {
      try {
        long parsed = Long.parseLong(value.trim());
        if (parsed >= 0) {
          return new PurgeLimit(parsed);
        }
      } catch (NumberFormatException e) {
        // unset, as documented
      }
    }
    return new PurgeLimit(DEFAULT_MAX_ITEMS);
  }

  public PurgeLimit {
    if (maxItems < 0) {
      throw new IllegalArgumentException("a purge limit is not negative: " + maxItems);
    }
  }

  /**
   * Refuses a purge of a search that matches more items than the limit.
   *
   * @throws InvalidRequestException naming the count, the limit and what to do
   */
  public void check(String searchId, long matching) {
    if (matching > maxItems) {
      throw new InvalidRequestException(
          String.format(
              "The search '%s' matches %,d items, more than the %,d items one purge may remove;"
                  + " nothing was purged. Narrow the search's contentQuery or scope, or raise the"
                  + " limit (caseops.purge.max.items).",
              searchId, matching, maxItems));
    }
  }
}
