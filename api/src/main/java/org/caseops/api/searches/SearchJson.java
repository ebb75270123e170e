package org.caseops.api.searches;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.Flags;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.searches.EdiscoverySearch;

/**
 * An ediscoverySearch as Graph writes it: {@code dataSourceScopes} as a flags string ({@code none}
 * when empty). Its bound sources ({@code custodianSources}, {@code additionalSources}) and {@code
 * lastEstimateStatisticsOperation} are navigations, read at their own URLs, and are not written
 * inline.
 */
public final class SearchJson {
  public static final String TYPE = "microsoft.graph.security.ediscoverySearch";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "displayName",
          "description",
          "contentQuery",
          "dataSourceScopes",
          "createdDateTime",
          "createdBy",
          "lastModifiedDateTime",
          "lastModifiedBy");

  private SearchJson() {}

  public static JsonObject entity(ServiceRoot root, EdiscoverySearch search, boolean include) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(GraphPaths.entity(GraphPaths.searchesKey(search.getCaseId()))));
    return write(json, search, include).build();
  }

  public static JsonObject item(EdiscoverySearch search, boolean include) {
    return write(Json.createObjectBuilder(), search, include).build();
  }

  private static JsonObjectBuilder write(
      JsonObjectBuilder json, EdiscoverySearch s, boolean include) {
    json.add("id", s.getId());
    GraphJson.addString(json, "displayName", s.getDisplayName());
    GraphJson.addString(json, "description", s.getDescription());
    json.add("contentQuery", s.getContentQuery());
    json.add("dataSourceScopes", Flags.write(s.getDataSourceScopes(), include, "none"));
    GraphJson.addTimestamp(json, "createdDateTime", s.getCreatedDateTime());
    json.add("createdBy", GraphJson.identitySet(s.getCreatedBy()));
    GraphJson.addTimestamp(json, "lastModifiedDateTime", s.getLastModifiedDateTime());
    json.add("lastModifiedBy", GraphJson.identitySet(s.getLastModifiedBy()));
    return json;
  }
}
