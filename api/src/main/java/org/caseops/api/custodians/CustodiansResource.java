package org.caseops.api.custodians;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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
import org.caseops.api.operations.OperationJson;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.operations.CaseOperation;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/custodians}: custodians, their {@code userSources} and {@code
 * siteSources}, the {@code lastIndexOperation} navigations, and the caseops extension {@code itemStatistics} of a
 * source.
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

  /** The properties {@code $filter} and {@code $orderby} may use on a custodian's {@code userSources}. */
  public static final PropertyTable USER_SOURCES_QUERYABLE =
      PropertyTable.of(SourceJson.USER_TYPE)
          .string("id")
          .string("displayName")
          .string("email")
          .enumeration("holdStatus", DataSourceHoldStatus.class)
          .dateTime("createdDateTime")
          .build();

  /** The properties {@code $filter} and {@code $orderby} may use on a custodian's {@code siteSources}. */
  public static final PropertyTable SITE_SOURCES_QUERYABLE =
      PropertyTable.of(SourceJson.SITE_TYPE)
          .string("id")
          .string("displayName")
          .string("siteWebUrl")
          .enumeration("holdStatus", DataSourceHoldStatus.class)
          .dateTime("createdDateTime")
          .build();

  @Inject CustodianService service;
  @Inject ItemStatisticsService statistics;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    CustodianRequests.NewCustodian request = CustodianRequests.parseCustodian(JsonBody.read(body));
    Custodian custodian = service.add(caseId, request);
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.custodianPath(caseId, custodian.getId())), CustodianJson.entity(root, custodian));
  }

  @GET
  public Response list(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include(headers));
    options.checkSelect(CustodianJson.PROPERTIES, CustodianJson.TYPE);
    List<Custodian> page = service.list(caseId, options.listQuery());
    long total = service.count(caseId, options.filter());
    return options.collectionResponse(uri, version, GraphPaths.custodiansKey(caseId), page, total, CustodianJson::item);
  }

  @GET
  @Path("{custodianId}")
  public Response get(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("custodianId") String rawCustodianId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String custodianId = Lookups.custodianId(rawCustodianId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(CustodianJson.PROPERTIES, CustodianJson.TYPE);
    Custodian custodian = service.get(caseId, custodianId);
    return JsonResponses.ok(
        options.project(CustodianJson.entity(ServiceRoot.of(uri.getBaseUri(), version), custodian)));
  }

  @GET
  @Path("{custodianId}/lastIndexOperation")
  public Response lastIndexOperation(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("custodianId") String rawCustodianId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String custodianId = Lookups.custodianId(rawCustodianId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastIndexOperation(caseId, custodianId);
    String context =
        ServiceRoot.of(uri.getBaseUri(), version)
            .context(GraphPaths.entity(GraphPaths.custodianKey(caseId, custodianId) + "/lastIndexOperation"));
    return JsonResponses.ok(options.project(OperationJson.entity(context, operation, include(headers))));
  }

  @POST
  @Path("{custodianId}/" + SOURCES)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addSource(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("custodianId") String rawCustodianId,
      @PathParam("sources") String sources,
      @Context UriInfo uri,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String custodianId = Lookups.custodianId(rawCustodianId);
    SourceKind kind = kind(sources);
    CustodianRequests.NewSource request =
        kind == SourceKind.USER
            ? CustodianRequests.parseUserSource(JsonBody.read(body))
            : CustodianRequests.parseSiteSource(JsonBody.read(body));
    CustodianSource source = service.addSource(caseId, custodianId, request, caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.sourcePath(caseId, custodianId, kind, source.getId())),
        SourceJson.entity(root, source));
  }

  @GET
  @Path("{custodianId}/" + SOURCES)
  public Response listSources(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("custodianId") String rawCustodianId,
      @PathParam("sources") String sources,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String custodianId = Lookups.custodianId(rawCustodianId);
    SourceKind kind = kind(sources);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), sourcesQueryable(kind), include(headers));
    options.checkSelect(SourceJson.propertiesOf(kind), SourceJson.typeOf(kind));
    List<CustodianSource> page = service.listSources(caseId, custodianId, kind, options.listQuery());
    long total = service.countSources(caseId, custodianId, kind, options.filter());
    return options.collectionResponse(
        uri, version, GraphPaths.sourcesKey(caseId, custodianId, kind), page, total, SourceJson::item);
  }

  @GET
  @Path("{custodianId}/" + SOURCES + "/{sourceId}")
  public Response getSource(@BeanParam SourcePath path, @Context UriInfo uri) {
    SourcePath.Source at = path.source();
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(SourceJson.propertiesOf(at.kind()), SourceJson.typeOf(at.kind()));
    CustodianSource source = service.getSource(at.caseId(), at.custodianId(), at.kind(), at.sourceId());
    return JsonResponses.ok(
        options.project(SourceJson.entity(ServiceRoot.of(uri.getBaseUri(), path.version()), source)));
  }

  @GET
  @Path("{custodianId}/siteSources/{sourceId}/site")
  public Response site(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("custodianId") String rawCustodianId,
      @PathParam("sourceId") String rawSourceId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String custodianId = Lookups.custodianId(rawCustodianId);
    String sourceId = Lookups.sourceId(rawSourceId, SourceKind.SITE);
    QueryOptions.parse(uri.getQueryParameters());
    CustodianSource source = service.getSource(caseId, custodianId, SourceKind.SITE, sourceId);
    return JsonResponses.ok(SourceJson.site(ServiceRoot.of(uri.getBaseUri(), version), source));
  }

  @GET
  @Path("{custodianId}/" + SOURCES + "/{sourceId}/lastIndexOperation")
  public Response sourceLastIndexOperation(
      @BeanParam SourcePath path, @Context UriInfo uri, @Context HttpHeaders headers) {
    SourcePath.Source at = path.source();
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.lastIndexOperation(at.caseId(), at.custodianId(), at.kind(), at.sourceId());
    String context =
        ServiceRoot.of(uri.getBaseUri(), path.version())
            .context(
                GraphPaths.entity(
                    GraphPaths.sourceKey(at.caseId(), at.custodianId(), at.kind(), at.sourceId())
                        + "/lastIndexOperation"));
    return JsonResponses.ok(options.project(OperationJson.entity(context, operation, include(headers))));
  }

  @GET
  @Path("{custodianId}/" + SOURCES + "/{sourceId}/itemStatistics")
  public Response itemStatistics(@BeanParam SourcePath path, @Context UriInfo uri) {
    SourcePath.Source at = path.source();
    QueryOptions.parse(uri.getQueryParameters());
    return JsonResponses.ok(
        ItemStatisticsJson.entity(
            ServiceRoot.of(uri.getBaseUri(), path.version()),
            statistics.ofSource(at.caseId(), at.custodianId(), at.kind(), at.sourceId())));
  }

  /** The property table of a custodian's sources of one kind. */
  public static PropertyTable sourcesQueryable(SourceKind kind) {
    return kind == SourceKind.USER ? USER_SOURCES_QUERYABLE : SITE_SOURCES_QUERYABLE;
  }

  private static SourceKind kind(String sources) {
    return SourcePath.kind(sources);
  }

  private static boolean include(HttpHeaders headers) {
    return Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
  }
}
