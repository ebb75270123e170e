package org.caseops.domain.custodians;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caseops.domain.support.ListQuery;

/**
 * The non-custodial data sources of each case, with their dataSource. Their hold status and
 * lastIndexOperation move with the custodians' ({@link CustodianRepository#setHoldStatus}, {@link
 * CustodianRepository#markIndexed} take the ids of either).
 */
public interface NoncustodialSourceRepository {
  /** Stores a new non-custodial data source and its dataSource together. */
  void add(NoncustodialDataSource container, CustodianSource dataSource);

  Optional<NoncustodialDataSource> find(String caseId, String id);

  /** The dataSource of the non-custodial data source. */
  Optional<CustodianSource> dataSourceOf(String caseId, String id);

  /**
   * The case's non-custodial data sources that meet the query's filter, in its order (creation
   * time, oldest first, without one). Properties: {@code id}, {@code displayName}, {@code status},
   * {@code holdStatus}, {@code createdDateTime}.
   */
  List<NoncustodialDataSource> list(String caseId, ListQuery query);

  long count(String caseId, ListQuery.Condition filter);

  /**
   * Sets the status ({@code released} with its releasedDateTime, or {@code active} without one).
   */
  void setStatus(String caseId, String id, DataSourceContainerStatus status, Instant at);
}
