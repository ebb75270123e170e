package org.caseops.api.cases;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.items.ItemStatisticsJson;
import org.caseops.api.items.ItemStatisticsService;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.operations.CaseAction;

/**
 * {@code /security/cases/ediscoveryCases}: create, list, read, update (204, as Graph) and delete
 * cases, close and reopen them (204, as Graph), and the caseops extension {@code itemStatistics} of
 * a whole case.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases")
@Produces(MediaType.APPLICATION_JSON)
public class CasesResource {
  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(CaseJson.TYPE)
          .string("id")
          .string("displayName")
          .enumeration("status", CaseStatus.class)
          .string("externalId")
          .dateTime("createdDateTime")
          .dateTime("lastModifiedDateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, CaseJson.PROPERTIES, CaseJson.TYPE);

  @Inject CaseService service;
  @Inject ItemStatisticsService statistics;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@BeanParam GraphRequest request, InputStream body) {
    CaseRequests.NewCase parsed = CaseRequests.parseNew(JsonBody.read(body));
    EdiscoveryCase created = service.create(parsed, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.casePath(created.getId())),
        CaseJson.entity(root, created, request.includeUnknownEnumMembers()));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    boolean include = request.includeUnknownEnumMembers();
    return request.collection(
        SHAPE, GraphPaths.CASES, service::list, service::count, c -> CaseJson.item(c, include));
  }

  @GET
  @Path("{caseId}")
  public Response get(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    QueryOptions options = request.options(CaseJson.PROPERTIES, CaseJson.TYPE);
    EdiscoveryCase found = service.get(caseId);
    return JsonResponses.ok(
        options.project(
            CaseJson.entity(request.root(), found, request.includeUnknownEnumMembers())));
  }

  @PATCH
  @Path("{caseId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    CaseRequests.CaseChanges changes = CaseRequests.parseChanges(JsonBody.read(body));
    service.update(caseId, changes, caller.identitySet());
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{caseId}")
  public Response delete(@BeanParam GraphRequest request) {
    service.delete(request.caseId());
    return JsonResponses.noContent();
  }

  /**
   * Closes the case: 204, no body, as Graph answers; the case is {@code closing} while its holds
   * are released, then {@code closed}.
   */
  @POST
  @Path("{caseId}/close")
  public Response close(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    noParameters(body, "close");
    service.close(caseId, caller.identitySet());
    return JsonResponses.noContent();
  }

  /** Reopens a closed case: 204, no body; its holds are not applied again. */
  @POST
  @Path("{caseId}/reopen")
  public Response reopen(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    noParameters(body, "reopen");
    service.reopen(caseId, caller.identitySet());
    return JsonResponses.noContent();
  }

  private static void noParameters(InputStream body, String action) {
    JsonBody.of(JsonBody.readOptional(body), CaseAction.NAMESPACE + action).rejectUnknown();
  }

  @GET
  @Path("{caseId}/itemStatistics")
  public Response itemStatistics(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    request.options();
    return JsonResponses.ok(
        ItemStatisticsJson.collection(request.root(), statistics.ofCase(caseId)));
  }
}
