package org.caseops.api.odata;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;

/**
 * The OData system query options the API supports: {@code $top} (page size, default {@value #DEFAULT_PAGE_SIZE},
 * capped at {@value #MAX_PAGE_SIZE}), {@code $skip}, {@code $count} ({@code @odata.count} is always written) and
 * {@code $select} (top-level properties). Any other {@code $}-option is refused with 400 {@code notSupported}, so that
 * a client never mistakes an unfiltered answer for a filtered one. Option names are matched without regard to case.
 */
public final class QueryOptions {
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;

  private static final Set<String> SUPPORTED = Set.of("$top", "$skip", "$count", "$select");

  private final Integer top;
  private final int skip;
  private final Set<String> select;

  private QueryOptions(Integer top, int skip, Set<String> select) {
    this.top = top;
    this.skip = skip;
    this.select = select;
  }

  public static QueryOptions none() {
    return new QueryOptions(null, 0, Set.of());
  }

  /** Parses the decoded query parameters of a request. */
  public static QueryOptions parse(Map<String, List<String>> parameters) {
    Integer top = null;
    int skip = 0;
    Set<String> select = Set.of();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      String name = entry.getKey();
      if (name == null || !name.startsWith("$")) {
        continue;
      }
      String option = name.toLowerCase(Locale.ROOT);
      if (!SUPPORTED.contains(option)) {
        throw ApiException.notSupported(
            "The query option '" + GraphError.clip(name) + "' is not supported by this resource.");
      }
      List<String> values = entry.getValue();
      if (!seen.add(option) || values.size() > 1) {
        throw ApiException.badRequest("The query option '" + option + "' is given more than once.");
      }
      String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
      switch (option) {
        case "$top" -> top = nonNegative(option, value);
        case "$skip" -> skip = nonNegative(option, value);
        case "$count" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ApiException.badRequest("The query option '$count' must be true or false.");
          }
        }
        default -> select = selection(value);
      }
    }
    return new QueryOptions(top, skip, select);
  }

  private static int nonNegative(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badRequest(
        "The query option '" + option + "' must be a non-negative integer, not '" + GraphError.clip(value) + "'.");
  }

  private static Set<String> selection(String value) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty()) {
        throw ApiException.badRequest("The query option '$select' has an empty property name.");
      }
      if (name.equals("*")) {
        return Set.of();
      }
      names.add(name);
    }
    return names;
  }

  /** The number of items a page holds: {@code $top}, capped, or the default. */
  public int pageSize() {
    return top == null ? DEFAULT_PAGE_SIZE : Math.min(top, MAX_PAGE_SIZE);
  }

  public int skip() {
    return skip;
  }

  /**
   * The {@code @odata.nextLink} after a page of {@code returned} items out of {@code total}, or {@code null} when the
   * page is the last.
   */
  public String nextLinkAfter(URI requestUri, int returned, long total) {
    OptionalInt next = nextSkip(returned, total);
    return next.isPresent() ? nextLink(requestUri, next.getAsInt()) : null;
  }

  /**
   * The {@code $skip} of the next page, when items remain after a page of {@code returned} items out of {@code
   * total}.
   */
  OptionalInt nextSkip(int returned, long total) {
    if (returned == 0 || pageSize() == 0 || (long) skip + returned >= total) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(skip + returned);
  }

  /**
   * The {@code @odata.nextLink}: the request URI with its other query parameters kept as they were, {@code $top} kept
   * when given, and {@code $skip} set to {@code nextSkip}.
   */
  String nextLink(URI requestUri, int nextSkip) {
    List<String> kept = new ArrayList<>();
    if (requestUri.getRawQuery() != null) {
      for (String parameter : requestUri.getRawQuery().split("&")) {
        if (parameter.isEmpty()) {
          continue;
        }
        int equals = parameter.indexOf('=');
        String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
        String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (!name.equals("$top") && !name.equals("$skip")) {
          kept.add(parameter);
        }
      }
    }
    if (top != null) {
      kept.add("$top=" + top);
    }
    kept.add("$skip=" + nextSkip);
    String uri = requestUri.toString();
    int query = uri.indexOf('?');
    String withoutQuery = query < 0 ? uri : uri.substring(0, query);
    return withoutQuery + "?" + String.join("&", kept);
  }

  /** Refuses a {@code $select} that names something other than the type's properties. */
  public void checkSelect(Collection<String> properties, String typeName) {
    for (String name : select) {
      if (!properties.contains(name)) {
        throw ApiException.invalidRequest(
            "The query option '$select' names '" + GraphError.clip(name) + "', which is not a property of type '"
                + typeName + "'.");
      }
    }
  }

  /**
   * The entity with only the selected properties (plus {@code id} and annotations); all of it without {@code
   * $select}.
   */
  public JsonObject project(JsonObject entity) {
    if (select.isEmpty()) {
      return entity;
    }
    JsonObjectBuilder projected = Json.createObjectBuilder();
    entity.forEach(
        (name, value) -> {
          if (name.startsWith("@") || name.equals("id") || select.contains(name)) {
            projected.add(name, value);
          }
        });
    return projected.build();
  }
}
