package org.caseops.api.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.domain.audit.AuditEntry;

/**
 * An audit entry as the log serves it: {@code id}, {@code dateTime} (UTC), {@code method}, {@code
 * path}, {@code status}, {@code requestId}, {@code clientRequestId}, {@code caseId} (null when the
 * path names no case) and {@code actor} as an identitySet.
 */
public final class AuditEntryJson {
  public static final String TYPE = "caseops.auditEntry";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "dateTime",
          "method",
          "path",
          "status",
          "requestId",
          "clientRequestId",
          "caseId",
          "actor");

  private AuditEntryJson() {}

  /** An entry as an item of the log's collection. */
  public static JsonObject item(AuditEntry entry) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("id", entry.getId());
    GraphJson.addTimestamp(json, "dateTime", entry.getAt());
    json.add("method", entry.getMethod())
        .add("path", entry.getPath())
        .add("status", entry.getStatus());
    GraphJson.addString(json, "requestId", entry.getRequestId());
    GraphJson.addString(json, "clientRequestId", entry.getClientRequestId());
    GraphJson.addString(json, "caseId", entry.getCaseId());
    return json.add("actor", GraphJson.identitySet(entry.getActor())).build();
  }
}
