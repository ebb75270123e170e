package org.caseops.api.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.support.ListQuery;

/** Searches in a map, in insertion order. */
public class InMemorySearches implements SearchRepository {
  public final Map<String, EdiscoverySearch> stored = new LinkedHashMap<>();
  public int updates;

  private static final InMemoryListQueries<EdiscoverySearch> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", EdiscoverySearch::getId,
              "displayName", EdiscoverySearch::getDisplayName,
              "createdDateTime", EdiscoverySearch::getCreatedDateTime,
              "lastModifiedDateTime", EdiscoverySearch::getLastModifiedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Override
  public void add(EdiscoverySearch search) {
    stored.put(search.getId(), search);
  }

  @Override
  public Optional<EdiscoverySearch> find(String caseId, String searchId) {
    EdiscoverySearch s = stored.get(searchId);
    return s != null && s.getCaseId().equals(caseId) ? Optional.of(s) : Optional.empty();
  }

  @Override
  public List<EdiscoverySearch> list(String caseId, ListQuery query) {
    return QUERIES.list(ofCase(caseId), query);
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(ofCase(caseId), filter);
  }

  private List<EdiscoverySearch> ofCase(String caseId) {
    return stored.values().stream().filter(s -> s.getCaseId().equals(caseId)).toList();
  }

  @Override
  public EdiscoverySearch update(EdiscoverySearch search) {
    updates++;
    stored.put(search.getId(), search);
    return search;
  }

  @Override
  public void delete(String caseId, String searchId) {
    find(caseId, searchId).ifPresent(s -> stored.remove(s.getId()));
  }

  @Override
  public void markEstimated(String searchId, String operationId) {
    EdiscoverySearch s = stored.get(searchId);
    if (s != null) {
      s.lastEstimate(operationId);
    }
  }
}
