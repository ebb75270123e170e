package org.caseops.api.holds;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.holds.LegalHold;

/** An ediscoveryHoldPolicy as Graph writes it. */
public final class LegalHoldJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryHoldPolicy";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "displayName",
          "description",
          "contentQuery",
          "isEnabled",
          "status",
          "errors",
          "createdBy",
          "createdDateTime",
          "lastModifiedBy",
          "lastModifiedDateTime");

  private LegalHoldJson() {}

  public static JsonObject entity(ServiceRoot root, LegalHold hold) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(GraphPaths.entity(GraphPaths.legalHoldsKey(hold.getCaseId()))));
    return write(json, hold).build();
  }

  public static JsonObject item(LegalHold hold) {
    return write(Json.createObjectBuilder(), hold).build();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, LegalHold h) {
    json.add("id", h.getId());
    GraphJson.addString(json, "displayName", h.getDisplayName());
    GraphJson.addString(json, "description", h.getDescription());
    GraphJson.addString(json, "contentQuery", h.getContentQuery());
    json.add("isEnabled", h.isEnabled());
    json.add("status", h.getStatus().name());
    JsonArrayBuilder errors = Json.createArrayBuilder();
    h.getErrors().forEach(errors::add);
    json.add("errors", errors);
    json.add("createdBy", GraphJson.identitySet(h.getCreatedBy()));
    GraphJson.addTimestamp(json, "createdDateTime", h.getCreatedDateTime());
    json.add("lastModifiedBy", GraphJson.identitySet(h.getLastModifiedBy()));
    GraphJson.addTimestamp(json, "lastModifiedDateTime", h.getLastModifiedDateTime());
    return json;
  }
}
