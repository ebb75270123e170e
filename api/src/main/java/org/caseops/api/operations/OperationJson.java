package org.caseops.api.operations;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.operations.CaseOperation;

/**
 * A caseOperation as Graph writes it: {@code @odata.type} of the action's derived type, {@code action} and {@code
 * status} by name (members after {@code unknownFutureValue} masked unless the client asked for them), UTC timestamps,
 * {@code completedDateTime} {@value GraphJson#NO_DATE} while unfinished, {@code resultInfo} null until there is one.
 */
public final class OperationJson {
  public static final String BASE_TYPE = "microsoft.graph.security.caseOperation";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "action",
          "status",
          "percentProgress",
          "createdDateTime",
          "completedDateTime",
          "createdBy",
          "resultInfo");

  private OperationJson() {}

  /** A single operation under {@code /operations}, with its {@code @odata.context}. */
  public static JsonObject entity(ServiceRoot root, CaseOperation operation, boolean includeUnknownMembers) {
    return entity(
        root.context(GraphPaths.entity(GraphPaths.operationsKey(operation.getCaseId()))),
        operation,
        includeUnknownMembers);
  }

  /** A single operation reached by another path (e.g. a lastIndexOperation navigation), with the given context. */
  public static JsonObject entity(String context, CaseOperation operation, boolean includeUnknownMembers) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("@odata.context", context);
    return write(json, operation, includeUnknownMembers).build();
  }

  /** An operation as an item of a collection: no {@code @odata.context}. */
  public static JsonObject item(CaseOperation operation, boolean includeUnknownMembers) {
    return write(Json.createObjectBuilder(), operation, includeUnknownMembers).build();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    json.add("@odata.type", operation.getAction().odataType())
        .add("id", operation.getId())
        .add("action", operation.getAction().wireName(include))
        .add("status", operation.getStatus().wireName(include))
        .add("percentProgress", operation.getPercentProgress());
    GraphJson.addTimestamp(json, "createdDateTime", operation.getCreatedDateTime());
    GraphJson.addTimestampOrNoDate(json, "completedDateTime", operation.getCompletedDateTime());
    json.add("createdBy", GraphJson.identitySet(operation.getCreatedBy()));
    json.add("resultInfo", GraphJson.resultInfo(operation.getResultInfo()));
    return json;
  }
}
