package org.caseops.api.custodians;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.NoncustodialDataSource;

/**
 * An ediscoveryNoncustodialDataSource as Graph writes it ({@code releasedDateTime} null until
 * released); its {@code dataSource} is a userSource or siteSource written as a custodian's.
 */
public final class NoncustodialJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryNoncustodialDataSource";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "displayName",
          "status",
          "holdStatus",
          "createdDateTime",
          "lastModifiedDateTime",
          "releasedDateTime");

  private NoncustodialJson() {}

  public static JsonObject entity(ServiceRoot root, NoncustodialDataSource n) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(GraphPaths.entity(GraphPaths.noncustodialKey(n.getCaseId()))));
    return write(json, n).build();
  }

  public static JsonObject item(NoncustodialDataSource n) {
    return write(Json.createObjectBuilder(), n).build();
  }

  /**
   * The {@code dataSource} navigation: the userSource or siteSource, with its {@code @odata.type}.
   */
  public static JsonObject dataSource(ServiceRoot root, CustodianSource source) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(
                    GraphPaths.noncustodialKey(source.getCaseId())
                        + "('"
                        + source.getNoncustodialId()
                        + "')/dataSource/$entity"));
    SourceJson.item(source).forEach(json::add);
    return json.build();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, NoncustodialDataSource n) {
    json.add("id", n.getId());
    GraphJson.addString(json, "displayName", n.getDisplayName());
    json.add("status", n.getStatus().name()).add("holdStatus", n.getHoldStatus().name());
    GraphJson.addTimestamp(json, "createdDateTime", n.getCreatedDateTime());
    GraphJson.addTimestamp(json, "lastModifiedDateTime", n.getLastModifiedDateTime());
    GraphJson.addTimestamp(json, "releasedDateTime", n.getReleasedDateTime());
    return json;
  }
}
