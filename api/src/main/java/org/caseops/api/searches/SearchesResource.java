package org.caseops.api.searches;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.custodians.SourceJson;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.Preferences;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.OperationJson;
import org.caseops.api.operations.OperationRequest;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.searches.EdiscoverySearch;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/searches}: create (201), list, read, update (204) and delete (204)
 * searches; their {@code custodianSources} and {@code additionalSources} (userSource and siteSource shapes with
 * {@code @odata.type}); {@code lastEstimateStatisticsOperation}; and the action {@code estimateStatistics} (202 with
 * the new operation's {@code Location}; the namespace-qualified form reaches it through the path normaliser).
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/searches")
@Produces(MediaType.APPLICATION_JSON)
public class SearchesResource {
  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(SearchJson.TYPE)
          .string("id")
          .string("displayName")
          .dateTime("createdDateTime")
          .dateTime("lastModifiedDateTime")
          .build();

  /**
   * The properties {@code $filter} and {@code $orderby} may use on a search's {@code custodianSources} and {@code
   * additionalSources}, which hold userSources and siteSources alike ({@code email} is null on a siteSource, {@code
   * siteWebUrl} on a userSource).
   */
  public static final PropertyTable SOURCES_QUERYABLE =
      PropertyTable.of("microsoft.graph.security.dataSource")
          .string("id")
          .string("displayName")
          .string("email")
          .string("siteWebUrl")
          .enumeration("holdStatus", DataSourceHoldStatus.class)
          .dateTime("createdDateTime")
          .build();

  private static final String SOURCES = "{sources: custodianSources|additionalSources}";

  @Inject SearchService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    boolean include = include(headers);
    SearchRequests.NewSearch request = SearchRequests.parseNew(JsonBody.read(body), include);
    EdiscoverySearch search = service.create(caseId, request, caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.searchPath(caseId, search.getId())), SearchJson.entity(root, search, include));
  }

  @GET
  public Response list(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    boolean include = include(headers);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include);
    options.checkSelect(SearchJson.PROPERTIES, SearchJson.TYPE);
    List<EdiscoverySearch> page = service.list(caseId, options.listQuery());
    long total = service.count(caseId, options.filter());
    return options.collectionResponse(
        uri, version, GraphPaths.searchesKey(caseId), page, total, s -> SearchJson.item(s, include));
  }

  @GET
  @Path("{searchId}")
  public Response get(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("searchId") String rawSearchId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String searchId = ResourceLookups.searchId(rawSearchId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(SearchJson.PROPERTIES, SearchJson.TYPE);
    EdiscoverySearch search = service.get(caseId, searchId);
    return JsonResponses.ok(
        options.project(SearchJson.entity(ServiceRoot.of(uri.getBaseUri(), version), search, include(headers))));
  }

  @PATCH
  @Path("{searchId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @PathParam("caseId") String rawCaseId,
      @PathParam("searchId") String rawSearchId,
      @Context HttpHeaders headers,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String searchId = ResourceLookups.searchId(rawSearchId);
    SearchRequests.SearchChanges changes = SearchRequests.parseChanges(JsonBody.read(body), include(headers));
    service.update(caseId, searchId, changes, caller.identitySet());
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{searchId}")
  public Response delete(@PathParam("caseId") String rawCaseId, @PathParam("searchId") String rawSearchId) {
    service.delete(Lookups.caseId(rawCaseId), ResourceLookups.searchId(rawSearchId));
    return JsonResponses.noContent();
  }

  @GET
  @Path("{searchId}/" + SOURCES)
  public Response sources(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("searchId") String rawSearchId,
      @PathParam("sources") String sources,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String searchId = ResourceLookups.searchId(rawSearchId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), SOURCES_QUERYABLE, include(headers));
    boolean custodial = sources.equals("custodianSources");
    List<CustodianSource> page =
        custodial
            ? service.custodianSources(caseId, searchId, options.listQuery())
            : service.additionalSources(caseId, searchId, options.listQuery());
    long total =
        custodial
            ? service.countCustodianSources(caseId, searchId, options.filter())
            : service.countAdditionalSources(caseId, searchId, options.filter());
    return options.collectionResponse(
        uri, version, GraphPaths.searchKey(caseId, searchId) + "/" + sources, page, total, SourceJson::item);
  }

  @GET
  @Path("{searchId}/lastEstimateStatisticsOperation")
  public Response lastEstimate(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("searchId") String rawSearchId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String searchId = ResourceLookups.searchId(rawSearchId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastEstimate(caseId, searchId);
    String context =
        ServiceRoot.of(uri.getBaseUri(), version)
            .context(GraphPaths.entity(GraphPaths.searchKey(caseId, searchId) + "/lastEstimateStatisticsOperation"));
    return JsonResponses.ok(options.project(OperationJson.entity(context, operation, include(headers))));
  }

  @POST
  @Path("{searchId}/estimateStatistics")
  public Response estimateStatistics(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("searchId") String rawSearchId,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String searchId = ResourceLookups.searchId(rawSearchId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            CaseAction.estimateStatistics, JsonBody.readOptional(body), include(headers));
    CaseOperation operation = service.estimate(caseId, searchId, parameters, caller.identitySet());
    return JsonResponses.accepted(
        ServiceRoot.of(uri.getBaseUri(), version).resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  private static boolean include(HttpHeaders headers) {
    return Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
  }
}
