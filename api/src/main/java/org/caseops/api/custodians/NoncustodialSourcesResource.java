package org.caseops.api.custodians;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.caseops.api.errors.ApiException;
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
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/noncustodialDataSources}: non-custodial data
 * sources (created with their {@code dataSource}, a userSource or siteSource), their {@code
 * dataSource} and {@code lastIndexOperation}, the caseops {@code itemStatistics} of the dataSource,
 * and their actions: {@code applyHold} and {@code removeHold} (one, or many with {@code ids}),
 * {@code release} and {@code updateIndex}.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/noncustodialDataSources")
@Produces(MediaType.APPLICATION_JSON)
public class NoncustodialSourcesResource {
  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(NoncustodialJson.TYPE)
          .string("id")
          .string("displayName")
          .enumeration("status", DataSourceContainerStatus.class)
          .enumeration("holdStatus", DataSourceHoldStatus.class)
          .dateTime("createdDateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, NoncustodialJson.PROPERTIES, NoncustodialJson.TYPE);

  @Inject NoncustodialService service;
  @Inject CallerIdentity caller;
  @Inject ItemStatisticsService statistics;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    JsonBody parsed = JsonBody.of(JsonBody.read(body), NoncustodialJson.TYPE);
    parsed.expectType(NoncustodialJson.TYPE);
    parsed.readOnly("status", "holdStatus");
    parsed.ignore(
        "id", "displayName", "createdDateTime", "lastModifiedDateTime", "releasedDateTime");
    JsonValue dataSource = parsed.value("dataSource");
    parsed.rejectUnknown();
    if (!(dataSource instanceof JsonObject source)) {
      throw ApiException.invalidRequest(
          "The dataSource is required: give \"dataSource\": {\"@odata.type\":"
              + " \"#microsoft.graph.security.userSource\", \"email\": \"...\"} or a"
              + " \"#microsoft.graph.security.siteSource\" with \"site\": {\"webUrl\": \"...\"}.");
    }
    CustodianRequests.NewSource newSource = parseDataSource(source);
    NoncustodialDataSource created = service.add(caseId, newSource, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.noncustodialPath(caseId, created.getId())),
        NoncustodialJson.entity(root, created));
  }

  /** A userSource or siteSource by its {@code @odata.type}; 400 for anything else. */
  static CustodianRequests.NewSource parseDataSource(JsonObject source) {
    JsonValue type = source.get(JsonBody.ODATA_TYPE);
    String name = type instanceof jakarta.json.JsonString s ? s.getString() : null;
    if (("#" + SourceJson.USER_TYPE).equals(name) || SourceJson.USER_TYPE.equals(name)) {
      return CustodianRequests.parseUserSource(source);
    }
    if (("#" + SourceJson.SITE_TYPE).equals(name) || SourceJson.SITE_TYPE.equals(name)) {
      return CustodianRequests.parseSiteSource(source);
    }
    throw ApiException.invalidRequest(
        "The dataSource must say its \"@odata.type\": \"#"
            + SourceJson.USER_TYPE
            + "\" (a mailbox) or \"#"
            + SourceJson.SITE_TYPE
            + "\" (a site)"
            + (name == null ? "." : ", not '" + name + "'."));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    return request.collection(
        SHAPE,
        GraphPaths.noncustodialKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        NoncustodialJson::item);
  }

  @GET
  @Path("{id}")
  public Response get(@BeanParam GraphRequest request, @PathParam("id") String rawId) {
    String caseId = request.caseId();
    String id = id(rawId);
    QueryOptions options = request.options(NoncustodialJson.PROPERTIES, NoncustodialJson.TYPE);
    return JsonResponses.ok(
        options.project(NoncustodialJson.entity(request.root(), service.get(caseId, id))));
  }

  @GET
  @Path("{id}/dataSource")
  public Response dataSource(@BeanParam GraphRequest request, @PathParam("id") String rawId) {
    String caseId = request.caseId();
    String id = id(rawId);
    request.options();
    return JsonResponses.ok(
        NoncustodialJson.dataSource(request.root(), service.dataSource(caseId, id)));
  }

  @GET
  @Path("{id}/lastIndexOperation")
  public Response lastIndexOperation(
      @BeanParam GraphRequest request, @PathParam("id") String rawId) {
    String caseId = request.caseId();
    String id = id(rawId);
    QueryOptions options = request.options(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastIndexOperation(caseId, id);
    String context =
        request
            .root()
            .context(
                GraphPaths.entity(
                    GraphPaths.noncustodialKey(caseId) + "('" + id + "')/lastIndexOperation"));
    return JsonResponses.ok(
        options.project(
            OperationJson.entity(context, operation, request.includeUnknownEnumMembers())));
  }

  /** The caseops figures of its dataSource, as a custodian's source has them. */
  @GET
  @Path("{id}/itemStatistics")
  public Response itemStatistics(@BeanParam GraphRequest request, @PathParam("id") String rawId) {
    String caseId = request.caseId();
    String id = id(rawId);
    request.options();
    return JsonResponses.ok(
        ItemStatisticsJson.entity(
            request.root(), statistics.of(caseId, service.dataSource(caseId, id))));
  }

  @POST
  @Path("applyHold")
  public Response applyHoldAll(@BeanParam GraphRequest request, InputStream body) {
    return holdChangeAll(request, HoldUpdateAction.APPLY_ON_NONCUSTODIALS, body);
  }

  @POST
  @Path("removeHold")
  public Response removeHoldAll(@BeanParam GraphRequest request, InputStream body) {
    return holdChangeAll(request, HoldUpdateAction.REMOVE_ON_NONCUSTODIALS, body);
  }

  @POST
  @Path("{noncustodialDataSourceId}/applyHold")
  public Response applyHold(
      @BeanParam GraphRequest request,
      @PathParam("noncustodialDataSourceId") String rawId,
      InputStream body) {
    return holdChange(request, rawId, HoldUpdateAction.APPLY_ON_NONCUSTODIAL, body);
  }

  @POST
  @Path("{noncustodialDataSourceId}/removeHold")
  public Response removeHold(
      @BeanParam GraphRequest request,
      @PathParam("noncustodialDataSourceId") String rawId,
      InputStream body) {
    return holdChange(request, rawId, HoldUpdateAction.REMOVE_ON_NONCUSTODIAL, body);
  }

  /**
   * Releases the source: 202, with the {@code Location} of the holdUpdate operation that removes
   * its hold when one was in force.
   */
  @POST
  @Path("{id}/release")
  public Response release(
      @BeanParam GraphRequest request, @PathParam("id") String rawId, InputStream body) {
    String caseId = request.caseId();
    String id = id(rawId);
    JsonBody.of(JsonBody.readOptional(body), CaseAction.NAMESPACE + "release").rejectUnknown();
    Optional<CaseOperation> removal = service.release(caseId, id, caller.identitySet());
    return removal
        .map(
            op ->
                JsonResponses.accepted(
                    request.root().resolve(GraphPaths.operationPath(caseId, op.getId()))))
        .orElseGet(() -> Response.accepted().build());
  }

  /** Indexes this source only: 202 with the {@code Location} of the new index operation. */
  @POST
  @Path("{noncustodialDataSourceId}/updateIndex")
  public Response updateIndex(
      @BeanParam GraphRequest request,
      @PathParam("noncustodialDataSourceId") String rawId,
      InputStream body) {
    String caseId = request.caseId();
    String id = id(rawId);
    OperationRequest.parseParameters(
        IndexAction.UPDATE_NONCUSTODIAL_INDEX,
        JsonBody.readOptional(body),
        request.includeUnknownEnumMembers());
    CaseOperation operation = service.updateIndex(caseId, id, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  private Response holdChange(
      GraphRequest request, String rawId, ActionEndpoint endpoint, InputStream body) {
    String caseId = request.caseId();
    String id = id(rawId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            endpoint, JsonBody.readOptional(body), request.includeUnknownEnumMembers());
    CaseOperation operation =
        service.change(
            caseId, id, HoldUpdateAction.removes(endpoint), parameters, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  private Response holdChangeAll(GraphRequest request, ActionEndpoint endpoint, InputStream body) {
    String caseId = request.caseId();
    OperationRequest parameters =
        OperationRequest.parseParameters(
            endpoint, JsonBody.readOptional(body), request.includeUnknownEnumMembers());
    CaseOperation operation =
        service.changeAll(
            caseId, HoldUpdateAction.removes(endpoint), parameters, caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  private static String id(String raw) {
    return Lookups.guid(raw, "ediscoveryNoncustodialDataSource");
  }
}
