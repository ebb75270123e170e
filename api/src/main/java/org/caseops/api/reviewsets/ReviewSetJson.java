package org.caseops.api.reviewsets;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetQuery;

/** An ediscoveryReviewSet and an ediscoveryReviewSetQuery as Graph writes them. */
public final class ReviewSetJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryReviewSet";
  public static final String QUERY_TYPE = "microsoft.graph.security.ediscoveryReviewSetQuery";
  public static final List<String> PROPERTIES =
      List.of("id", "displayName", "createdDateTime", "createdBy");
  public static final List<String> QUERY_PROPERTIES =
      List.of(
          "id",
          "displayName",
          "contentQuery",
          "createdDateTime",
          "createdBy",
          "lastModifiedDateTime",
          "lastModifiedBy");

  private ReviewSetJson() {}

  public static JsonObject entity(ServiceRoot root, ReviewSet set) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(GraphPaths.entity(GraphPaths.reviewSetsKey(set.getCaseId()))));
    return write(json, set).build();
  }

  public static JsonObject item(ReviewSet set) {
    return write(Json.createObjectBuilder(), set).build();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, ReviewSet set) {
    json.add("id", set.getId());
    GraphJson.addString(json, "displayName", set.getDisplayName());
    GraphJson.addTimestamp(json, "createdDateTime", set.getCreatedDateTime());
    json.add("createdBy", GraphJson.identitySet(set.getCreatedBy()));
    return json;
  }

  public static JsonObject queryEntity(ServiceRoot root, ReviewSetQuery query) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(
                    GraphPaths.entity(
                        GraphPaths.queriesKey(query.getCaseId(), query.getReviewSetId()))));
    return writeQuery(json, query).build();
  }

  public static JsonObject queryItem(ReviewSetQuery query) {
    return writeQuery(Json.createObjectBuilder(), query).build();
  }

  private static JsonObjectBuilder writeQuery(JsonObjectBuilder json, ReviewSetQuery q) {
    json.add("id", q.getId());
    GraphJson.addString(json, "displayName", q.getDisplayName());
    json.add("contentQuery", q.getContentQuery());
    GraphJson.addTimestamp(json, "createdDateTime", q.getCreatedDateTime());
    json.add("createdBy", GraphJson.identitySet(q.getCreatedBy()));
    GraphJson.addTimestamp(json, "lastModifiedDateTime", q.getLastModifiedDateTime());
    json.add("lastModifiedBy", GraphJson.identitySet(q.getLastModifiedBy()));
    return json;
  }
}
