package org.caseops.api.operations;

import jakarta.json.JsonObject;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.JsonBody;
import org.caseops.domain.operations.CaseAction;

/**
 * The body of {@code POST .../operations}: {@code action} is required; {@code @odata.type}, when given, is {@code
 * #microsoft.graph.security.caseOperation} or the derived type of the action; the server-owned properties (id,
 * status, percentProgress, resultInfo, createdDateTime, completedDateTime, createdBy) are ignored; anything else is
 * refused.
 */
public record OperationRequest(CaseAction action) {
  static final String[] SERVER_OWNED = {
    "id", "status", "percentProgress", "resultInfo", "createdDateTime", "completedDateTime", "createdBy"
  };

  public static OperationRequest parse(JsonObject json, boolean includeUnknownMembers) {
    JsonBody body = JsonBody.of(json, OperationJson.BASE_TYPE);
    String name = body.requiredString("action", 64);
    CaseAction action = EvolvableEnums.parse(CaseAction.class, "action", name, includeUnknownMembers);
    body.expectType(OperationJson.BASE_TYPE, CaseAction.NAMESPACE + action.derivedType());
    body.ignore(SERVER_OWNED);
    body.rejectUnknown();
    return new OperationRequest(action);
  }
}
