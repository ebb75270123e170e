package org.caseops.api.operations;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.Refs;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.TargetRole;

/**
 * What a client asks to start: the action, the raw ids of its target (not yet checked), and its
 * option flags' member names. It comes from one of two bodies:
 *
 * <ul>
 *   <li>{@code POST .../operations} ({@link #parse}): {@code action} is required;
 *       {@code @odata.type}, when given, is {@code #microsoft.graph.security.caseOperation} or the
 *       derived type of the action; the target travels as the derived type's navigation properties,
 *       as the Graph SDKs serialize them, each as {@code "name": {"id": ...}} or {@code
 *       "name@odata.bind": "<url>"}: {@code search} (estimateStatistics, addToReviewSet,
 *       exportReport, exportResult), {@code reviewSet} (addToReviewSet, applyTags), {@code query}
 *       or {@code reviewSetQuery} (applyTags), with the action's parameters ({@code
 *       statisticsOptions}; {@code additionalDataOptions}, {@code itemsToInclude}, {@code
 *       cloudAttachmentVersion}, {@code documentVersion}; {@code tagsToAdd}, {@code tagsToRemove});
 *       for holdUpdate the custodians as {@code ids} and {@code holdChange} ({@code applyHold} or
 *       {@code removeHold}). The server-owned properties (id, status, percentProgress, resultInfo,
 *       createdDateTime, completedDateTime, createdBy) and the estimate's results are ignored;
 *       anything else is refused.
 *   <li>an action endpoint's body ({@link #parseParameters}): the same parameters, with the parts
 *       of the target that the endpoint's URL names left out (the search of estimateStatistics, the
 *       review set of addToReviewSet, the review set and the query of applyTags).
 * </ul>
 *
 * <p>Which parts of a target an action reads, and in which order, follows its {@code ActionRules};
 * its own parameters are read by its {@link ActionDescriptor}. {@link #found} records the parts an
 * endpoint's URL named and its service found, which need no further check.
 */
public record OperationRequest(
    CaseAction action,
    String searchId,
    String reviewSetId,
    String queryId,
    List<String> tagsToAdd,
    List<String> tagsToRemove,
    List<String> options,
    Set<TargetRole> found,
    List<String> custodianIds,
    Map<String, String> parameters) {
  /** The most custodians one hold change names. */
  public static final int MAX_CUSTODIANS = 1000;

  static final String[] SERVER_OWNED = {
    "id",
    "status",
    "percentProgress",
    "resultInfo",
    "createdDateTime",
    "completedDateTime",
    "createdBy"
  };

  /**
   * The server-owned properties of the base caseOperation that a body submitted to {@code POST
   * .../operations} may carry back, and that are ignored.
   */
  public static final List<String> SERVER_OWNED_PROPERTIES = List.of(SERVER_OWNED);

  public OperationRequest {
    tagsToAdd = List.copyOf(tagsToAdd);
    tagsToRemove = List.copyOf(tagsToRemove);
    options = List.copyOf(options);
    found = Set.copyOf(found);
    custodianIds = List.copyOf(custodianIds);
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public OperationRequest(
      CaseAction action,
      String searchId,
      String reviewSetId,
      String queryId,
      List<String> tagsToAdd,
      List<String> tagsToRemove,
      List<String> options,
      Set<TargetRole> found,
      List<String> custodianIds) {
    this(
        action,
        searchId,
        reviewSetId,
        queryId,
        tagsToAdd,
        tagsToRemove,
        options,
        found,
        custodianIds,
        Map.of());
  }

  public OperationRequest(
      CaseAction action,
      String searchId,
      String reviewSetId,
      String queryId,
      List<String> tagsToAdd,
      List<String> tagsToRemove,
      List<String> options) {
    this(
        action,
        searchId,
        reviewSetId,
        queryId,
        tagsToAdd,
        tagsToRemove,
        options,
        Set.of(),
        List.of());
  }

  /** A request for an action without target or options (e.g. index). */
  public OperationRequest(CaseAction action) {
    this(action, null, null, null, List.of(), List.of(), List.of());
  }

  public static OperationRequest parse(JsonObject json, boolean includeUnknownMembers) {
    JsonBody body = JsonBody.of(json, OperationJson.BASE_TYPE);
    String name = body.requiredString("action", 64);
    CaseAction action =
        EvolvableEnums.parse(CaseAction.class, "action", name, includeUnknownMembers);
    body.expectType(OperationJson.BASE_TYPE, CaseAction.NAMESPACE + action.derivedType());
    body.ignore(SERVER_OWNED);
    Optional<ActionDescriptor> descriptor = ActionDescriptors.find(action);
    // An action without a descriptor takes no target and no parameters; the service refuses it for
    // lack of a job.
    OperationRequest request = new OperationRequest(action);
    if (descriptor.isPresent()) {
      body.ignore(descriptor.get().resultProperties().toArray(String[]::new));
      request = read(body, descriptor.get(), Set.of(), includeUnknownMembers);
    }
    body.rejectUnknown();
    return request;
  }

  /** The body of the action's one action endpoint (which may be empty): its parameters only. */
  public static OperationRequest parseParameters(
      CaseAction action, JsonObject json, boolean includeUnknownMembers) {
    List<ActionEndpoint> endpoints = descriptor(action).endpoints();
    if (endpoints.size() != 1) {
      throw new IllegalArgumentException(
          "the action " + action + " has " + endpoints.size() + " endpoints");
    }
    return parseParameters(endpoints.get(0), json, includeUnknownMembers);
  }

  /** The body of an action endpoint (which may be empty): what its URL does not name. */
  public static OperationRequest parseParameters(
      ActionEndpoint endpoint, JsonObject json, boolean includeUnknownMembers) {
    CaseAction action = endpoint.action();
    JsonBody body = JsonBody.of(json, CaseAction.NAMESPACE + action.name() + " parameters");
    OperationRequest request =
        read(body, descriptor(action), endpoint.fromUrl(), includeUnknownMembers);
    body.rejectUnknown();
    return request;
  }

  /**
   * This request with a part of its target that an endpoint's URL named and that was found in the
   * case.
   */
  public OperationRequest found(TargetRole role, String id) {
    Set<TargetRole> now = EnumSet.of(role);
    now.addAll(found);
    return new OperationRequest(
        action,
        role == TargetRole.SEARCH ? id : searchId,
        role == TargetRole.REVIEW_SET ? id : reviewSetId,
        role == TargetRole.QUERY ? id : queryId,
        tagsToAdd,
        tagsToRemove,
        options,
        now,
        role == TargetRole.CUSTODIANS ? List.of(id) : custodianIds,
        withLegalHold(role == TargetRole.LEGAL_HOLD ? id : legalHoldId()));
  }

  /** The parameter that carries the legal hold of a holdPolicySync. */
  public static final String LEGAL_HOLD = "legalHold";

  /** The legal hold a holdPolicySync names ({@code "legalHold": {"id": ...}}), if any. */
  public String legalHoldId() {
    return parameters.get(LEGAL_HOLD);
  }

  private Map<String, String> withLegalHold(String id) {
    if (id == null) {
      return parameters;
    }
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(LEGAL_HOLD, id);
    return copy;
  }

  private static ActionDescriptor descriptor(CaseAction action) {
    return ActionDescriptors.find(action)
        .orElseThrow(
            () -> new IllegalArgumentException("the action " + action + " has no descriptor"));
  }

  /**
   * Reads the parts of the target the action takes and the URL does not name, in order, then its
   * parameters.
   */
  private static OperationRequest read(
      JsonBody body, ActionDescriptor descriptor, Set<TargetRole> fromUrl, boolean include) {
    String searchId = null;
    String reviewSetId = null;
    String queryId = null;
    List<String> tagsToAdd = List.of();
    List<String> tagsToRemove = List.of();
    List<String> custodianIds = List.of();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (TargetRole role : TargetRole.values()) {
      if (!descriptor.rules().accepts(role) || fromUrl.contains(role)) {
        continue;
      }
      switch (role) {
        case REVIEW_SET -> reviewSetId = Refs.id(body, "reviewSet", "reviewSets");
        case SEARCH -> searchId = Refs.id(body, "search", "searches");
        case QUERY -> {
          String query = Refs.id(body, "query", "queries");
          String reviewSetQuery = Refs.id(body, "reviewSetQuery", "queries");
          if (query != null && reviewSetQuery != null) {
            throw ApiException.invalidRequest(
                "Give the query once, as 'query' or as 'reviewSetQuery'.");
          }
          queryId = query != null ? query : reviewSetQuery;
        }
        case TAGS -> {
          tagsToAdd = Refs.ids(body, "tagsToAdd");
          tagsToRemove = Refs.ids(body, "tagsToRemove");
        }
        case CUSTODIANS -> custodianIds = Refs.strings(body, role.property(), MAX_CUSTODIANS);
        case LEGAL_HOLD -> {
          String id = Refs.id(body, LEGAL_HOLD, "legalHolds");
          if (id != null) {
            parameters.put(LEGAL_HOLD, id);
          }
        }
      }
    }
    List<String> options = new ArrayList<>();
    descriptor.readParameters(body, include, options, parameters);
    return new OperationRequest(
        descriptor.action(),
        searchId,
        reviewSetId,
        queryId,
        tagsToAdd,
        tagsToRemove,
        options,
        Set.of(),
        custodianIds,
        parameters);
  }
}
