package org.caseops.api.odata;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.support.ListQuery;

/**
 * What nearly every resource method reads from its request, filled per request as a
 * {@code @BeanParam}: the service root version ({@code v1.0} or {@code beta}), the case id of the
 * URL (checked when it is asked for, so that a resource method keeps the order of its checks), the
 * request URI and the {@code Prefer: include-unknown-enum-members} preference; and, from them, the
 * service root, the query options and the answer to a collection request.
 */
public class GraphRequest {
  @PathParam("version")
  private String version;

  @PathParam("caseId")
  private String rawCaseId;

  @Context private UriInfo uri;

  @Context private HttpHeaders headers;

  @Context private HttpServletRequest servletRequest;

  /** An empty request, which JAX-RS fills. */
  public GraphRequest() {}

  /** A request with the given parts, for a resource reached without JAX-RS. */
  public GraphRequest(String version, String rawCaseId, UriInfo uri, HttpHeaders headers) {
    this.version = version;
    this.rawCaseId = rawCaseId;
    this.uri = uri;
    this.headers = headers;
  }

  /** The version segment of the URL: {@code v1.0} or {@code beta}. */
  public String version() {
    return version;
  }

  /**
   * The case id of the URL, checked and in lower case; 404 {@code itemNotFound} naming the case
   * when it is not a GUID (no case can have it).
   */
  public String caseId() {
    return Lookups.caseId(rawCaseId);
  }

  public UriInfo uri() {
    return uri;
  }

  /** Whether the request carries {@code Prefer: include-unknown-enum-members}. */
  public boolean includeUnknownEnumMembers() {
    return Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
  }

  /** The service root the request was made under. */
  public ServiceRoot root() {
    return ServiceRoot.of(uri.getBaseUri(), version);
  }

  /**
   * The query options of a request to a resource that is not a collection, checked for the query
   * options alone.
   */
  public QueryOptions options() {
    return QueryOptions.parse(uri.getQueryParameters());
  }

  /**
   * The query options of a request to one entity, with {@code $select} checked against the type's
   * properties.
   */
  public QueryOptions options(Collection<String> selectable, String typeName) {
    QueryOptions options = options();
    options.checkSelect(selectable, typeName);
    return options;
  }

  /**
   * The 200 answer to a request to a collection: its query options parsed and {@code $select}
   * checked as {@code shape} says, the page listed and the matching items counted (in that order),
   * and the page written as the collection at {@code fragment} with each item mapped by {@code
   * item}. A {@code /$count} request ({@link CountSegment}) is answered with the count alone.
   *
   * @param fragment the part of the {@code @odata.context} after {@code $metadata#}
   * @param list the page the options ask for
   * @param count the number of items matching the {@code $filter} ({@code null} without one)
   */
  public <T> Response collection(
      CollectionShape shape,
      String fragment,
      Function<ListQuery, List<T>> list,
      ToLongFunction<ListQuery.Condition> count,
      Function<? super T, JsonObject> item) {
    QueryOptions options = shape.parse(this);
    if (CountSegment.requested(servletRequest)) {
      return CountSegment.answer(count.applyAsLong(options.filter()));
    }
    List<T> page = list.apply(options.listQuery());
    long total = count.applyAsLong(options.filter());
    return options.collectionResponse(uri, version, fragment, page, total, item);
  }
}
