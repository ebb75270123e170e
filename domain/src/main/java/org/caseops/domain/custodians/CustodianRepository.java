package org.caseops.domain.custodians;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Custodians and their data sources, always looked up within a case. */
public interface CustodianRepository {
  void add(Custodian custodian);

  Optional<Custodian> find(String caseId, String custodianId);

  List<Custodian> list(String caseId, int offset, int limit);

  long count(String caseId);

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
