package org.caseops.api.cases;

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
import org.caseops.api.items.ItemStatisticsJson;
import org.caseops.api.items.ItemStatisticsService;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.Preferences;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.cases.EdiscoveryCase;

/**
 * {@code /security/cases/ediscoveryCases}: create, list, read, update (204, as Graph) and delete cases, and the caseops
 * extension {@code itemStatistics} of a whole case.
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

  @Inject CaseService service;
  @Inject ItemStatisticsService statistics;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("version") String version, @Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
    CaseRequests.NewCase request = CaseRequests.parseNew(JsonBody.read(body));
    EdiscoveryCase created = service.create(request, caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.casePath(created.getId())), CaseJson.entity(root, created, include(headers)));
  }

  @GET
  public Response list(@PathParam("version") String version, @Context UriInfo uri, @Context HttpHeaders headers) {
    boolean include = include(headers);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include);
    options.checkSelect(CaseJson.PROPERTIES, CaseJson.TYPE);
    List<EdiscoveryCase> page = service.list(options.listQuery());
    long total = service.count(options.filter());
    return options.collectionResponse(uri, version, GraphPaths.CASES, page, total, c -> CaseJson.item(c, include));
  }

  @GET
  @Path("{caseId}")
  public Response get(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(CaseJson.PROPERTIES, CaseJson.TYPE);
    EdiscoveryCase found = service.get(caseId);
    return JsonResponses.ok(
        options.project(CaseJson.entity(ServiceRoot.of(uri.getBaseUri(), version), found, include(headers))));
  }

  @PATCH
  @Path("{caseId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("caseId") String rawCaseId, InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    CaseRequests.CaseChanges changes = CaseRequests.parseChanges(JsonBody.read(body));
    service.update(caseId, changes, caller.identitySet());
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{caseId}")
  public Response delete(@PathParam("caseId") String rawCaseId) {
    service.delete(Lookups.caseId(rawCaseId));
    return JsonResponses.noContent();
  }

  @GET
  @Path("{caseId}/itemStatistics")
  public Response itemStatistics(
      @PathParam("version") String version, @PathParam("caseId") String rawCaseId, @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    QueryOptions.parse(uri.getQueryParameters());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.ok(ItemStatisticsJson.collection(root, statistics.ofCase(caseId)));
  }

  private static boolean include(HttpHeaders headers) {
    return Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
  }
}
