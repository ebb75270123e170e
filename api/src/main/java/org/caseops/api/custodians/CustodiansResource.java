package org.caseops.api.custodians;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Optional;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.items.ItemStatisticsJson;
import org.caseops.api.items.ItemStatisticsService;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.CollectionShape;
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
import org.caseops.api.operations.actions.HoldUpdateAction;
import org.caseops.api.operations.actions.IndexAction;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/custodians}: custodians, their {@code
 * userSources} and {@code siteSources}, the {@code lastIndexOperation} navigations, the caseops
 * extension {@code itemStatistics} of a source, and the custodian actions: {@code applyHold} and
 * {@code removeHold} (one custodian, or many with {@code ids}), {@code release}, {@code activate}
 * and {@code updateIndex}.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/custodians")
@Produces(MediaType.APPLICATION_JSON)
public class CustodiansResource {
  private static final String SOURCES = "{sources: userSources|siteSources}";

  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(CustodianJson.TYPE)
          .string("id")
          .string("email")
          .string("displayName")
          .enumeration("status", DataSourceContainerStatus.class)
          .dateTime("createdDateTime")
          .build();

  /**
   * The properties {@code $filter} and {@code $orderby} may use on a custodian's {@code
   * userSources}.
   */
  public static final PropertyTable USER_SOURCES_QUERYABLE =
      PropertyTable.of(SourceJson.USER_TYPE)
          .string("id")
          .string("displayName")
          .string("email")
          .enumeration("holdStatus", DataSourceHoldStatus.class)
          .dateTime("createdDateTime")
          .build();

  /**
   * The properties {@code $filter} and {@code $orderby} may use on a custodian's {@code
   * siteSources}.
   */
  public static final PropertyTable SITE_SOURCES_QUERYABLE =
      PropertyTable.of(SourceJson.SITE_TYPE)
          .string("id")
          .string("displayName")
          .string("siteWebUrl")
          .enumeration("holdStatus", DataSourceHoldStatus.class)
          .dateTime("createdDateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, CustodianJson.PROPERTIES, CustodianJson.TYPE);

  @Inject CustodianService service;
  @Inject ItemStatisticsService statistics;
  @Inject CallerIdentity caller;
  @Inject HoldService holds;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    CustodianRequests.NewCustodian parsed = CustodianRequests.parseCustodian(JsonBody.read(body));
    Custodian custodian = service.add(caseId, parsed);
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.custodianPath(caseId, custodian.getId())),
        CustodianJson.entity(root, custodian));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    return request.collection(
        SHAPE,
        GraphPaths.custodiansKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        CustodianJson::item);
  }

  @GET
  @Path("{custodianId}")
  public Response get(
      @BeanParam GraphRequest request, @PathParam("custodianId") String rawCustodianId) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    QueryOptions options = request.options(CustodianJson.PROPERTIES, CustodianJson.TYPE);
    Custodian custodian = service.get(caseId, custodianId);
    return JsonResponses.ok(options.project(CustodianJson.entity(request.root(), custodian)));
  }

  @GET
  @Path("{custodianId}/lastIndexOperation")
  public Response lastIndexOperation(
      @BeanParam GraphRequest request, @PathParam("custodianId") String rawCustodianId) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    QueryOptions options = request.options(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastIndexOperation(caseId, custodianId);
    String context =
        request
            .root()
            .context(
                GraphPaths.entity(
                    GraphPaths.custodianKey(caseId, custodianId) + "/lastIndexOperation"));
    return JsonResponses.ok(
        options.project(
            OperationJson.entity(context, operation, request.includeUnknownEnumMembers())));
  }

  @POST
  @Path("{custodianId}/" + SOURCES)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addSource(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      @PathParam("sources") String sources,
      InputStream body) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    SourceKind kind = kind(sources);
    CustodianRequests.NewSource parsed =
        kind == SourceKind.USER
            ? CustodianRequests.parseUserSource(JsonBody.read(body))
            : CustodianRequests.parseSiteSource(JsonBody.read(body));
    CustodianSource source = service.addSource(caseId, custodianId, parsed, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.sourcePath(caseId, custodianId, kind, source.getId())),
        SourceJson.entity(root, source));
  }

  @GET
  @Path("{custodianId}/" + SOURCES)
  public Response listSources(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      @PathParam("sources") String sources) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    SourceKind kind = kind(sources);
    return request.collection(
        new CollectionShape(
            sourcesQueryable(kind), SourceJson.propertiesOf(kind), SourceJson.typeOf(kind)),
        GraphPaths.sourcesKey(caseId, custodianId, kind),
        q -> service.listSources(caseId, custodianId, kind, q),
        f -> service.countSources(caseId, custodianId, kind, f),
        SourceJson::item);
  }

  @GET
  @Path("{custodianId}/" + SOURCES + "/{sourceId}")
  public Response getSource(@BeanParam GraphRequest request, @BeanParam SourcePath path) {
    SourcePath.Source at = path.source();
    QueryOptions options =
        request.options(SourceJson.propertiesOf(at.kind()), SourceJson.typeOf(at.kind()));
    CustodianSource source =
        service.getSource(at.caseId(), at.custodianId(), at.kind(), at.sourceId());
    return JsonResponses.ok(options.project(SourceJson.entity(request.root(), source)));
  }

  @GET
  @Path("{custodianId}/siteSources/{sourceId}/site")
  public Response site(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      @PathParam("sourceId") String rawSourceId) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    String sourceId = Lookups.sourceId(rawSourceId, SourceKind.SITE);
    request.options();
    CustodianSource source = service.getSource(caseId, custodianId, SourceKind.SITE, sourceId);
    return JsonResponses.ok(SourceJson.site(request.root(), source));
  }

  @GET
  @Path("{custodianId}/" + SOURCES + "/{sourceId}/lastIndexOperation")
  public Response sourceLastIndexOperation(
      @BeanParam GraphRequest request, @BeanParam SourcePath path) {
    SourcePath.Source at = path.source();
    QueryOptions options = request.options(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation =
        service.lastIndexOperation(at.caseId(), at.custodianId(), at.kind(), at.sourceId());
    String context =
        request
            .root()
            .context(
                GraphPaths.entity(
                    GraphPaths.sourceKey(at.caseId(), at.custodianId(), at.kind(), at.sourceId())
                        + "/lastIndexOperation"));
    return JsonResponses.ok(
        options.project(
            OperationJson.entity(context, operation, request.includeUnknownEnumMembers())));
  }

  @GET
  @Path("{custodianId}/" + SOURCES + "/{sourceId}/itemStatistics")
  public Response itemStatistics(@BeanParam GraphRequest request, @BeanParam SourcePath path) {
    SourcePath.Source at = path.source();
    request.options();
    return JsonResponses.ok(
        ItemStatisticsJson.entity(
            request.root(),
            statistics.ofSource(at.caseId(), at.custodianId(), at.kind(), at.sourceId())));
  }

  @POST
  @Path("applyHold")
  public Response applyHoldAll(@BeanParam GraphRequest request, InputStream body) {
    return holdChangeAll(request, HoldUpdateAction.APPLY_ON_CUSTODIANS, body);
  }

  @POST
  @Path("removeHold")
  public Response removeHoldAll(@BeanParam GraphRequest request, InputStream body) {
    return holdChangeAll(request, HoldUpdateAction.REMOVE_ON_CUSTODIANS, body);
  }

  @POST
  @Path("{custodianId}/applyHold")
  public Response applyHold(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      InputStream body) {
    return holdChange(request, rawCustodianId, HoldUpdateAction.APPLY_ON_CUSTODIAN, body);
  }

  @POST
  @Path("{custodianId}/removeHold")
  public Response removeHold(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      InputStream body) {
    return holdChange(request, rawCustodianId, HoldUpdateAction.REMOVE_ON_CUSTODIAN, body);
  }

  /**
   * Releases the custodian: 202, with the {@code Location} of the holdUpdate operation that removes
   * its hold when one was in force.
   */
  @POST
  @Path("{custodianId}/release")
  public Response release(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      InputStream body) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    noParameters(body, "release");
    Optional<CaseOperation> removal = holds.release(caseId, custodianId, caller.identitySet());
    return removal
        .map(
            op ->
                JsonResponses.accepted(
                    request.root().resolve(GraphPaths.operationPath(caseId, op.getId()))))
        .orElseGet(() -> Response.accepted().build());
  }

  /**
   * Indexes the custodian's sources only: 202 with the {@code Location} of the new index operation,
   * which the custodian and its sources name as their {@code lastIndexOperation} at once.
   */
  @POST
  @Path("{custodianId}/updateIndex")
  public Response updateIndex(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      InputStream body) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    OperationRequest.parseParameters(
        IndexAction.UPDATE_INDEX, JsonBody.readOptional(body), request.includeUnknownEnumMembers());
    CaseOperation operation = holds.updateIndex(caseId, custodianId, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  /** Makes a released custodian active again: 202, no body. */
  @POST
  @Path("{custodianId}/activate")
  public Response activate(
      @BeanParam GraphRequest request,
      @PathParam("custodianId") String rawCustodianId,
      InputStream body) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    noParameters(body, "activate");
    holds.activate(caseId, custodianId);
    return Response.accepted().build();
  }

  private Response holdChange(
      GraphRequest request, String rawCustodianId, ActionEndpoint endpoint, InputStream body) {
    String caseId = request.caseId();
    String custodianId = Lookups.custodianId(rawCustodianId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            endpoint, JsonBody.readOptional(body), request.includeUnknownEnumMembers());
    CaseOperation operation =
        holds.change(
            caseId,
            custodianId,
            HoldUpdateAction.removes(endpoint),
            parameters,
            caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  private Response holdChangeAll(GraphRequest request, ActionEndpoint endpoint, InputStream body) {
    String caseId = request.caseId();
    OperationRequest parameters =
        OperationRequest.parseParameters(
            endpoint, JsonBody.readOptional(body), request.includeUnknownEnumMembers());
    CaseOperation operation =
        holds.changeAll(
            caseId, HoldUpdateAction.removes(endpoint), parameters, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  /** Refuses a body with any property: the action takes no parameters. */
  private static void noParameters(InputStream body, String action) {
    JsonBody parsed = JsonBody.of(JsonBody.readOptional(body), CaseAction.NAMESPACE + action);
    parsed.rejectUnknown();
  }

  /** The property table of a custodian's sources of one kind. */
  public static PropertyTable sourcesQueryable(SourceKind kind) {
    return kind == SourceKind.USER ? USER_SOURCES_QUERYABLE : SITE_SOURCES_QUERYABLE;
  }

  private static SourceKind kind(String sources) {
    return SourcePath.kind(sources);
  }
}
