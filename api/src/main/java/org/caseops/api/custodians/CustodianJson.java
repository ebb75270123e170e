package org.caseops.api.custodians;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.custodians.Custodian;

/**
 * An ediscoveryCustodian as Graph writes it: {@code releasedDateTime} null until released, {@code
 * acknowledgedDateTime} {@value GraphJson#NO_DATE} until acknowledged.
 */
public final class CustodianJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryCustodian";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "displayName",
          "email",
          "status",
          "holdStatus",
          "createdDateTime",
          "lastModifiedDateTime",
          "releasedDateTime",
          "acknowledgedDateTime");

  private CustodianJson() {}

  public static JsonObject entity(ServiceRoot root, Custodian custodian) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(GraphPaths.entity(GraphPaths.custodiansKey(custodian.getCaseId()))));
    return write(json, custodian).build();
  }

  public static JsonObject item(Custodian custodian) {
    return write(Json.createObjectBuilder(), custodian).build();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, Custodian c) {
    json.add("id", c.getId());
    GraphJson.addString(json, "displayName", c.getDisplayName());
    GraphJson.addString(json, "email", c.getEmail());
    json.add("status", c.getStatus().name()).add("holdStatus", c.getHoldStatus().name());
    GraphJson.addTimestamp(json, "createdDateTime", c.getCreatedDateTime());
    GraphJson.addTimestamp(json, "lastModifiedDateTime", c.getLastModifiedDateTime());
    GraphJson.addTimestamp(json, "releasedDateTime", c.getReleasedDateTime());
    GraphJson.addTimestampOrNoDate(json, "acknowledgedDateTime", c.getAcknowledgedDateTime());
    return json;
  }
}
