package org.caseops.domain.custodians;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.caseops.domain.support.ListQuery;

/** Custodians and their data sources, always looked up within a case. */
public interface CustodianRepository {
  void add(Custodian custodian);

  Optional<Custodian> find(String caseId, String custodianId);

  default List<Custodian> list(String caseId, int offset, int limit) {
    return list(caseId, ListQuery.page(offset, limit));
  }

  default long count(String caseId) {
    return count(caseId, null);
  }

  /**
   * The case's custodians that meet the query's filter, in its order (creation time, oldest first, without one).
   * Properties: {@code id}, {@code email}, {@code displayName}, {@code status}, {@code createdDateTime}.
   */
  List<Custodian> list(String caseId, ListQuery query);

  /** How many of the case's custodians meet the filter; all of them for {@code null}. */
  long count(String caseId, ListQuery.Condition filter);

  boolean emailTaken(String caseId, String email);

  void addSource(CustodianSource source);

  Optional<CustodianSource> findSource(String caseId, String custodianId, SourceKind kind, String sourceId);

  List<CustodianSource> listSources(String caseId, String custodianId, SourceKind kind);

  /** Every source of every custodian of the case, in creation order. */
  List<CustodianSource> listSourcesOfCase(String caseId);

  /**
   * Links each of the given sources, and the custodians they belong to, to the index operation that last covered
   * them.
   */
  void markIndexed(Collection<String> sourceIds, String operationId);
}
