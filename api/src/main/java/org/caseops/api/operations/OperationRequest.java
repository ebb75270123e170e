package org.caseops.api.operations;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.Flags;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.Refs;
import org.caseops.domain.operations.CaseAction;

/**
 * What a client asks to start: the action, the raw ids of its target (not yet checked), and its option flags' member
 * names. It comes from one of two bodies:
 *
 * <ul>
 *   <li>{@code POST .../operations} ({@link #parse}): {@code action} is required; {@code @odata.type}, when given, is
 *       {@code #microsoft.graph.security.caseOperation} or the derived type of the action; the target travels as the
 *       derived type's navigation properties, as the Graph SDKs serialize them, each as {@code "name": {"id": ...}} or
 *       {@code "name@odata.bind": "<url>"}: {@code search} (estimateStatistics, addToReviewSet), {@code reviewSet}
 *       (addToReviewSet, applyTags), {@code query} or {@code reviewSetQuery} (applyTags), with the action's parameters
 *       ({@code statisticsOptions}; {@code additionalDataOptions}, {@code itemsToInclude}, {@code
 *       cloudAttachmentVersion}, {@code documentVersion}; {@code tagsToAdd}, {@code tagsToRemove}). The server-owned
 *       properties (id, status, percentProgress, resultInfo, createdDateTime, completedDateTime, createdBy) and the
 *       estimate's results are ignored; anything else is refused.
 *   <li>an action's own body ({@link #parseParameters}): the same parameters, with the resources the URL names left
 *       out (the search of estimateStatistics, the review set and the query of addToReviewSet and applyTags).
 * </ul>
 */
public record OperationRequest(
    CaseAction action,
    String searchId,
    String reviewSetId,
    String queryId,
    List<String> tagsToAdd,
    List<String> tagsToRemove,
    List<String> options) {
  static final String[] SERVER_OWNED = {
    "id", "status", "percentProgress", "resultInfo", "createdDateTime", "completedDateTime", "createdBy"
  };
  static final String[] ESTIMATE_RESULTS = {
    "indexedItemCount",
    "indexedItemsSize",
    "unindexedItemCount",
    "unindexedItemsSize",
    "mailboxCount",
    "siteCount",
    "reportFileMetadata"
  };

  public OperationRequest {
    tagsToAdd = List.copyOf(tagsToAdd);
    tagsToRemove = List.copyOf(tagsToRemove);
    options = List.copyOf(options);
  }

  /** A request for an action without target or options (e.g. index). */
  public OperationRequest(CaseAction action) {
    this(action, null, null, null, List.of(), List.of(), List.of());
  }

  public static OperationRequest parse(JsonObject json, boolean includeUnknownMembers) {
    JsonBody body = JsonBody.of(json, OperationJson.BASE_TYPE);
    String name = body.requiredString("action", 64);
    CaseAction action = EvolvableEnums.parse(CaseAction.class, "action", name, includeUnknownMembers);
    body.expectType(OperationJson.BASE_TYPE, CaseAction.NAMESPACE + action.derivedType());
    body.ignore(SERVER_OWNED);
    if (action == CaseAction.estimateStatistics) {
      body.ignore(ESTIMATE_RESULTS);
    }
    OperationRequest request = read(body, action, includeUnknownMembers, true);
    body.rejectUnknown();
    return request;
  }

  /** The body of an action endpoint (which may be empty): its parameters only. */
  public static OperationRequest parseParameters(CaseAction action, JsonObject json, boolean includeUnknownMembers) {
    JsonBody body = JsonBody.of(json, CaseAction.NAMESPACE + action.name() + " parameters");
    OperationRequest request = read(body, action, includeUnknownMembers, false);
    body.rejectUnknown();
    return request;
  }

  private static OperationRequest read(JsonBody body, CaseAction action, boolean include, boolean navigations) {
    String searchId = null;
    String reviewSetId = null;
    String queryId = null;
    List<String> tagsToAdd = List.of();
    List<String> tagsToRemove = List.of();
    List<String> options = new ArrayList<>();
    switch (action) {
      case estimateStatistics -> {
        if (navigations) {
          searchId = Refs.id(body, "search", "searches");
        }
        flags(body, OperationOptions.StatisticsOptions.class, "statisticsOptions", include, options);
      }
      case addToReviewSet -> {
        if (navigations) {
          reviewSetId = Refs.id(body, "reviewSet", "reviewSets");
        }
        searchId = Refs.id(body, "search", "searches");
        flags(body, OperationOptions.AdditionalDataOptions.class, "additionalDataOptions", include, options);
        flags(body, OperationOptions.ItemsToInclude.class, "itemsToInclude", include, options);
        version(body, "cloudAttachmentVersion", include);
        version(body, "documentVersion", include);
      }
      case applyTags -> {
        if (navigations) {
          reviewSetId = Refs.id(body, "reviewSet", "reviewSets");
          String query = Refs.id(body, "query", "queries");
          String reviewSetQuery = Refs.id(body, "reviewSetQuery", "queries");
          if (query != null && reviewSetQuery != null) {
            throw org.caseops.api.errors.ApiException.invalidRequest(
                "Give the query once, as 'query' or as 'reviewSetQuery'.");
          }
          queryId = query != null ? query : reviewSetQuery;
        }
        tagsToAdd = Refs.ids(body, "tagsToAdd");
        tagsToRemove = Refs.ids(body, "tagsToRemove");
      }
      default -> {
        // The other actions take no target and no parameters here.
      }
    }
    return new OperationRequest(action, searchId, reviewSetId, queryId, tagsToAdd, tagsToRemove, options);
  }

  private static <E extends Enum<E> & org.caseops.domain.support.EvolvableEnum> void flags(
      JsonBody body, Class<E> type, String name, boolean include, List<String> into) {
    String value = body.optionalString(name, 1000);
    for (E member : Flags.parse(type, name, value, include)) {
      into.add(member.wireName());
    }
  }

  private static void version(JsonBody body, String name, boolean include) {
    String value = body.optionalString(name, 64);
    if (value != null) {
      EvolvableEnums.parse(OperationOptions.Version.class, name, value.trim(), include);
    }
  }
}
