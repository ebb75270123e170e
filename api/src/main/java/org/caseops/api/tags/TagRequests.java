package org.caseops.api.tags;

import jakarta.json.JsonObject;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.Refs;
import org.caseops.domain.reviewsets.ChildSelectability;

/**
 * Bodies of {@code POST} and {@code PATCH} on review tags. Writable: displayName (required on
 * create, not null, at most 256 characters), description (at most 4000, null clears it),
 * childSelectability ({@code One} or {@code Many}, as Graph spells them; {@code Many} when absent).
 * On create only, the parent, as {@code "parent": {"id": ...}} or {@code "parent@odata.bind":
 * ".../tags/{id}"}; a tag's parent cannot change. Server-owned properties are ignored; anything
 * else is refused.
 */
public final class TagRequests {
  static final int MAX_DISPLAY_NAME = 256;
  static final int MAX_DESCRIPTION = 4000;

  private TagRequests() {}

  /** {@code parentId} is the raw id as given, not checked yet; null for a top-level tag. */
  public record NewTag(
      String displayName,
      String description,
      ChildSelectability childSelectability,
      String parentId) {}

  /**
   * null displayName and childSelectability mean unchanged; the description changes only when
   * given.
   */
  public record TagChanges(
      String displayName,
      boolean descriptionGiven,
      String description,
      ChildSelectability childSelectability) {}

  public static NewTag parseNew(JsonObject json) {
    JsonBody body = start(json);
    String displayName = body.requiredString("displayName", MAX_DISPLAY_NAME).trim();
    String description = body.optionalString("description", MAX_DESCRIPTION);
    ChildSelectability selectability = selectability(body.nonNullString("childSelectability", 16));
    String parent = Refs.id(body, "parent", "tags");
    body.rejectUnknown();
    return new NewTag(displayName, description, selectability, parent);
  }

  public static TagChanges parseChanges(JsonObject json) {
    JsonBody body = start(json);
    if (body.has("parent") || body.has("parent" + Refs.BIND)) {
      throw ApiException.invalidRequest("The parent of a review tag cannot be changed.");
    }
    String displayName = body.nonNullString("displayName", MAX_DISPLAY_NAME);
    boolean descriptionGiven = body.has("description");
    String description = body.optionalString("description", MAX_DESCRIPTION);
    ChildSelectability selectability = selectability(body.nonNullString("childSelectability", 16));
    body.rejectUnknown();
    return new TagChanges(
        displayName == null ? null : displayName.trim(),
        descriptionGiven,
        description,
        selectability);
  }

  private static ChildSelectability selectability(String value) {
    if (value == null) {
      return null;
    }
    for (ChildSelectability member : ChildSelectability.values()) {
      if (member.name().equals(value)) {
        return member;
      }
    }
    throw ApiException.invalidRequest(
        "'"
            + GraphError.clip(value)
            + "' is not a valid value of 'childSelectability'. Valid values: One, Many.");
  }

  private static JsonBody start(JsonObject json) {
    JsonBody body = JsonBody.of(json, TagJson.TYPE);
    body.expectType(TagJson.TYPE);
    body.ignore("id", "createdBy", "createdDateTime", "lastModifiedDateTime", "childTags");
    return body;
  }
}
