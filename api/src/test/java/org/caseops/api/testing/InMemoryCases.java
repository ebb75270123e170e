package org.caseops.api.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.support.ListQuery;

/** Cases in a map, in insertion order, counting the reads that tests care about. */
public class InMemoryCases implements CaseRepository {
  public final Map<String, EdiscoveryCase> stored = new LinkedHashMap<>();
  public final List<String> deleted = new ArrayList<>();
  public int existsCalls;
  public int findCalls;
  public Supplier<RuntimeException> updateFailure;

  @Override
  public void add(EdiscoveryCase ediscoveryCase) {
    stored.put(ediscoveryCase.getId(), ediscoveryCase);
  }

  @Override
  public Optional<EdiscoveryCase> find(String caseId) {
    findCalls++;
    return Optional.ofNullable(stored.get(caseId));
  }

  @Override
  public boolean exists(String caseId) {
    existsCalls++;
    return stored.containsKey(caseId);
  }

  private static final InMemoryListQueries<EdiscoveryCase> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", EdiscoveryCase::getId,
              "displayName", EdiscoveryCase::getDisplayName,
              "status", EdiscoveryCase::getStatus,
              "externalId", EdiscoveryCase::getExternalId,
              "createdDateTime", EdiscoveryCase::getCreatedDateTime,
              "lastModifiedDateTime", EdiscoveryCase::getLastModifiedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Override
  public List<EdiscoveryCase> list(ListQuery query) {
    return QUERIES.list(new ArrayList<>(stored.values()), query);
  }

  @Override
  public long count(ListQuery.Condition filter) {
    return QUERIES.count(new ArrayList<>(stored.values()), filter);
  }

  @Override
  public EdiscoveryCase update(EdiscoveryCase ediscoveryCase) {
    if (updateFailure != null) {
      throw updateFailure.get();
    }
    stored.put(ediscoveryCase.getId(), ediscoveryCase);
    return ediscoveryCase;
  }

  @Override
  public void delete(String caseId) {
    stored.remove(caseId);
    deleted.add(caseId);
  }
}
