package org.caseops.domain.searches;

/**
 * A port to the case's full-text index: how many catalogued items a search matches in its scope
 * now, as its estimate would count them. Implemented next to the index (in the batch module).
 */
public interface SearchMatches {
  /**
   * The number of distinct items the search matches in its scope.
   *
   * @throws IllegalArgumentException when the search's query cannot be run
   */
  long count(String caseId, String searchId);
}
