package org.caseops.api.holds;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.searches.ContentQueries;
import org.caseops.domain.holds.LegalHold;

/**
 * Bodies of {@code POST} and {@code PATCH} on legal holds. Writable: {@code displayName} (required
 * on create), {@code description}, {@code contentQuery} (KQL, checked by the parser: a bad query is
 * a 400 naming the problem and its position; blank is none, every item of the hold's sources),
 * {@code isEnabled} (true by default). {@code status} and {@code errors} are refused as read-only;
 * other server-owned properties are ignored; anything else is refused.
 */
public final class LegalHoldRequests {
  static final int MAX_NAME = 256;
  static final int MAX_DESCRIPTION = 4000;

  private LegalHoldRequests() {}

  /** A new hold. */
  public record NewLegalHold(
      String displayName, String description, String contentQuery, boolean enabled) {}

  /**
   * A change: each {@code has...} says whether the body gave the property ({@code null} values
   * clear description and contentQuery).
   */
  public record LegalHoldChange(
      String displayName,
      boolean hasDescription,
      String description,
      boolean hasContentQuery,
      String contentQuery,
      Boolean enabled) {}

  public static NewLegalHold parseCreate(JsonObject json) {
    JsonBody body = start(json);
    String name = body.requiredString("displayName", MAX_NAME);
    String description = body.optionalString("description", MAX_DESCRIPTION);
    String query = query(body);
    Boolean enabled = bool(body, "isEnabled");
    body.rejectUnknown();
    return new NewLegalHold(name, description, query, enabled == null || enabled);
  }

  public static LegalHoldChange parsePatch(JsonObject json) {
    JsonBody body = start(json);
    String name = body.has("displayName") ? body.nonNullString("displayName", MAX_NAME) : null;
    boolean describes = body.has("description");
    String description = body.optionalString("description", MAX_DESCRIPTION);
    boolean queries = body.has("contentQuery");
    String query = query(body);
    Boolean enabled = bool(body, "isEnabled");
    body.rejectUnknown();
    return new LegalHoldChange(name, describes, description, queries, query, enabled);
  }

  private static JsonBody start(JsonObject json) {
    JsonBody body = JsonBody.of(json, LegalHoldJson.TYPE);
    body.expectType(LegalHoldJson.TYPE);
    body.readOnly("status", "errors");
    body.ignore("id", "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime");
    return body;
  }

  private static String query(JsonBody body) {
    String query = body.optionalString("contentQuery", LegalHold.MAX_QUERY);
    if (query == null || query.isBlank()) {
      return null;
    }
    return ContentQueries.check("contentQuery", query, false);
  }

  private static Boolean bool(JsonBody body, String name) {
    JsonValue value = body.value(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    throw ApiException.invalidRequest(
        "The property '" + name + "' must be true or false, not " + JsonBody.describe(value) + ".");
  }
}
