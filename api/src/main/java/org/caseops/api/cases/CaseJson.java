package org.caseops.api.cases;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.cases.EdiscoveryCase;

/**
 * An ediscoveryCase as Graph writes it; a case never closed has {@code closedDateTime} and {@code
 * closedBy} null.
 */
public final class CaseJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryCase";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "displayName",
          "description",
          "externalId",
          "status",
          "createdDateTime",
          "lastModifiedDateTime",
          "closedDateTime",
          "createdBy",
          "lastModifiedBy",
          "closedBy");

  private CaseJson() {}

  public static JsonObject entity(
      ServiceRoot root, EdiscoveryCase ediscoveryCase, boolean includeUnknownMembers) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("@odata.context", root.context(GraphPaths.entity(GraphPaths.CASES)));
    return write(json, ediscoveryCase, includeUnknownMembers).build();
  }

  public static JsonObject item(EdiscoveryCase ediscoveryCase, boolean includeUnknownMembers) {
    return write(Json.createObjectBuilder(), ediscoveryCase, includeUnknownMembers).build();
  }

  private static JsonObjectBuilder write(
      JsonObjectBuilder json, EdiscoveryCase c, boolean include) {
    json.add("id", c.getId());
    GraphJson.addString(json, "displayName", c.getDisplayName());
    GraphJson.addString(json, "description", c.getDescription());
    GraphJson.addString(json, "externalId", c.getExternalId());
    json.add("status", c.getStatus().wireName(include));
    GraphJson.addTimestamp(json, "createdDateTime", c.getCreatedDateTime());
    GraphJson.addTimestamp(json, "lastModifiedDateTime", c.getLastModifiedDateTime());
    GraphJson.addTimestamp(json, "closedDateTime", c.getClosedDateTime());
    json.add("createdBy", GraphJson.identitySet(c.getCreatedBy()));
    json.add("lastModifiedBy", GraphJson.identitySet(c.getLastModifiedBy()));
    json.add("closedBy", GraphJson.identitySet(c.getClosedBy()));
    return json;
  }
}
