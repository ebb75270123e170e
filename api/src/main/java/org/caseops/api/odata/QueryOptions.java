package org.caseops.api.odata;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.odata.filter.FilterParser;
import org.caseops.api.odata.filter.FilterTranslator;
import org.caseops.api.odata.filter.OrderByParser;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * The OData system query options the API supports: {@code $top} (page size, default {@link
 * #defaultPageSize()}, capped at {@value #MAX_PAGE_SIZE}), {@code $skip}, {@code $skiptoken} (from
 * {@code @odata.nextLink}), {@code $count} ({@code @odata.count} is always written), {@code
 * $select} (top-level properties) and, on collections that have a {@link PropertyTable}, {@code
 * $filter} and {@code $orderby}. Any other {@code $}-option is refused with 400 {@code
 * notSupported}, so that a client never mistakes an unfiltered answer for a filtered one. Option
 * names are matched without regard to case.
 *
 * <p>Server-driven paging: {@code @odata.nextLink} is the request URL with its other options kept
 * as sent and {@code $skip} replaced by an opaque {@code $skiptoken}: base64url of the next offset
 * and a hash of that offset and of the other query options. A token that was altered, or sent with
 * other options than the ones it was made for, is refused with 400 {@code badRequest}.
 */
public final class QueryOptions {
  /** The page size when {@code caseops.page.size} / {@code CASEOPS_PAGE_SIZE} is not set. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  public static final int MAX_PAGE_SIZE = CaseopsConfig.MAX_PAGE_SIZE;
  public static final String PAGE_SIZE_PROPERTY = CaseopsConfig.PAGE_SIZE.name();

  private static final Set<String> SUPPORTED =
      Set.of("$top", "$skip", "$skiptoken", "$count", "$select");
  private static final Set<String> COLLECTION_ONLY = Set.of("$filter", "$orderby");
  private static final int TOKEN_HASH_BYTES = 12;

  private final Integer top;
  private final int skip;
  private final Set<String> select;
  private final ListQuery.Condition filter;
  private final List<ListQuery.OrderKey> order;
  private final String canonical;

  private QueryOptions(
      Integer top,
      int skip,
      Set<String> select,
      ListQuery.Condition filter,
      List<ListQuery.OrderKey> order,
      String canonical) {
    this.top = top;
    this.skip = skip;
    this.select = select;
    this.filter = filter;
    this.order = order;
    this.canonical = canonical;
  }

  public static QueryOptions none() {
    return new QueryOptions(null, 0, Set.of(), null, List.of(), "");
  }

  /**
   * Parses the decoded query parameters of a request to a resource without {@code $filter} or
   * {@code $orderby}.
   */
  public static QueryOptions parse(Map<String, List<String>> parameters) {
    return parse(parameters, null, false);
  }

  /**
   * Parses the decoded query parameters of a request to a collection whose {@code $filter} and
   * {@code $orderby} may use the properties of {@code table}.
   *
   * @param includeUnknownMembers whether the request carries {@code Prefer:
   *     include-unknown-enum-members}
   */
  public static QueryOptions parse(
      Map<String, List<String>> parameters, PropertyTable table, boolean includeUnknownMembers) {
    Integer top = null;
    Integer skip = null;
    String skipToken = null;
    Set<String> select = Set.of();
    ListQuery.Condition filter = null;
    List<ListQuery.OrderKey> order = List.of();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      String name = entry.getKey();
      if (name == null || !name.startsWith("$")) {
        continue;
      }
      String option = name.toLowerCase(Locale.ROOT);
      if (!SUPPORTED.contains(option) && !(table != null && COLLECTION_ONLY.contains(option))) {
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
        case "$skiptoken" -> skipToken = value;
        case "$count" -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ApiException.badRequest("The query option '$count' must be true or false.");
          }
        }
        case "$filter" ->
            filter =
                FilterTranslator.translate(FilterParser.parse(value), table, includeUnknownMembers);
        case "$orderby" -> {
          if (value.isEmpty()) {
            throw ApiException.badRequest("The query option '$orderby' is empty.");
          }
          order = OrderByParser.parse(value, table);
        }
        default -> select = selection(value);
      }
    }
    String canonical = canonical(parameters);
    int offset = skip == null ? 0 : skip;
    if (skipToken != null) {
      if (skip != null) {
        throw ApiException.badRequest(
            "The query options '$skip' and '$skiptoken' cannot be used together.");
      }
      offset = offsetOf(skipToken, canonical);
    }
    return new QueryOptions(top, offset, select, filter, order, canonical);
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
        "The query option '"
            + option
            + "' must be a non-negative integer, not '"
            + GraphError.clip(value)
            + "'.");
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

  /** The page size without {@code $top}: the setting {@code caseops.page.size}. */
  public static int defaultPageSize() {
    return CaseopsConfig.current().pageSize();
  }

  /** The number of items a page holds: {@code $top}, capped, or the default. */
  public int pageSize() {
    return top == null ? defaultPageSize() : Math.min(top, MAX_PAGE_SIZE);
  }

  /** The offset of the page: from {@code $skiptoken}, else {@code $skip}, else 0. */
  public int skip() {
    return skip;
  }

  /** The {@code $filter} as a repository condition; {@code null} without one. */
  public ListQuery.Condition filter() {
    return filter;
  }

  /** The page the options ask for, as a repository query. */
  public ListQuery listQuery() {
    return new ListQuery(filter, order, skip, pageSize());
  }

  /**
   * The {@code @odata.nextLink} after a page of {@code returned} items out of {@code total}, or
   * {@code null} when the page is the last.
   */
  public String nextLinkAfter(URI requestUri, int returned, long total) {
    OptionalInt next = nextSkip(returned, total);
    return next.isPresent() ? nextLink(requestUri, next.getAsInt()) : null;
  }

  /**
   * The collection body for a page of {@code total} items: each item of {@code page} mapped to JSON
   * by {@code item} and cut to the {@code $select}, under {@code context}, with the
   * {@code @odata.nextLink} after the page of {@code requestUri} when more items remain.
   */
  public <T> JsonObject collection(
      String context,
      List<T> page,
      long total,
      Function<? super T, JsonObject> item,
      URI requestUri) {
    List<JsonObject> items = page.stream().map(x -> project(item.apply(x))).toList();
    return CollectionJson.of(context, total, items, nextLinkAfter(requestUri, page.size(), total));
  }

  /**
   * The 200 response for a page of {@code total} items of the collection at {@code fragment}, the
   * part of its context after {@code $metadata#}: the body {@link #collection(String, List, long,
   * Function, URI)} writes for the request {@code uri} under the service {@code version}.
   */
  public <T> Response collectionResponse(
      UriInfo uri,
      String version,
      String fragment,
      List<T> page,
      long total,
      Function<? super T, JsonObject> item) {
    String context = ServiceRoot.of(uri.getBaseUri(), version).context(fragment);
    return JsonResponses.ok(collection(context, page, total, item, uri.getRequestUri()));
  }

  /**
   * The offset of the next page, when items remain after a page of {@code returned} items out of
   * {@code total}.
   */
  OptionalInt nextSkip(int returned, long total) {
    if (returned == 0 || pageSize() == 0 || (long) skip + returned >= total) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(skip + returned);
  }

  /**
   * The {@code @odata.nextLink}: the request URI with its other query parameters kept as they were,
   * and {@code $skip} or {@code $skiptoken} replaced by a {@code $skiptoken} for {@code nextSkip}.
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
        String decodedName = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        String name = decodedName.toLowerCase(Locale.ROOT);
        if (!name.equals("$skip") && !name.equals("$skiptoken")) {
          // A system query option is written as Graph writes it ($top, not %24top), whatever the
          // client sent.
          boolean option =
              name.startsWith("$") && name.chars().skip(1).allMatch(Character::isLetter);
          kept.add(option ? decodedName + parameter.substring(rawName.length()) : parameter);
        }
      }
    }
    kept.add("$skiptoken=" + token(nextSkip, canonical));
    String uri = requestUri.toString();
    int query = uri.indexOf('?');
    String withoutQuery = query < 0 ? uri : uri.substring(0, query);
    return withoutQuery + "?" + String.join("&", kept);
  }

  /** The query parameters other than {@code $skip} and {@code $skiptoken}, in a stable form. */
  private static String canonical(Map<String, List<String>> parameters) {
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    parameters.forEach(
        (name, values) -> {
          String key =
              name != null && name.startsWith("$")
                  ? name.toLowerCase(Locale.ROOT)
                  : String.valueOf(name);
          if (!key.equals("$skip") && !key.equals("$skiptoken")) {
            sorted
                .computeIfAbsent(key, k -> new ArrayList<>())
                .addAll(values == null ? List.of() : values);
          }
        });
    StringBuilder text = new StringBuilder();
    sorted.forEach(
        (name, values) -> {
          for (String value : values) {
            text.append(name.length()).append(':').append(name).append('=');
            String v = value == null ? "" : value.trim();
            text.append(v.length()).append(':').append(v).append('\n');
          }
        });
    return text.toString();
  }

  /**
   * A skiptoken: the offset (8 bytes) and the start of the SHA-256 of the offset and the other
   * options.
   */
  static String token(int offset, String canonical) {
    ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES + TOKEN_HASH_BYTES);
    bytes.putLong(offset).put(hash(offset, canonical));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  private static int offsetOf(String token, String canonical) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      if (bytes.length == Long.BYTES + TOKEN_HASH_BYTES) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long offset = buffer.getLong();
        byte[] hash = new byte[TOKEN_HASH_BYTES];
        buffer.get(hash);
        if (offset >= 0
            && offset <= Integer.MAX_VALUE
            && MessageDigest.isEqual(hash, hash((int) offset, canonical))) {
          return (int) offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw ApiException.badRequest(
        "The query option '$skiptoken' is not valid for this request: follow '@odata.nextLink' as it was given.");
  }

  private static byte[] hash(int offset, String canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((offset + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(sha.digest(), TOKEN_HASH_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** Refuses a {@code $select} that names something other than the type's properties. */
  public void checkSelect(Collection<String> properties, String typeName) {
    for (String name : select) {
      if (!properties.contains(name)) {
        throw ApiException.invalidRequest(
            "The query option '$select' names '"
                + GraphError.clip(name)
                + "', which is not a property of type '"
                + typeName
                + "'.");
      }
    }
  }

  /**
   * The entity with only the selected properties (plus {@code id} and annotations); all of it
   * without {@code $select}.
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
