package org.caseops.domain.operations;

import org.caseops.domain.support.InvalidRequestException;

/**
 * A part of an operation's target that an action may require, in the order a request's parts are
 * read and checked, with the name the part has in a request body (as the Graph SDKs serialize the
 * derived operation types: {@code "search": {"id": ...}} or {@code "search@odata.bind": "<url>"}).
 */
public enum TargetRole {
  /** The review set the operation writes (addToReviewSet) or reads (applyTags). */
  REVIEW_SET("reviewSet"),
  /** The search the operation runs (estimateStatistics, addToReviewSet). */
  SEARCH("search"),
  /**
   * The review-set query whose matches the operation works on (applyTags); also accepted as {@code
   * reviewSetQuery}.
   */
  QUERY("query"),
  /** The tags to add and to remove (applyTags): at least one of them, no tag in both. */
  TAGS("tagsToAdd"),
  /**
   * The custodians whose hold the operation changes (holdUpdate), or whose sources alone it indexes
   * (index, when started by a custodian's {@code updateIndex}): their ids, as the bulk {@code
   * applyHold} and {@code removeHold} actions take them ({@code "ids": [...]}).
   */
  CUSTODIANS("ids"),
  /** The legal hold (hold policy) whose change the operation carries out (holdPolicySync). */
  LEGAL_HOLD("legalHold");

  private final String property;

  TargetRole(String property) {
    this.property = property;
  }

  /** The property that names this part in a request body. */
  public String property() {
    return property;
  }

  /** The refusal of a request for {@code action} that does not name this part. */
  public InvalidRequestException missing(CaseAction action) {
    if (this == TAGS) {
      return new InvalidRequestException(
          "The action '"
              + action.wireName()
              + "' needs tags: give 'tagsToAdd' or 'tagsToRemove' (arrays of {\"id\": ...}), at least one of them"
              + " not empty.");
    }
    if (this == CUSTODIANS) {
      return new InvalidRequestException(
          "The action '"
              + action.wireName()
              + "' needs the custodians whose hold it changes: give \"ids\": [\"<custodian id>\", ...]"
              + " with at least one id.");
    }
    return new InvalidRequestException(
        "The action '"
            + action.wireName()
            + "' needs its "
            + property
            + ": give \""
            + property
            + "\": {\"id\": \"...\"} or \""
            + property
            + "@odata.bind\": \"<url>\".");
  }
}
