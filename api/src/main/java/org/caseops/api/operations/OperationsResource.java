package org.caseops.api.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.Preferences;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;

/** {@code /security/cases/ediscoveryCases/{caseId}/operations}: submit, list and read case operations. */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {
  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(OperationJson.BASE_TYPE)
          .string("id")
          .enumeration("status", CaseOperationStatus.class)
          .enumeration("action", CaseAction.class)
          .dateTime("createdDateTime")
          .dateTime("completedDateTime")
          .integer("percentProgress")
          .build();

  @Inject OperationService service;
  @Inject OperationTargets targets;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    boolean include = Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
    OperationRequest request = OperationRequest.parse(JsonBody.read(body), include);
    CaseOperation operation =
        service.submit(caseId, request.action(), targets.resolve(caseId, request), caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.operationPath(caseId, operation.getId())),
        OperationJson.entity(root, operation, include));
  }

  @GET
  public Response list(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    boolean include = Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include);
    options.checkSelect(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    List<CaseOperation> page = service.list(caseId, options.listQuery());
    long total = service.count(caseId, options.filter());
    return options.collectionResponse(
        uri, version, GraphPaths.operationsKey(caseId), page, total, op -> OperationJson.item(op, include));
  }

  @GET
  @Path("{operationId}")
  public Response get(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("operationId") String rawOperationId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String operationId = Lookups.operationId(rawOperationId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    boolean include = Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
    CaseOperation operation = service.get(caseId, operationId);
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.ok(options.project(OperationJson.entity(root, operation, include)));
  }
}
