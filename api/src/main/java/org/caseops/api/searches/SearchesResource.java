package org.caseops.api.searches;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.custodians.NoncustodialJson;
import org.caseops.api.custodians.NoncustodialSourcesResource;
import org.caseops.api.custodians.SourceJson;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.EvolvableEnums;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.OperationJson;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.caseops.api.operations.actions.PurgeDataAction;
import org.caseops.api.operations.actions.SearchExportAction;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.searches.EdiscoverySearch;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/searches}: create (201), list, read, update (204)
 * and delete (204) searches; their {@code custodianSources} and {@code additionalSources}
 * (userSource and siteSource shapes with {@code @odata.type}); {@code
 * lastEstimateStatisticsOperation}; and the actions {@code estimateStatistics}, {@code
 * exportReport}, {@code exportResult} and {@code purgeData} (202 with the new operation's {@code
 * Location}; the namespace-qualified forms reach them through the path normaliser).
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
   * The properties {@code $filter} and {@code $orderby} may use on a search's {@code
   * custodianSources} and {@code additionalSources}, which hold userSources and siteSources alike
   * ({@code email} is null on a siteSource, {@code siteWebUrl} on a userSource).
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

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, SearchJson.PROPERTIES, SearchJson.TYPE);

  /** The sources of a search are not checked against {@code $select}. */
  private static final CollectionShape SOURCES_SHAPE = CollectionShape.unchecked(SOURCES_QUERYABLE);

  @Inject SearchService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    boolean include = request.includeUnknownEnumMembers();
    SearchRequests.NewSearch parsed = SearchRequests.parseNew(JsonBody.read(body), include);
    EdiscoverySearch search = service.create(caseId, parsed, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.searchPath(caseId, search.getId())),
        SearchJson.entity(root, search, include));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    boolean include = request.includeUnknownEnumMembers();
    return request.collection(
        SHAPE,
        GraphPaths.searchesKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        s -> SearchJson.item(s, include));
  }

  @GET
  @Path("{searchId}")
  public Response get(@BeanParam GraphRequest request, @PathParam("searchId") String rawSearchId) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    QueryOptions options = request.options(SearchJson.PROPERTIES, SearchJson.TYPE);
    EdiscoverySearch search = service.get(caseId, searchId);
    return JsonResponses.ok(
        options.project(
            SearchJson.entity(request.root(), search, request.includeUnknownEnumMembers())));
  }

  @PATCH
  @Path("{searchId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @BeanParam GraphRequest request,
      @PathParam("searchId") String rawSearchId,
      InputStream body) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    SearchRequests.SearchChanges changes =
        SearchRequests.parseChanges(JsonBody.read(body), request.includeUnknownEnumMembers());
    service.update(caseId, searchId, changes, caller.identitySet());
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{searchId}")
  public Response delete(
      @BeanParam GraphRequest request, @PathParam("searchId") String rawSearchId) {
    service.delete(request.caseId(), ResourceLookups.searchId(rawSearchId));
    return JsonResponses.noContent();
  }

  @GET
  @Path("{searchId}/" + SOURCES)
  public Response sources(
      @BeanParam GraphRequest request,
      @PathParam("searchId") String rawSearchId,
      @PathParam("sources") String sources) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    boolean custodial = sources.equals("custodianSources");
    return request.collection(
        SOURCES_SHAPE,
        GraphPaths.searchKey(caseId, searchId) + "/" + sources,
        q ->
            custodial
                ? service.custodianSources(caseId, searchId, q)
                : service.additionalSources(caseId, searchId, q),
        f ->
            custodial
                ? service.countCustodianSources(caseId, searchId, f)
                : service.countAdditionalSources(caseId, searchId, f),
        SourceJson::item);
  }

  @GET
  @Path("{searchId}/noncustodialSources")
  public Response noncustodialSources(
      @BeanParam GraphRequest request, @PathParam("searchId") String rawSearchId) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    return request.collection(
        new CollectionShape(
            NoncustodialSourcesResource.QUERYABLE,
            NoncustodialJson.PROPERTIES,
            NoncustodialJson.TYPE),
        GraphPaths.searchKey(caseId, searchId) + "/noncustodialSources",
        q -> service.noncustodialSources(caseId, searchId, q),
        f -> service.countNoncustodialSources(caseId, searchId),
        NoncustodialJson::item);
  }

  @GET
  @Path("{searchId}/lastEstimateStatisticsOperation")
  public Response lastEstimate(
      @BeanParam GraphRequest request, @PathParam("searchId") String rawSearchId) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    QueryOptions options = request.options(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastEstimate(caseId, searchId);
    String context =
        request
            .root()
            .context(
                GraphPaths.entity(
                    GraphPaths.searchKey(caseId, searchId) + "/lastEstimateStatisticsOperation"));
    return JsonResponses.ok(
        options.project(
            OperationJson.entity(context, operation, request.includeUnknownEnumMembers())));
  }

  @POST
  @Path("{searchId}/estimateStatistics")
  public Response estimateStatistics(
      @BeanParam GraphRequest request,
      @PathParam("searchId") String rawSearchId,
      InputStream body) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            CaseAction.estimateStatistics,
            JsonBody.readOptional(body),
            request.includeUnknownEnumMembers());
    CaseOperation operation = service.estimate(caseId, searchId, parameters, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  @POST
  @Path("{searchId}/purgeData")
  public Response purgeData(
      @BeanParam GraphRequest request,
      @PathParam("searchId") String rawSearchId,
      InputStream body) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            PurgeDataAction.ON_SEARCH,
            JsonBody.readOptional(body),
            request.includeUnknownEnumMembers());
    CaseOperation operation = service.purge(caseId, searchId, parameters, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  @POST
  @Path("{searchId}/exportReport")
  public Response exportReport(
      @BeanParam GraphRequest request,
      @PathParam("searchId") String rawSearchId,
      InputStream body) {
    return export(request, rawSearchId, SearchExportAction.REPORT_ON_SEARCH, body);
  }

  @POST
  @Path("{searchId}/exportResult")
  public Response exportResult(
      @BeanParam GraphRequest request,
      @PathParam("searchId") String rawSearchId,
      InputStream body) {
    return export(request, rawSearchId, SearchExportAction.RESULT_ON_SEARCH, body);
  }

  /**
   * A search export: its action comes after {@code unknownFutureValue} in caseAction, so a client
   * that has not asked for such members with {@code Prefer} cannot start it.
   */
  private Response export(
      GraphRequest request, String rawSearchId, ActionEndpoint endpoint, InputStream body) {
    String caseId = request.caseId();
    String searchId = ResourceLookups.searchId(rawSearchId);
    boolean include = request.includeUnknownEnumMembers();
    EvolvableEnums.parse(CaseAction.class, "action", endpoint.action().wireName(), include);
    OperationRequest parameters =
        OperationRequest.parseParameters(endpoint, JsonBody.readOptional(body), include);
    CaseOperation operation =
        service.export(caseId, searchId, endpoint.action(), parameters, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }
}
