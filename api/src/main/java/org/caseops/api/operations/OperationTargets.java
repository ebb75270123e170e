package org.caseops.api.operations;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.OperationTarget;

/**
 * Turns the target a client named into a checked {@link OperationTarget}: every resource the action needs must be
 * named (400 {@code invalidRequest} saying which one otherwise) and must exist in the case (400 naming the property and
 * the id otherwise: the URL was right, the body was not). Ids are stored in lower case.
 */
@Dependent
public class OperationTargets {
  private final ResourceLookups lookups;

  @Inject
  public OperationTargets(ResourceLookups lookups) {
    this.lookups = lookups;
  }

  /** The checked target of a request made to {@code POST .../operations}. */
  public OperationTarget resolve(String caseId, OperationRequest request) {
    lookups.cases().requireCase(caseId);
    CaseAction action = request.action();
    return switch (action) {
      case estimateStatistics -> {
        String search = require(action, "search", request.searchId());
        yield OperationTarget.search(lookups.searchRef(caseId, search, "search").getId(), request.options());
      }
      case addToReviewSet -> {
        String reviewSet = require(action, "reviewSet", request.reviewSetId());
        String search = require(action, "search", request.searchId());
        String reviewSetId = lookups.reviewSetRef(caseId, reviewSet, "reviewSet").getId();
        String searchId = lookups.searchRef(caseId, search, "search").getId();
        yield OperationTarget.reviewSet(reviewSetId, searchId, request.options());
      }
      case applyTags -> {
        String reviewSet = require(action, "reviewSet", request.reviewSetId());
        String query = require(action, "query", request.queryId());
        String reviewSetId = lookups.reviewSetRef(caseId, reviewSet, "reviewSet").getId();
        String queryId = lookups.queryRef(caseId, reviewSetId, query, "query").getId();
        yield tags(caseId, reviewSetId, queryId, request);
      }
      default -> OperationTarget.none();
    };
  }

  /** The checked target of applyTags on a query the URL named (and that was found). */
  public OperationTarget tags(String caseId, String reviewSetId, String queryId, OperationRequest request) {
    if (request.tagsToAdd().isEmpty() && request.tagsToRemove().isEmpty()) {
      throw ApiException.invalidRequest(
          "The action 'applyTags' needs tags: give 'tagsToAdd' or 'tagsToRemove' (arrays of {\"id\": ...}), at least"
              + " one of them not empty.");
    }
    List<String> add = tagIds(caseId, request.tagsToAdd(), "tagsToAdd");
    List<String> remove = tagIds(caseId, request.tagsToRemove(), "tagsToRemove");
    for (String id : add) {
      if (remove.contains(id)) {
        throw ApiException.invalidRequest("The tag '" + id + "' is in both 'tagsToAdd' and 'tagsToRemove'.");
      }
    }
    return OperationTarget.tags(reviewSetId, queryId, add, remove);
  }

  /** The checked target of addToReviewSet on a review set the URL named (and that was found). */
  public OperationTarget addToReviewSet(String caseId, String reviewSetId, OperationRequest request) {
    String search = require(CaseAction.addToReviewSet, "search", request.searchId());
    String searchId = lookups.searchRef(caseId, search, "search").getId();
    return OperationTarget.reviewSet(reviewSetId, searchId, request.options());
  }

  private List<String> tagIds(String caseId, List<String> raw, String property) {
    List<String> ids = new ArrayList<>();
    for (String id : raw) {
      String tagId = lookups.tagRef(caseId, id, property).getId();
      if (!ids.contains(tagId)) {
        ids.add(tagId);
      }
    }
    return ids;
  }

  private static String require(CaseAction action, String property, String value) {
    if (value == null) {
      throw missing(action, property);
    }
    return value;
  }

  static ApiException missing(CaseAction action, String property) {
    return ApiException.invalidRequest(
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
