package org.caseops.api.operations;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.TargetRole;
import org.caseops.domain.support.InvalidRequestException;

/**
 * Turns the target a client named into a checked {@link OperationTarget}, for every action the same
 * way, from the parts its {@link ActionRules} require: every part must be named (400 {@code
 * invalidRequest} saying which one otherwise) and must exist in the case (400 naming the property
 * and the id otherwise: the URL was right, the body was not). Parts an endpoint's URL named were
 * found by its service already ({@link OperationRequest#found}). Ids are stored in lower case.
 */
@Dependent
public class OperationTargets {
  private final ResourceLookups lookups;

  @Inject
  public OperationTargets(ResourceLookups lookups) {
    this.lookups = lookups;
  }

  /** The checked target of a request; an action caseops does not carry out has none. */
  public OperationTarget resolve(String caseId, OperationRequest request) {
    lookups.cases().requireCase(caseId);
    Optional<ActionRules> found = ActionRules.of(request.action());
    if (found.isEmpty()) {
      return OperationTarget.none();
    }
    ActionRules rules = found.get();
    String reviewSetId = null;
    String searchId = null;
    String queryId = null;
    List<String> add = List.of();
    List<String> remove = List.of();
    List<String> custodianIds = List.of();
    String legalHoldId = null;
    // Every part that names a resource must be there before any is looked up; the tags are checked
    // in their turn.
    for (TargetRole role : TargetRole.values()) {
      if (rules.requires(role) && role != TargetRole.TAGS) {
        require(rules, role, raw(request, role));
      }
    }
    for (TargetRole role : TargetRole.values()) {
      if (!rules.requires(role) && !(rules.accepts(role) && raw(request, role) != null)) {
        continue;
      }
      boolean checked = request.found().contains(role);
      switch (role) {
        case REVIEW_SET -> {
          String raw = require(rules, role, request.reviewSetId());
          reviewSetId = checked ? raw : lookups.reviewSetRef(caseId, raw, "reviewSet").getId();
        }
        case SEARCH -> {
          String raw = require(rules, role, request.searchId());
          searchId = checked ? raw : lookups.searchRef(caseId, raw, "search").getId();
        }
        case QUERY -> {
          String raw = require(rules, role, request.queryId());
          queryId = checked ? raw : lookups.queryRef(caseId, reviewSetId, raw, "query").getId();
        }
        case TAGS -> {
          if (request.tagsToAdd().isEmpty() && request.tagsToRemove().isEmpty()) {
            throw role.missing(rules.action());
          }
          add = tagIds(caseId, request.tagsToAdd(), "tagsToAdd");
          remove = tagIds(caseId, request.tagsToRemove(), "tagsToRemove");
          for (String id : add) {
            if (remove.contains(id)) {
              throw new InvalidRequestException(
                  "The tag '" + id + "' is in both 'tagsToAdd' and 'tagsToRemove'.");
            }
          }
        }
        case CUSTODIANS -> {
          if (request.custodianIds().isEmpty()) {
            throw role.missing(rules.action());
          }
          custodianIds = checked ? request.custodianIds() : custodianIds(caseId, request);
        }
        case LEGAL_HOLD -> {
          String raw = require(rules, role, request.legalHoldId());
          legalHoldId = checked ? raw : lookups.legalHoldRef(caseId, raw, role.property()).getId();
        }
      }
    }
    OperationTarget target =
        OperationTarget.of(searchId, reviewSetId, queryId, add, remove, request.options());
    if (!custodianIds.isEmpty()) {
      target = target.withCustodians(custodianIds);
    }
    return legalHoldId == null ? target : target.withLegalHold(legalHoldId);
  }

  private List<String> custodianIds(String caseId, OperationRequest request) {
    List<String> ids = new ArrayList<>();
    for (String raw : request.custodianIds()) {
      String id = lookups.containerRef(caseId, raw, TargetRole.CUSTODIANS.property());
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
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

  private static String raw(OperationRequest request, TargetRole role) {
    return switch (role) {
      case REVIEW_SET -> request.reviewSetId();
      case SEARCH -> request.searchId();
      case QUERY -> request.queryId();
      case TAGS -> null;
      case CUSTODIANS -> request.custodianIds().isEmpty() ? null : request.custodianIds().get(0);
      case LEGAL_HOLD -> request.legalHoldId();
    };
  }

  private static String require(ActionRules rules, TargetRole role, String value) {
    if (value == null) {
      throw role.missing(rules.action());
    }
    return value;
  }
}
