package org.caseops.api.reviewsets;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.caseops.api.errors.ApiException;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.searches.ContentQueries;
import org.caseops.domain.reviewsets.ReviewSet;

/**
 * Bodies of {@code POST} on review sets and of {@code POST} and {@code PATCH} on review-set
 * queries.
 *
 * <ul>
 *   <li>review set: displayName (required, at most {@value ReviewSet#MAX_NAME} characters);
 *   <li>query: displayName (required on create, at most 256), contentQuery (KQL with {@code tag:},
 *       at most 8000; also accepted as {@code query}, the name Graph's property table uses, but not
 *       both).
 * </ul>
 *
 * Server-owned properties are ignored; anything else is refused.
 */
public final class ReviewSetRequests {
  static final int MAX_QUERY_NAME = 256;
  static final int MAX_QUERY = 8000;

  private ReviewSetRequests() {}

  public record NewQuery(String displayName, String contentQuery) {}

  /** null members mean unchanged. */
  public record QueryChanges(String displayName, String contentQuery) {}

  public static String parseNewReviewSet(JsonObject json) {
    JsonBody body = JsonBody.of(json, ReviewSetJson.TYPE);
    body.expectType(ReviewSetJson.TYPE);
    body.ignore("id", "createdDateTime", "createdBy");
    String displayName = body.requiredString("displayName", Integer.MAX_VALUE).trim();
    if (displayName.length() > ReviewSet.MAX_NAME) {
      throw ApiException.invalidRequest(
          "The property 'displayName' of a review set must be at most "
              + ReviewSet.MAX_NAME
              + " characters long.");
    }
    body.rejectUnknown();
    return displayName;
  }

  public static NewQuery parseNewQuery(JsonObject json) {
    JsonBody body = startQuery(json);
    String displayName = body.requiredString("displayName", MAX_QUERY_NAME);
    String query = query(body);
    body.rejectUnknown();
    return new NewQuery(displayName, query == null ? "" : query);
  }

  public static QueryChanges parseQueryChanges(JsonObject json) {
    JsonBody body = startQuery(json);
    String displayName = body.nonNullString("displayName", MAX_QUERY_NAME);
    String query = query(body);
    body.rejectUnknown();
    return new QueryChanges(displayName, query);
  }

  /**
   * The query given as contentQuery or query (null given counts as empty); null when neither is
   * there.
   */
  private static String query(JsonBody body) {
    boolean content = body.has("contentQuery");
    boolean plain = body.has("query");
    if (content && plain) {
      throw ApiException.invalidRequest("Give the query once, as 'contentQuery' or as 'query'.");
    }
    if (!content && !plain) {
      return null;
    }
    String name = content ? "contentQuery" : "query";
    JsonValue raw = body.json().get(name);
    String value =
        raw.getValueType() == JsonValue.ValueType.NULL ? "" : body.optionalString(name, MAX_QUERY);
    body.value(name);
    return ContentQueries.check(name, value == null ? "" : value, true);
  }

  private static JsonBody startQuery(JsonObject json) {
    JsonBody body = JsonBody.of(json, ReviewSetJson.QUERY_TYPE);
    body.expectType(ReviewSetJson.QUERY_TYPE);
    body.ignore("id", "createdDateTime", "createdBy", "lastModifiedDateTime", "lastModifiedBy");
    return body;
  }
}
