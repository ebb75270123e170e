package org.caseops.api.holds;

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
import java.util.List;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.custodians.CustodianRequests;
import org.caseops.api.custodians.CustodiansResource;
import org.caseops.api.custodians.SourceJson;
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
import org.caseops.api.operations.actions.HoldPolicySyncAction;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.PolicyStatus;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.support.ListQuery;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/legalHolds}: legal holds (ediscoveryHoldPolicy):
 * create (201), list, get, PATCH (204), DELETE (204), their {@code userSources} and {@code
 * siteSources} (add by email or site URL, list, get, remove) and {@code retryPolicy} (204). Every
 * change runs a holdPolicySync operation.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/legalHolds")
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldsResource {
  private static final String SOURCES = "{sources: userSources|siteSources}";

  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(LegalHoldJson.TYPE)
          .string("id")
          .string("displayName")
          .enumeration("status", PolicyStatus.class)
          .dateTime("createdDateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, LegalHoldJson.PROPERTIES, LegalHoldJson.TYPE);

  @Inject LegalHoldService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    LegalHold hold =
        service.create(
            caseId, LegalHoldRequests.parseCreate(JsonBody.read(body)), caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.legalHoldPath(caseId, hold.getId())),
        LegalHoldJson.entity(root, hold));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    return request.collection(
        SHAPE,
        GraphPaths.legalHoldsKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        LegalHoldJson::item);
  }

  @GET
  @Path("{id}")
  public Response get(@BeanParam GraphRequest request, @PathParam("id") String rawId) {
    String caseId = request.caseId();
    String id = id(rawId);
    QueryOptions options = request.options(LegalHoldJson.PROPERTIES, LegalHoldJson.TYPE);
    return JsonResponses.ok(
        options.project(LegalHoldJson.entity(request.root(), service.get(caseId, id))));
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @BeanParam GraphRequest request, @PathParam("id") String rawId, InputStream body) {
    service.update(
        request.caseId(),
        id(rawId),
        LegalHoldRequests.parsePatch(JsonBody.read(body)),
        caller.identitySet());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@BeanParam GraphRequest request, @PathParam("id") String rawId) {
    service.delete(request.caseId(), id(rawId), caller.identitySet());
    return Response.noContent().build();
  }

  /**
   * The hold's latest holdPolicySync operation (a caseops navigation: Graph's legal hold names
   * none), named as soon as the change that started it was answered.
   */
  @GET
  @Path("{id}/lastSyncOperation")
  public Response lastSyncOperation(
      @BeanParam GraphRequest request, @PathParam("id") String rawId) {
    String caseId = request.caseId();
    String id = id(rawId);
    QueryOptions options = request.options(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastSyncOperation(caseId, id);
    String context =
        request
            .root()
            .context(GraphPaths.entity(GraphPaths.legalHoldKey(caseId, id) + "/lastSyncOperation"));
    return JsonResponses.ok(
        options.project(
            OperationJson.entity(context, operation, request.includeUnknownEnumMembers())));
  }

  /** Runs the hold's sync again: 204, as Graph answers. */
  @POST
  @Path("{legalHoldId}/retryPolicy")
  public Response retryPolicy(
      @BeanParam GraphRequest request, @PathParam("legalHoldId") String rawId, InputStream body) {
    OperationRequest.parseParameters(
        HoldPolicySyncAction.RETRY,
        JsonBody.readOptional(body),
        request.includeUnknownEnumMembers());
    service.retry(request.caseId(), id(rawId), caller.identitySet());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/" + SOURCES)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addSource(
      @BeanParam GraphRequest request,
      @PathParam("id") String rawId,
      @PathParam("sources") String sources,
      InputStream body) {
    String caseId = request.caseId();
    String id = id(rawId);
    SourceKind kind = kind(sources);
    CustodianRequests.NewSource parsed =
        kind == SourceKind.USER
            ? CustodianRequests.parseUserSource(JsonBody.read(body))
            : CustodianRequests.parseSiteSource(JsonBody.read(body));
    CustodianSource source = service.addSource(caseId, id, parsed, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(
            GraphPaths.legalHoldPath(caseId, id) + "/" + kind.collection() + "/" + source.getId()),
        SourceJson.item(source));
  }

  @GET
  @Path("{id}/" + SOURCES)
  public Response listSources(
      @BeanParam GraphRequest request,
      @PathParam("id") String rawId,
      @PathParam("sources") String sources) {
    String caseId = request.caseId();
    String id = id(rawId);
    SourceKind kind = kind(sources);
    List<CustodianSource> all = service.sources(caseId, id, kind);
    return request.collection(
        new CollectionShape(
            CustodiansResource.sourcesQueryable(kind),
            SourceJson.propertiesOf(kind),
            SourceJson.typeOf(kind)),
        GraphPaths.legalHoldKey(caseId, id) + "/" + kind.collection(),
        q -> page(all, q),
        f -> all.size(),
        SourceJson::item);
  }

  @GET
  @Path("{id}/" + SOURCES + "/{sourceId}")
  public Response getSource(
      @BeanParam GraphRequest request,
      @PathParam("id") String rawId,
      @PathParam("sources") String sources,
      @PathParam("sourceId") String rawSourceId) {
    SourceKind kind = kind(sources);
    request.options();
    return JsonResponses.ok(
        SourceJson.item(
            service.source(
                request.caseId(), id(rawId), kind, Lookups.sourceId(rawSourceId, kind))));
  }

  @DELETE
  @Path("{id}/" + SOURCES + "/{sourceId}")
  public Response removeSource(
      @BeanParam GraphRequest request,
      @PathParam("id") String rawId,
      @PathParam("sources") String sources,
      @PathParam("sourceId") String rawSourceId) {
    SourceKind kind = kind(sources);
    service.removeSource(
        request.caseId(),
        id(rawId),
        kind,
        Lookups.sourceId(rawSourceId, kind),
        caller.identitySet());
    return Response.noContent().build();
  }

  private static List<CustodianSource> page(List<CustodianSource> all, ListQuery query) {
    int from = (int) Math.min(all.size(), Math.max(0, query.offset()));
    int to = (int) Math.min(all.size(), (long) from + query.limit());
    return all.subList(from, to);
  }

  private static SourceKind kind(String sources) {
    return sources.equals("userSources") ? SourceKind.USER : SourceKind.SITE;
  }

  private static String id(String raw) {
    return Lookups.guid(raw, "ediscoveryHoldPolicy");
  }
}
