package org.caseops.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;

/**
 * Creates searches, review sets and operations as the API does, and runs their jobs on the harness.
 */
public final class SearchJobs {
  private static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");

  public final IndexJobHarness h;
  public final SearchRepository searches;
  public final ReviewSetRepository reviewSets;
  public final ReviewTagRepository tags;

  public SearchJobs(IndexJobHarness h) {
    this.h = h;
    searches = h.weld.select(SearchRepository.class).get();
    reviewSets = h.weld.select(ReviewSetRepository.class).get();
    tags = h.weld.select(ReviewTagRepository.class).get();
  }

  /** Indexes the case and checks that the index job ended. */
  public void index(String caseId) throws InterruptedException {
    CaseOperation done = h.awaitOperation(h.submitIndex(caseId, null));
    assertThat(done.getStatus())
        .isIn(CaseOperationStatus.succeeded, CaseOperationStatus.partiallySucceeded);
  }

  public EdiscoverySearch searchAll(String caseId, String query) {
    return search(caseId, query, Set.of(DataSourceScopes.allCaseCustodians), List.of());
  }

  public EdiscoverySearch search(
      String caseId, String query, Set<DataSourceScopes> scopes, List<String> sources) {
    EdiscoverySearch s =
        EdiscoverySearch.create(
            caseId, "search", null, query, scopes, sources, List.of(), ALICE, Instant.now());
    searches.add(s);
    return s;
  }

  public ReviewSet reviewSet(String caseId, String name) {
    ReviewSet r = ReviewSet.create(caseId, name, ALICE, Instant.now());
    reviewSets.add(r);
    return r;
  }

  /**
   * Submits an operation of the action on the target, runs its job to its end and returns the ended
   * operation.
   */
  public CaseOperation run(String caseId, CaseAction action, OperationTarget target)
      throws InterruptedException {
    CaseOperation operation = CaseOperation.submit(caseId, action, target, ALICE, Instant.now());
    h.operations.add(operation);
    h.jobs.start(action.jobName(), IndexJobHarness.parameters(operation.getId(), caseId, null));
    return h.awaitOperation(operation.getId());
  }
}
