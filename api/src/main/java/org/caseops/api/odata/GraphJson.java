package org.caseops.api.odata;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.ResultInfo;

/**
 * How Graph writes values: UTC timestamps with {@code Z}, identitySets, resultInfo, explicit nulls.
 */
public final class GraphJson {
  /**
   * What Graph writes for some DateTimeOffset properties that have no value yet (an unfinished
   * operation's completedDateTime, a custodian's acknowledgedDateTime).
   */
  public static final String NO_DATE = "0001-01-01T00:00:00Z";

  private GraphJson() {}

  /**
   * ISO 8601 in UTC with {@code Z}, with as many fractional digits as the instant has (at most 9).
   */
  public static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  public static JsonObjectBuilder addString(JsonObjectBuilder json, String name, String value) {
    return value == null ? json.addNull(name) : json.add(name, value);
  }

  /** The timestamp, or {@code null} when there is none. */
  public static JsonObjectBuilder addTimestamp(JsonObjectBuilder json, String name, Instant value) {
    return value == null ? json.addNull(name) : json.add(name, timestamp(value));
  }

  /** The timestamp, or {@link #NO_DATE} when there is none. */
  public static JsonObjectBuilder addTimestampOrNoDate(
      JsonObjectBuilder json, String name, Instant value) {
    return json.add(name, value == null ? NO_DATE : timestamp(value));
  }

  /**
   * {@code {"user": {"id","displayName"} | null, "application": {"id","displayName"} | null}}, or
   * {@code null} when nobody is recorded.
   */
  public static JsonValue identitySet(IdentitySet identity) {
    if (identity == null || (!identity.hasUser() && !identity.hasApplication())) {
      return JsonValue.NULL;
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    json.add(
        "user",
        identity.hasUser()
            ? identity(identity.getUserId(), identity.getUserName())
            : JsonValue.NULL);
    json.add(
        "application",
        identity.hasApplication()
            ? identity(identity.getApplicationId(), identity.getApplicationName())
            : JsonValue.NULL);
    return json.build();
  }

  private static JsonValue identity(String id, String displayName) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    addString(json, "id", id);
    addString(json, "displayName", displayName);
    return json.build();
  }

  /** {@code {"code","message","subcode"}}, or {@code null} when there is no result to report. */
  public static JsonValue resultInfo(ResultInfo result) {
    if (result == null || result.isEmpty()) {
      return JsonValue.NULL;
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    if (result.getCode() == null) {
      json.addNull("code");
    } else {
      json.add("code", result.getCode());
    }
    addString(json, "message", result.getMessage());
    if (result.getSubcode() == null) {
      json.addNull("subcode");
    } else {
      json.add("subcode", result.getSubcode());
    }
    return json.build();
  }
}
