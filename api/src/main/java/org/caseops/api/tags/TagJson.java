package org.caseops.api.tags;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.reviewsets.ReviewTag;

/**
 * An ediscoveryReviewTag as Graph writes it: id, displayName, description, childSelectability
 * ({@code One} or {@code Many}), createdBy, lastModifiedDateTime. {@code parent} and {@code
 * childTags} are navigations; {@code asHierarchy} writes each tag with its {@code childTags}
 * nested, as Graph's function does.
 */
public final class TagJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryReviewTag";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "displayName",
          "description",
          "childSelectability",
          "createdBy",
          "lastModifiedDateTime");

  private TagJson() {}

  public static JsonObject entity(ServiceRoot root, ReviewTag tag) {
    return entity(root.context(GraphPaths.entity(GraphPaths.tagsKey(tag.getCaseId()))), tag);
  }

  public static JsonObject entity(String context, ReviewTag tag) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("@odata.context", context);
    return write(json, tag).build();
  }

  public static JsonObject item(ReviewTag tag) {
    return write(Json.createObjectBuilder(), tag).build();
  }

  /**
   * The tags whose parent is {@code parentId} (null for the top level), each with its descendants
   * in childTags.
   */
  public static List<JsonObject> hierarchy(
      Map<String, List<ReviewTag>> childrenByParent, String parentId) {
    return childrenByParent.getOrDefault(parentId, List.of()).stream()
        .map(
            tag -> {
              JsonArrayBuilder children = Json.createArrayBuilder();
              hierarchy(childrenByParent, tag.getId()).forEach(children::add);
              return write(Json.createObjectBuilder(), tag).add("childTags", children).build();
            })
        .toList();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, ReviewTag t) {
    json.add("id", t.getId());
    GraphJson.addString(json, "displayName", t.getDisplayName());
    GraphJson.addString(json, "description", t.getDescription());
    json.add("childSelectability", t.getChildSelectability().name());
    json.add("createdBy", GraphJson.identitySet(t.getCreatedBy()));
    GraphJson.addTimestamp(json, "lastModifiedDateTime", t.getLastModifiedDateTime());
    return json;
  }
}
