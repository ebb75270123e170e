package org.caseops.api.operations;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.caseops.api.odata.Flags;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.EstimateStatistics;
import org.caseops.domain.support.EvolvableEnum;

/**
 * A caseOperation as Graph writes it: {@code @odata.type} of the action's derived type, {@code action} and {@code
 * status} by name (members after {@code unknownFutureValue} masked unless the client asked for them), UTC timestamps,
 * {@code completedDateTime} {@value GraphJson#NO_DATE} while unfinished, {@code resultInfo} null until there is one.
 *
 * <p>The derived types add their own properties: {@code ediscoveryEstimateOperation} the estimate (indexedItemCount,
 * indexedItemsSize, unindexedItemCount, unindexedItemsSize as JSON numbers, mailboxCount, siteCount; null until the
 * job has recorded them) and {@code statisticsOptions}; {@code ediscoveryAddToReviewSetOperation} {@code
 * additionalDataOptions} and {@code itemsToInclude}. Flags are written as Graph writes them (member names joined by
 * commas, in numeric order), null when none were given. The targets ({@code search}, {@code reviewSet}) are
 * navigations and are not written inline.
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
          "resultInfo",
          "indexedItemCount",
          "indexedItemsSize",
          "unindexedItemCount",
          "unindexedItemsSize",
          "mailboxCount",
          "siteCount",
          "statisticsOptions",
          "additionalDataOptions",
          "itemsToInclude");

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
    switch (operation.getAction()) {
      case estimateStatistics -> writeEstimate(json, operation, include);
      case addToReviewSet -> {
        List<String> options = operation.getTarget().getOptions();
        addFlags(json, "additionalDataOptions", Flags.members(OperationOptions.AdditionalDataOptions.class, options), include);
        addFlags(json, "itemsToInclude", Flags.members(OperationOptions.ItemsToInclude.class, options), include);
      }
      default -> {
        // the base properties only
      }
    }
    return json;
  }

  private static void writeEstimate(JsonObjectBuilder json, CaseOperation operation, boolean include) {
    EstimateStatistics estimate = operation.getEstimate();
    if (estimate == null) {
      for (String name :
          List.of(
              "indexedItemCount",
              "indexedItemsSize",
              "unindexedItemCount",
              "unindexedItemsSize",
              "mailboxCount",
              "siteCount")) {
        json.addNull(name);
      }
    } else {
      json.add("indexedItemCount", estimate.getIndexedItemCount())
          .add("indexedItemsSize", estimate.getIndexedItemsSize())
          .add("unindexedItemCount", estimate.getUnindexedItemCount())
          .add("unindexedItemsSize", estimate.getUnindexedItemsSize())
          .add("mailboxCount", estimate.getMailboxCount())
          .add("siteCount", estimate.getSiteCount());
    }
    addFlags(
        json,
        "statisticsOptions",
        Flags.members(OperationOptions.StatisticsOptions.class, operation.getTarget().getOptions()),
        include);
  }

  private static <E extends Enum<E> & EvolvableEnum> void addFlags(
      JsonObjectBuilder json, String name, Set<E> members, boolean include) {
    if (members.isEmpty()) {
      json.addNull(name);
    } else {
      json.add(name, Flags.write(members, include, ""));
    }
  }
}
