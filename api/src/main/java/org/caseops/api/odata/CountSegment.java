package org.caseops.api.odata;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorResponses;

/**
 * The OData {@code /$count} segment of every collection, as Graph serves it and as the SDKs' {@code
 * count} request builders ask for it ({@code GET .../operations/$count} with {@code Accept:
 * text/plain}): 200 {@code text/plain} with the number of items that match the request's {@code
 * $filter} (paging options do not change it).
 *
 * <p>Done once for every collection: before the resources are matched, the segment is taken off the
 * path, the request is marked and asks for JSON, so the collection's own GET answers it; {@link
 * GraphRequest#collection} then counts without listing a page, and any other collection's JSON (its
 * {@code @odata.count}) is turned into the number on the way out. A {@code $count} after something
 * that is not a collection is a 400 {@code badRequest}; errors stay Graph's JSON errors.
 */
@Provider
@PreMatching
@Priority(210)
public class CountSegment implements ContainerRequestFilter, ContainerResponseFilter {
  /** The request property (a servlet request attribute) that marks a {@code $count} request. */
  public static final String PROPERTY = CountSegment.class.getName();

  public static final MediaType TEXT_PLAIN = MediaType.TEXT_PLAIN_TYPE;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HttpMethod.GET.equals(request.getMethod())
        && !HttpMethod.HEAD.equals(request.getMethod())) {
      return;
    }
    withoutCountSegment(request.getUriInfo().getRequestUri())
        .ifPresent(
            uri -> {
              request.setRequestUri(uri);
              request.setProperty(PROPERTY, Boolean.TRUE);
              request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            });
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!Boolean.TRUE.equals(request.getProperty(PROPERTY))
        || response.getStatus() != 200
        || TEXT_PLAIN.isCompatible(response.getMediaType())) {
      return;
    }
    Optional<Long> count = countOf(response.getEntity());
    if (count.isPresent()) {
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      response.setEntity(Long.toString(count.get()), null, TEXT_PLAIN);
      return;
    }
    ApiException refusal =
        ApiException.badRequest(
            "The $count segment follows a collection only; '"
                + request.getUriInfo().getPath()
                + "' is not a collection.");
    Response error =
        ErrorResponses.builder(servletRequest, refusal.status(), refusal.toGraphError()).build();
    response.setStatus(error.getStatus());
    response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    response.setEntity(error.getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
  }

  /** Whether the request is a {@code $count} request, as marked by this filter. */
  static boolean requested(HttpServletRequest request) {
    return request != null && Boolean.TRUE.equals(request.getAttribute(PROPERTY));
  }

  /** The {@code 200 text/plain} answer to a {@code $count} request. */
  static Response answer(long count) {
    return Response.ok(Long.toString(count), TEXT_PLAIN).build();
  }

  /**
   * The request URI without its last path segment when that is {@code $count} (written as is or
   * percent-encoded, in any letter case); empty otherwise.
   */
  static Optional<URI> withoutCountSegment(URI requestUri) {
    String path = requestUri.getRawPath();
    if (path == null) {
      return Optional.empty();
    }
    int slash = path.lastIndexOf('/');
    String last = path.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (slash <= 0 || !(last.equals("$count") || last.equals("%24count"))) {
      return Optional.empty();
    }
    StringBuilder uri = new StringBuilder();
    if (requestUri.getScheme() != null) {
      uri.append(requestUri.getScheme()).append("://").append(requestUri.getRawAuthority());
    }
    uri.append(path, 0, slash);
    if (requestUri.getRawQuery() != null) {
      uri.append('?').append(requestUri.getRawQuery());
    }
    return Optional.of(URI.create(uri.toString()));
  }

  /** The {@code @odata.count} of a collection's JSON text; empty for anything else. */
  static Optional<Long> countOf(Object entity) {
    if (!(entity instanceof String text)) {
      return Optional.empty();
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject json
          && json.get("value") instanceof jakarta.json.JsonArray
          && json.get("@odata.count") instanceof JsonNumber number) {
        return Optional.of(number.longValue());
      }
      return Optional.empty();
    } catch (JsonException e) {
      return Optional.empty();
    }
  }
}
