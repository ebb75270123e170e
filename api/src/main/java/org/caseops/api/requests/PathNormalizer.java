package org.caseops.api.requests;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;

/**
 * Rewrites the path forms Graph clients use into the one form the resources match:
 *
 * <ul>
 *   <li>OData key syntax: {@code ediscoveryCases('id')}, {@code ediscoveryCases(id)}, {@code
 *       ediscoveryCases(id='id')} and their percent-encoded quotes become {@code
 *       ediscoveryCases/id};
 *   <li>known segments in any letter case ({@code ediscoverycases}, {@code V1.0}) become their
 *       canonical spelling;
 *   <li>namespace-qualified segments, as Kiota SDKs write actions ({@code
 *       microsoft.graph.security.estimateStatistics}) and as caseops names its additions ({@code
 *       caseops.itemStatistics}), lose their namespace;
 *   <li>a call of a function without parameters loses its empty parentheses ({@code
 *       asHierarchy()});
 *   <li>one trailing slash is dropped.
 * </ul>
 *
 * Paths are handled in their raw (percent-encoded) form, and anything not recognised is left as it
 * is.
 */
public final class PathNormalizer {
  private static final List<String> KNOWN_SEGMENTS =
      List.of(
          "v1.0",
          "beta",
          "security",
          "cases",
          "ediscoveryCases",
          "custodians",
          "userSources",
          "siteSources",
          "site",
          "operations",
          "cancel",
          "cleanUp",
          "events",
          "retry",
          "lastIndexOperation",
          "itemStatistics",
          "searches",
          "custodianSources",
          "additionalSources",
          "lastEstimateStatisticsOperation",
          "reviewSets",
          "files",
          "content",
          "pdf",
          "queries",
          "tags",
          "childTags",
          "parent",
          "asHierarchy",
          "caseops",
          "auditLog",
          "health",
          "release",
          "activate",
          "noncustodialDataSources",
          "dataSource",
          "legalHolds",
          "lastSyncOperation",
          "close",
          "reopen",
          "failedItems");

  private static final Map<String, String> CANONICAL = new HashMap<>();

  static {
    for (String segment : KNOWN_SEGMENTS) {
      CANONICAL.put(segment.toLowerCase(Locale.ROOT), segment);
    }
    // The last segment of every action endpoint (estimateStatistics, addToReviewSet, applyTags,
    // ...).
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      for (ActionEndpoint endpoint : descriptor.endpoints()) {
        String name = endpoint.path().substring(endpoint.path().lastIndexOf('/') + 1);
        CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
      }
    }
    CANONICAL.put("caseops.itemstatistics", "itemStatistics");
    CANONICAL.put("caseops.execution", "execution");
    CANONICAL.put("execution", "execution");
    CANONICAL.put("caseops.restore", "restore");
    CANONICAL.put("restore", "restore");
    CANONICAL.put("ashierarchy()", "asHierarchy");
    CANONICAL.put("ashierarchy%28%29", "asHierarchy");
  }

  private static final Pattern KEY_SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9._]*)\\((.+)\\)");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9._~%-]+");

  private PathNormalizer() {}

  /** The canonical form of a raw path, relative to the application or absolute. */
  public static String normalize(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
      return rawPath;
    }
    boolean leadingSlash = rawPath.startsWith("/");
    String body = leadingSlash ? rawPath.substring(1) : rawPath;
    if (body.endsWith("/")) {
      body = body.substring(0, body.length() - 1);
    }
    StringBuilder out = new StringBuilder(rawPath.length());
    if (leadingSlash) {
      out.append('/');
    }
    String[] segments = body.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(normalizeSegment(segments[i]));
    }
    return out.toString();
  }

  private static String normalizeSegment(String segment) {
    Matcher key = KEY_SEGMENT.matcher(decodeKeyPunctuation(segment));
    if (key.matches()) {
      String keyValue = keyValue(key.group(2));
      if (keyValue != null) {
        return canonical(key.group(1)) + "/" + keyValue;
      }
    }
    return canonical(segment);
  }

  private static final String GRAPH_NAMESPACE = "microsoft.graph.security.";

  private static String canonical(String segment) {
    String known = CANONICAL.get(segment.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    if (segment.length() > GRAPH_NAMESPACE.length()
        && segment.regionMatches(true, 0, GRAPH_NAMESPACE, 0, GRAPH_NAMESPACE.length())) {
      String name = segment.substring(GRAPH_NAMESPACE.length());
      String knownName = CANONICAL.get(name.toLowerCase(Locale.ROOT));
      return knownName == null ? name : knownName;
    }
    return segment;
  }

  /**
   * The key inside the parentheses, as a raw path segment; {@code null} if it is not a key literal.
   */
  private static String keyValue(String literal) {
    String value = literal;
    if (value.regionMatches(true, 0, "id=", 0, 3)) {
      value = value.substring(3);
    }
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      String inner = value.substring(1, value.length() - 1).replace("''", "'");
      if (inner.isEmpty()
          || inner.indexOf('\'') >= 0
          || inner.indexOf('(') >= 0
          || inner.indexOf(')') >= 0) {
        return null;
      }
      return inner;
    }
    return PLAIN_KEY.matcher(value).matches() ? value : null;
  }

  /** Decodes the percent-encoded quote and parentheses that some clients send in key segments. */
  private static String decodeKeyPunctuation(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    return segment.replaceAll("(?i)%27", "'").replaceAll("(?i)%28", "(").replaceAll("(?i)%29", ")");
  }

  /**
   * The request URI with its path (after the application's base path) normalised, keeping the query
   * as it is; empty when nothing changes.
   */
  public static Optional<URI> rewrite(URI baseUri, URI requestUri) {
    String basePath =
        baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty() ? "/" : baseUri.getRawPath();
    if (!basePath.endsWith("/")) {
      basePath = basePath + "/";
    }
    String path = requestUri.getRawPath();
    if (path == null || !path.startsWith(basePath)) {
      return Optional.empty();
    }
    String relative = path.substring(basePath.length());
    String normalized = normalize(relative);
    if (normalized.equals(relative)) {
      return Optional.empty();
    }
    StringBuilder uri = new StringBuilder();
    if (requestUri.getScheme() != null) {
      uri.append(requestUri.getScheme()).append("://").append(requestUri.getRawAuthority());
    }
    uri.append(basePath).append(normalized);
    if (requestUri.getRawQuery() != null) {
      uri.append('?').append(requestUri.getRawQuery());
    }
    return Optional.of(URI.create(uri.toString()));
  }
}
