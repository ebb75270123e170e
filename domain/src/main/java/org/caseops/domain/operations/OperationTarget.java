package org.caseops.domain.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/**
 * What an operation works on and how: the search (estimateStatistics, addToReviewSet), the review
 * set (addToReviewSet, applyTags), the review-set query (applyTags), the tags to add and remove
 * (applyTags), and the action's option flags as comma-separated member names (statisticsOptions,
 * additionalDataOptions, itemsToInclude). The index action has none.
 */
@Embeddable
public class OperationTarget {
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

  /** The option flags' member names. */
  public List<String> getOptions() {
    return split(options);
  }
}
