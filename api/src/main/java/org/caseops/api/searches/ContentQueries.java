package org.caseops.api.searches;

import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.domain.kql.KqlParser;
import org.caseops.domain.kql.KqlSyntaxException;

/**
 * Checks KQL content queries when they are written, so that a query that cannot be parsed is
 * refused with a 400 that points at the problem and never reaches the index.
 */
public final class ContentQueries {
  private ContentQueries() {}

  /**
   * The query as given (null stays null), once it parses.
   *
   * @param allowTags whether {@code tag:} restrictions are allowed (review-set queries)
   * @throws ApiException 400 {@code badRequest} naming the property, the problem and its 0-based
   *     position
   */
  public static String check(String property, String query, boolean allowTags) {
    if (query == null) {
      return null;
    }
    try {
      KqlParser.parse(query, allowTags);
      return query;
    } catch (KqlSyntaxException e) {
      throw ApiException.badRequest(
          "The '"
              + property
              + "' is not valid KQL: "
              + GraphError.clip(e.getMessage())
              + " (0-based character position "
              + e.position()
              + ").");
    }
  }
}
