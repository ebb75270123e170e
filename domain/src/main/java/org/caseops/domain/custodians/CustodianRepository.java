package org.caseops.domain.custodians;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
   * The case's custodians that meet the query's filter, in its order (creation time, oldest first,
   * without one). Properties: {@code id}, {@code email}, {@code displayName}, {@code status},
   * {@code createdDateTime}.
   */
  List<Custodian> list(String caseId, ListQuery query);

  /** How many of the case's custodians meet the filter; all of them for {@code null}. */
  long count(String caseId, ListQuery.Condition filter);

  boolean emailTaken(String caseId, String email);

  void addSource(CustodianSource source);

  Optional<CustodianSource> findSource(
      String caseId, String custodianId, SourceKind kind, String sourceId);

  /** All of the custodian's sources of one kind, oldest first. */
  default List<CustodianSource> listSources(String caseId, String custodianId, SourceKind kind) {
    return listSources(caseId, custodianId, kind, ListQuery.page(0, Integer.MAX_VALUE));
  }

  /**
   * The custodian's sources of one kind that meet the query's filter, in its order (creation time,
   * oldest first, without one). Properties: {@code id}, {@code displayName}, {@code email}, {@code
   * siteWebUrl}, {@code holdStatus}, {@code createdDateTime}.
   */
  List<CustodianSource> listSources(
      String caseId, String custodianId, SourceKind kind, ListQuery query);

  /**
   * How many of the custodian's sources of one kind meet the filter; all of them for {@code null}.
   */
  long countSources(String caseId, String custodianId, SourceKind kind, ListQuery.Condition filter);

  /**
   * The case's sources among {@code sourceIds} (of either kind) that meet the query's filter, in
   * its order (creation time, oldest first, without one); the properties of {@link
   * #listSources(String, String, SourceKind, ListQuery)}.
   */
  List<CustodianSource> listSourcesIn(String caseId, Collection<String> sourceIds, ListQuery query);

  /** How many of the case's sources among {@code sourceIds} meet the filter. */
  long countSourcesIn(String caseId, Collection<String> sourceIds, ListQuery.Condition filter);

  /**
   * Every source of the case, in creation order: every custodian's, and the dataSource of every
   * non-custodial data source ({@link CustodianSource#isNoncustodial()}).
   */
  List<CustodianSource> listSourcesOfCase(String caseId);

  /**
   * Links each of the given sources, and the custodians or non-custodial data sources they belong
   * to, to the index operation that last covered them.
   */
  void markIndexed(Collection<String> sourceIds, String operationId);

  /**
   * The ids of the case's released custodians (and, where non-custodial data sources are stored,
   * released non-custodial data sources).
   */
  default Set<String> releasedCustodianIds(String caseId) {
    Set<String> ids = new HashSet<>();
    for (Custodian custodian : list(caseId, ListQuery.page(0, Integer.MAX_VALUE))) {
      if (custodian.isReleased()) {
        ids.add(custodian.getId());
      }
    }
    return ids;
  }

  /**
   * Sets the holdStatus of the custodians and of each of their sources; ids of non-custodial data
   * sources among them have theirs and their dataSource's set too.
   */
  void setHoldStatus(String caseId, Collection<String> custodianIds, DataSourceHoldStatus status);

  /**
   * Sets the holdStatus as {@link #setHoldStatus} does, and returns the status each of the
   * custodians (or non-custodial data sources) and each of their sources had before, read in the
   * same transaction.
   */
  PriorHoldStatuses changeHoldStatus(
      String caseId, Collection<String> custodianIds, DataSourceHoldStatus status);

  /**
   * Puts back the holdStatus {@code prior} holds on each custodian, non-custodial data source and
   * source whose status is still {@code expected} (the one the change set); one that something else
   * has changed since keeps its status.
   */
  void restoreHoldStatus(String caseId, PriorHoldStatuses prior, DataSourceHoldStatus expected);

  /**
   * Sets the custodian's status ({@code released} with its releasedDateTime, or {@code active}
   * without one).
   */
  void setStatus(String caseId, String custodianId, DataSourceContainerStatus status, Instant at);
}
