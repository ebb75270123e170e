package org.caseops.api.odata;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.requests.PathNormalizer;

/**
 * Entity references in request bodies, as Graph clients write them: a navigation property holding
 * the entity with at least its id ({@code "search": {"id": "..."}}), or an OData bind annotation
 * holding the entity's URL ({@code "search@odata.bind": "https://.../searches/{id}"}, absolute or
 * relative, in either key syntax). Only the id is taken; whether it names anything is for the
 * caller to check.
 */
public final class Refs {
  public static final String BIND = "@odata.bind";

  private Refs() {}

  /**
   * The raw id of a single reference given as {@code name} or {@code name@odata.bind}, or {@code
   * null} when neither is there. {@code segment} is the collection the bound URL must point into
   * (e.g. {@code searches}).
   */
  public static String id(JsonBody body, String name, String segment) {
    JsonValue inline = body.value(name);
    JsonValue bound = body.value(name + BIND);
    boolean hasInline = inline != null && inline.getValueType() != JsonValue.ValueType.NULL;
    boolean hasBound = bound != null && bound.getValueType() != JsonValue.ValueType.NULL;
    if (hasInline && hasBound) {
      throw ApiException.invalidRequest(
          "Give '" + name + "' once: either '" + name + "' or '" + name + BIND + "'.");
    }
    if (hasInline) {
      return inlineId(name, inline);
    }
    if (hasBound) {
      if (!(bound instanceof JsonString url)) {
        throw ApiException.invalidRequest(
            "The property '"
                + name
                + BIND
                + "' must be a URL string, not "
                + JsonBody.describe(bound)
                + ".");
      }
      return idFromUrl(name + BIND, url.getString(), segment);
    }
    return null;
  }

  /**
   * The raw ids of a collection of references {@code [{"id": ...}, ...]}; empty when absent or
   * null.
   */
  public static List<String> ids(JsonBody body, String name) {
    JsonValue value = body.value(name);
    List<String> ids = new ArrayList<>();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return ids;
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalidRequest(
          "The property '"
              + name
              + "' must be an array of {\"id\": ...} objects, not "
              + JsonBody.describe(value)
              + ".");
    }
    for (JsonValue element : array) {
      String id = inlineId(name, element);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The strings of an array property of plain ids (e.g. the {@code ids} of a bulk {@code
   * applyHold}), each once, in order; empty when absent or null.
   */
  public static List<String> strings(JsonBody body, String name, int max) {
    JsonValue value = body.value(name);
    List<String> strings = new ArrayList<>();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return strings;
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalidRequest(
          "The property '"
              + name
              + "' must be an array of id strings, not "
              + JsonBody.describe(value)
              + ".");
    }
    if (array.size() > max) {
      throw ApiException.invalidRequest(
          "The property '"
              + name
              + "' holds "
              + array.size()
              + " ids; give at most "
              + max
              + " at a time.");
    }
    for (JsonValue element : array) {
      if (!(element instanceof JsonString string) || string.getString().isBlank()) {
        throw ApiException.invalidRequest(
            "The property '"
                + name
                + "' must hold id strings only, not "
                + JsonBody.describe(element)
                + ".");
      }
      if (!strings.contains(string.getString())) {
        strings.add(string.getString());
      }
    }
    return strings;
  }

  /**
   * The strings of an array property of URLs (e.g. {@code custodianSources@odata.bind}); empty when
   * absent.
   */
  public static List<String> urls(JsonBody body, String name) {
    JsonValue value = body.value(name);
    List<String> urls = new ArrayList<>();
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return urls;
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.invalidRequest(
          "The property '"
              + name
              + "' must be an array of URL strings, not "
              + JsonBody.describe(value)
              + ".");
    }
    for (JsonValue element : array) {
      if (!(element instanceof JsonString url)) {
        throw ApiException.invalidRequest(
            "The property '"
                + name
                + "' must hold URL strings, not "
                + JsonBody.describe(element)
                + ".");
      }
      urls.add(url.getString());
    }
    return urls;
  }

  private static String inlineId(String name, JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      throw ApiException.invalidRequest(
          "The property '"
              + name
              + "' must be an object with an 'id', not "
              + JsonBody.describe(value)
              + ".");
    }
    JsonValue id = object.get("id");
    if (!(id instanceof JsonString text) || text.getString().isBlank()) {
      throw ApiException.invalidRequest("The property '" + name + "' must have a string 'id'.");
    }
    return text.getString().trim();
  }

  /**
   * The path segments of a resource URL, absolute or relative to the service root, normalised (key
   * syntax, letter case of known segments) and without the version segment and anything before it.
   */
  public static List<String> segments(String property, String url) {
    String path;
    try {
      URI uri = new URI(url.trim());
      path = uri.getRawPath();
    } catch (Exception e) {
      throw ApiException.invalidRequest(
          "The '" + property + "' value '" + GraphError.clip(url) + "' is not a valid URL.");
    }
    if (path == null || path.isEmpty()) {
      throw ApiException.invalidRequest(
          "The '" + property + "' value '" + GraphError.clip(url) + "' has no path.");
    }
    String normalized = PathNormalizer.normalize(path);
    List<String> segments = new ArrayList<>();
    for (String segment : normalized.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.equals("v1.0") || segment.equals("beta")) {
        segments.clear();
        continue;
      }
      segments.add(java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8));
    }
    return segments;
  }

  private static String idFromUrl(String property, String url, String segment) {
    List<String> segments = segments(property, url);
    int n = segments.size();
    if (n < 2 || !segments.get(n - 2).equals(segment)) {
      throw ApiException.invalidRequest(
          "The '"
              + property
              + "' value '"
              + GraphError.clip(url)
              + "' is not the URL of an entity of '"
              + segment
              + "'.");
    }
    return segments.get(n - 1);
  }
}
