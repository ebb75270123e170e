package org.caseops.api.operations;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.OperationExtras;
import org.caseops.domain.operations.CaseOperation;

/**
 * A caseOperation as Graph writes it: {@code @odata.type} of the action's derived type, {@code
 * action} and {@code status} by name (members after {@code unknownFutureValue} masked unless the
 * client asked for them), UTC timestamps, {@code completedDateTime} {@value GraphJson#NO_DATE}
 * while unfinished, {@code resultInfo} null until there is one.
 *
 * <p>The derived types add their own properties, which each action's descriptor writes (e.g. the
 * estimate of {@code ediscoveryEstimateOperation}). Flags are written as Graph writes them (member
 * names joined by commas, in numeric order), null when none were given. The targets ({@code
 * search}, {@code reviewSet}) are navigations and are not written inline.
 */
public final class OperationJson {
  public static final String BASE_TYPE = "microsoft.graph.security.caseOperation";

  /** The base type's properties. */
  public static final List<String> BASE_PROPERTIES =
      List.of(
          "id",
          "action",
          "status",
          "percentProgress",
          "createdDateTime",
          "completedDateTime",
          "createdBy",
          "resultInfo");

  /** The properties {@code $select} may name: the base type's and those the derived types add. */
  public static final List<String> PROPERTIES = properties();

  private static List<String> properties() {
    List<String> names = new ArrayList<>(BASE_PROPERTIES);
    names.addAll(ActionDescriptors.derivedProperties());
    return List.copyOf(names);
  }

  private OperationJson() {}

  /** A single operation under {@code /operations}, with its {@code @odata.context}. */
  public static JsonObject entity(
      ServiceRoot root, CaseOperation operation, boolean includeUnknownMembers) {
    return entity(root, operation, includeUnknownMembers, OperationExtras.NONE);
  }

  /** A single operation under {@code /operations}, with what the server keeps besides its row. */
  public static JsonObject entity(
      ServiceRoot root,
      CaseOperation operation,
      boolean includeUnknownMembers,
      OperationExtras extras) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(GraphPaths.entity(GraphPaths.operationsKey(operation.getCaseId()))));
    return write(json, operation, includeUnknownMembers, extras).build();
  }

  /**
   * A single operation reached by another path (e.g. a lastIndexOperation navigation), with the
   * given context.
   */
  public static JsonObject entity(
      String context, CaseOperation operation, boolean includeUnknownMembers) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("@odata.context", context);
    return write(json, operation, includeUnknownMembers, OperationExtras.NONE).build();
  }

  /** An operation as an item of a collection: no {@code @odata.context}. */
  public static JsonObject item(CaseOperation operation, boolean includeUnknownMembers) {
    return item(operation, includeUnknownMembers, OperationExtras.NONE);
  }

  /** An operation as an item of a collection, with what the server keeps besides its row. */
  public static JsonObject item(
      CaseOperation operation, boolean includeUnknownMembers, OperationExtras extras) {
    return write(Json.createObjectBuilder(), operation, includeUnknownMembers, extras).build();
  }

  private static JsonObjectBuilder write(
      JsonObjectBuilder json, CaseOperation operation, boolean include, OperationExtras extras) {
    json.add("@odata.type", operation.getAction().odataType())
        .add("id", operation.getId())
        .add("action", operation.getAction().wireName(include))
        .add("status", operation.getStatus().wireName(include))
        .add("percentProgress", operation.getPercentProgress());
    GraphJson.addTimestamp(json, "createdDateTime", operation.getCreatedDateTime());
    GraphJson.addTimestampOrNoDate(json, "completedDateTime", operation.getCompletedDateTime());
    json.add("createdBy", GraphJson.identitySet(operation.getCreatedBy()));
    json.add("resultInfo", GraphJson.resultInfo(operation.getResultInfo()));
    ActionDescriptors.find(operation.getAction())
        .ifPresent(d -> d.write(json, operation, include, extras));
    return json;
  }
}
