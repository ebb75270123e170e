package org.caseops.api.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.PriorHoldStatuses;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.support.ListQuery;

/** Custodians and sources in maps, in insertion order. */
public class InMemoryCustodians implements CustodianRepository {
  public final Map<String, Custodian> custodians = new LinkedHashMap<>();
  public final Map<String, CustodianSource> sources = new LinkedHashMap<>();

  /**
   * When set, the next {@link #add} stores nothing and throws it (a concurrent insert won the
   * race).
   */
  public RuntimeException addFailure;

  @Override
  public void add(Custodian custodian) {
    if (addFailure != null) {
      RuntimeException failure = addFailure;
      addFailure = null;
      throw failure;
    }
    custodians.put(custodian.getId(), custodian);
  }

  @Override
  public Optional<Custodian> find(String caseId, String custodianId) {
    Custodian c = custodians.get(custodianId);
    return c != null && c.getCaseId().equals(caseId) ? Optional.of(c) : Optional.empty();
  }

  private static final InMemoryListQueries<Custodian> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", Custodian::getId,
              "email", Custodian::getEmail,
              "displayName", Custodian::getDisplayName,
              "status", Custodian::getStatus,
              "createdDateTime", Custodian::getCreatedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Override
  public List<Custodian> list(String caseId, ListQuery query) {
    return QUERIES.list(
        custodians.values().stream().filter(c -> c.getCaseId().equals(caseId)).toList(), query);
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(
        custodians.values().stream().filter(c -> c.getCaseId().equals(caseId)).toList(), filter);
  }

  @Override
  public boolean emailTaken(String caseId, String email) {
    return custodians.values().stream()
        .anyMatch(
            c ->
                c.getCaseId().equals(caseId)
                    && c.getEmail()
                        .toLowerCase(Locale.ROOT)
                        .equals(email.toLowerCase(Locale.ROOT)));
  }

  @Override
  public void addSource(CustodianSource source) {
    sources.put(source.getId(), source);
  }

  @Override
  public Optional<CustodianSource> findSource(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    CustodianSource s = sources.get(sourceId);
    return s != null
            && s.getCaseId().equals(caseId)
            && s.getCustodianId().equals(custodianId)
            && s.getKind() == kind
        ? Optional.of(s)
        : Optional.empty();
  }

  private static final InMemoryListQueries<CustodianSource> SOURCES =
      new InMemoryListQueries<>(
          Map.of(
              "id", CustodianSource::getId,
              "displayName", CustodianSource::getDisplayName,
              "email", CustodianSource::getEmail,
              "siteWebUrl", CustodianSource::getSiteWebUrl,
              "holdStatus", CustodianSource::getHoldStatus,
              "createdDateTime", CustodianSource::getCreatedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  private List<CustodianSource> sourcesOf(String caseId, String custodianId, SourceKind kind) {
    return sources.values().stream()
        .filter(
            s ->
                s.getCaseId().equals(caseId)
                    && s.getCustodianId().equals(custodianId)
                    && s.getKind() == kind)
        .toList();
  }

  private List<CustodianSource> sourcesIn(String caseId, Collection<String> sourceIds) {
    return sources.values().stream()
        .filter(s -> s.getCaseId().equals(caseId) && sourceIds.contains(s.getId()))
        .toList();
  }

  @Override
  public List<CustodianSource> listSources(
      String caseId, String custodianId, SourceKind kind, ListQuery query) {
    return SOURCES.list(sourcesOf(caseId, custodianId, kind), query);
  }

  @Override
  public long countSources(
      String caseId, String custodianId, SourceKind kind, ListQuery.Condition filter) {
    return SOURCES.count(sourcesOf(caseId, custodianId, kind), filter);
  }

  @Override
  public List<CustodianSource> listSourcesIn(
      String caseId, Collection<String> sourceIds, ListQuery query) {
    return SOURCES.list(sourcesIn(caseId, sourceIds), query);
  }

  @Override
  public long countSourcesIn(
      String caseId, Collection<String> sourceIds, ListQuery.Condition filter) {
    return SOURCES.count(sourcesIn(caseId, sourceIds), filter);
  }

  @Override
  public List<CustodianSource> listSourcesOfCase(String caseId) {
    return sources.values().stream().filter(s -> s.getCaseId().equals(caseId)).toList();
  }

  @Override
  public void markIndexed(Collection<String> sourceIds, String operationId) {
    List<String> custodianIds = new ArrayList<>();
    for (String id : sourceIds) {
      CustodianSource s = sources.get(id);
      Fields.set(s, "lastIndexOperationId", operationId);
      custodianIds.add(s.getCustodianId());
    }
    for (String id : custodianIds) {
      Fields.set(custodians.get(id), "lastIndexOperationId", operationId);
    }
  }

  @Override
  public void setHoldStatus(
      String caseId, Collection<String> custodianIds, DataSourceHoldStatus status) {
    for (String id : custodianIds) {
      find(caseId, id).ifPresent(c -> c.holdStatus(status));
    }
    sources.values().stream()
        .filter(s -> s.getCaseId().equals(caseId) && custodianIds.contains(s.getCustodianId()))
        .forEach(s -> s.holdStatus(status));
  }

  @Override
  public PriorHoldStatuses changeHoldStatus(
      String caseId, Collection<String> custodianIds, DataSourceHoldStatus status) {
    Map<String, DataSourceHoldStatus> containers = new LinkedHashMap<>();
    for (String id : custodianIds) {
      find(caseId, id).ifPresent(c -> containers.put(id, c.getHoldStatus()));
    }
    Map<String, DataSourceHoldStatus> held = new LinkedHashMap<>();
    sources.values().stream()
        .filter(s -> s.getCaseId().equals(caseId) && custodianIds.contains(s.getCustodianId()))
        .forEach(s -> held.put(s.getId(), s.getHoldStatus()));
    setHoldStatus(caseId, custodianIds, status);
    return new PriorHoldStatuses(containers, held);
  }

  @Override
  public void restoreHoldStatus(
      String caseId, PriorHoldStatuses prior, DataSourceHoldStatus expected) {
    prior
        .containers()
        .forEach(
            (id, status) ->
                find(caseId, id)
                    .filter(c -> c.getHoldStatus() == expected)
                    .ifPresent(c -> c.holdStatus(status)));
    prior
        .sources()
        .forEach(
            (id, status) -> {
              CustodianSource s = sources.get(id);
              if (s != null && s.getCaseId().equals(caseId) && s.getHoldStatus() == expected) {
                s.holdStatus(status);
              }
            });
  }

  @Override
  public void setStatus(
      String caseId, String custodianId, DataSourceContainerStatus status, Instant at) {
    find(caseId, custodianId).ifPresent(c -> c.status(status, at));
  }
}
