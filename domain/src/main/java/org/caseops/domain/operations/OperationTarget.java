package org.caseops.domain.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/**
 * What an operation works on and how: the search (estimateStatistics, addToReviewSet), the review
 * set (addToReviewSet, applyTags), the review-set query (applyTags), the tags to add and remove
 * (applyTags), and the action's option flags as comma-separated member names (statisticsOptions,
 * additionalDataOptions, itemsToInclude), the custodians (or non-custodial data sources) of a hold
 * change (holdUpdate), and the legal hold a holdPolicySync synchronises. The index action has none.
 */
@Embeddable
public class OperationTarget {
  /** The option of a hold change that applies the hold. */
  public static final String APPLY_HOLD = "applyHold";

  /** The option of a hold change that removes the hold. */
  public static final String REMOVE_HOLD = "removeHold";

  @Column(name = "search_id", length = 36)
  private String searchId;

  @Column(name = "review_set_id", length = 36)
  private String reviewSetId;

  @Column(name = "query_id", length = 36)
  private String queryId;

  @Column(name = "tags_to_add", length = 4000)
  private String tagsToAdd;

  @Column(name = "tags_to_remove", length = 4000)
  private String tagsToRemove;

  @Column(name = "operation_options", length = 1000)
  private String options;

  @Column(name = "custodian_ids", length = 40000)
  private String custodianIds;

  @Column(name = "legal_hold_id", length = 36)
  private String legalHoldId;

  protected OperationTarget() {}

  private OperationTarget(
      String searchId,
      String reviewSetId,
      String queryId,
      String tagsToAdd,
      String tagsToRemove,
      String options) {
    this.searchId = searchId;
    this.reviewSetId = reviewSetId;
    this.queryId = queryId;
    this.tagsToAdd = tagsToAdd;
    this.tagsToRemove = tagsToRemove;
    this.options = options;
  }

  public static OperationTarget none() {
    return new OperationTarget();
  }

  public static OperationTarget search(String searchId, List<String> options) {
    return new OperationTarget(searchId, null, null, null, null, join(options));
  }

  public static OperationTarget reviewSet(
      String reviewSetId, String searchId, List<String> options) {
    return new OperationTarget(searchId, reviewSetId, null, null, null, join(options));
  }

  public static OperationTarget tags(
      String reviewSetId, String queryId, List<String> tagsToAdd, List<String> tagsToRemove) {
    return new OperationTarget(
        null, reviewSetId, queryId, join(tagsToAdd), join(tagsToRemove), null);
  }

  /** A target with any of its parts; {@code null} or empty for the parts an action does not use. */
  public static OperationTarget of(
      String searchId,
      String reviewSetId,
      String queryId,
      List<String> tagsToAdd,
      List<String> tagsToRemove,
      List<String> options) {
    return new OperationTarget(
        searchId, reviewSetId, queryId, join(tagsToAdd), join(tagsToRemove), join(options));
  }

  /**
   * A hold change (holdUpdate): the custodians whose hold it applies or removes, and which of the
   * two ({@link #APPLY_HOLD} or {@link #REMOVE_HOLD}) as its one option.
   */
  public static OperationTarget custodians(List<String> custodianIds, String change) {
    OperationTarget target = new OperationTarget(null, null, null, null, null, change);
    target.custodianIds = join(custodianIds);
    return target;
  }

  /** The legal hold a holdPolicySync operation synchronises. */
  public static OperationTarget legalHold(String legalHoldId) {
    OperationTarget target = new OperationTarget();
    target.legalHoldId = legalHoldId;
    return target;
  }

  /** This target with the custodians a hold change names. */
  public OperationTarget withCustodians(List<String> ids) {
    OperationTarget target =
        new OperationTarget(searchId, reviewSetId, queryId, tagsToAdd, tagsToRemove, options);
    target.custodianIds = join(ids);
    target.legalHoldId = legalHoldId;
    return target;
  }

  /** This target with the legal hold a holdPolicySync names. */
  public OperationTarget withLegalHold(String id) {
    OperationTarget target =
        new OperationTarget(searchId, reviewSetId, queryId, tagsToAdd, tagsToRemove, options);
    target.custodianIds = custodianIds;
    target.legalHoldId = id;
    return target;
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  public String getSearchId() {
    return searchId;
  }

  public String getReviewSetId() {
    return reviewSetId;
  }

  public String getQueryId() {
    return queryId;
  }

  public List<String> getTagsToAdd() {
    return split(tagsToAdd);
  }

  public List<String> getTagsToRemove() {
    return split(tagsToRemove);
  }

  /** The custodians a hold change (holdUpdate) applies or removes the hold of. */
  public List<String> getCustodianIds() {
    return split(custodianIds);
  }

  /** The legal hold a holdPolicySync operation synchronises. */
  public String getLegalHoldId() {
    return legalHoldId;
  }

  /** Whether this hold change removes the hold (rather than applying it). */
  public boolean removesHold() {
    return getOptions().contains(REMOVE_HOLD);
  }

  /** Whether this target is a hold change of custodians: it applies or removes their hold. */
  public boolean changesHold() {
    return !getCustodianIds().isEmpty()
        && (getOptions().contains(APPLY_HOLD) || getOptions().contains(REMOVE_HOLD));
  }

  /** The option flags' member names. */
  public List<String> getOptions() {
    return split(options);
  }
}
