package org.caseops.api.cases;

import jakarta.json.JsonObject;
import org.caseops.api.odata.JsonBody;
import org.caseops.domain.cases.EdiscoveryCase;

/**
 * Bodies of {@code POST} and {@code PATCH} on ediscoveryCases. Writable: displayName (required on
 * create, not null, at most 256 characters), description (at most 4000, null clears it), externalId
 * (at most 256, null clears it). {@code status} is refused as read-only; the other server-owned
 * properties (id, timestamps, createdBy, lastModifiedBy, closedBy) are ignored; anything else is
 * refused.
 */
public final class CaseRequests {
  static final String[] IGNORED = {
    "id",
    "createdDateTime",
    "lastModifiedDateTime",
    "closedDateTime",
    "createdBy",
    "lastModifiedBy",
    "closedBy"
  };
  static final int MAX_EXTERNAL_ID = 256;

  private CaseRequests() {}

  /** What a client gives to open a case. */
  public record NewCase(String displayName, String description, String externalId) {}

  /**
   * What a client changes: {@code displayName} null means unchanged; description and externalId
   * change only when given (possibly to null).
   */
  public record CaseChanges(
      String displayName,
      boolean descriptionGiven,
      String description,
      boolean externalIdGiven,
      String externalId) {}

  public static NewCase parseNew(JsonObject json) {
    JsonBody body = start(json);
    String displayName = body.requiredString("displayName", EdiscoveryCase.MAX_DISPLAY_NAME);
    String description = body.optionalString("description", EdiscoveryCase.MAX_DESCRIPTION);
    String externalId = body.optionalString("externalId", MAX_EXTERNAL_ID);
    body.rejectUnknown();
    return new NewCase(displayName, description, externalId);
  }

  public static CaseChanges parseChanges(JsonObject json) {
    JsonBody body = start(json);
    String displayName = body.nonNullString("displayName", EdiscoveryCase.MAX_DISPLAY_NAME);
    boolean descriptionGiven = body.has("description");
    String description = body.optionalString("description", EdiscoveryCase.MAX_DESCRIPTION);
    boolean externalIdGiven = body.has("externalId");
    String externalId = body.optionalString("externalId", MAX_EXTERNAL_ID);
    body.rejectUnknown();
    return new CaseChanges(displayName, descriptionGiven, description, externalIdGiven, externalId);
  }

  private static JsonBody start(JsonObject json) {
    JsonBody body = JsonBody.of(json, CaseJson.TYPE);
    body.expectType(CaseJson.TYPE);
    body.readOnly("status");
    body.ignore(IGNORED);
    return body;
  }
}
