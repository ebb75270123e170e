package org.caseops.domain.purge;

import org.caseops.domain.support.InvalidRequestException;

/**
 * The guard against a mistaken query: a purge may remove at most so many items. caseops does not
 * copy Purview's cap of 100 items per location; the limit is one number for the whole purge, set by
 * the server's configuration ({@code caseops.purge.max.items}, read by persistence's {@code
 * CaseopsConfig.purgeMaxItems()} on every submission and job start).
 */
public record PurgeLimit(long maxItems) {
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
