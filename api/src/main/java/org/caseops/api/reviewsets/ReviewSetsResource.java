package org.caseops.api.reviewsets;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.Preferences;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.OperationRequest;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetQuery;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/reviewSets}: create (201), list and read review sets; the action
 * {@code addToReviewSet} (202 + {@code Location}); the review set's {@code files} (paged, with {@code $filter} and
 * {@code $orderby}), one file, and its stored
 * {@code content}; the review set's {@code queries} (create 201, list, read, update 204, delete 204) and their action
 * {@code applyTags} (202 + {@code Location}).
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/reviewSets")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewSetsResource {
  /** The properties {@code $filter} and {@code $orderby} may use on review sets. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(ReviewSetJson.TYPE).string("id").string("displayName").dateTime("createdDateTime").build();

  /** The properties {@code $filter} and {@code $orderby} may use on review-set queries. */
  public static final PropertyTable QUERIES_QUERYABLE =
      PropertyTable.of(ReviewSetJson.QUERY_TYPE)
          .string("id")
          .string("displayName")
          .dateTime("createdDateTime")
          .dateTime("lastModifiedDateTime")
          .build();

  /**
   * The properties {@code $filter} and {@code $orderby} may use on files. {@code dateTime} is the sent time, else the
   * time the file was added, as written; {@code extension} and {@code sourceType} are derived when the file is written
   * and have no column to query.
   */
  public static final PropertyTable FILES_QUERYABLE =
      PropertyTable.of(FileJson.TYPE)
          .string("id")
          .string("name")
          .string("subjectTitle")
          .int64("size")
          .dateTime("dateTime")
          .build();

  @Inject ReviewSetService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String displayName = ReviewSetRequests.parseNewReviewSet(JsonBody.read(body));
    ReviewSet set = service.create(caseId, displayName, caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.reviewSetPath(caseId, set.getId())), ReviewSetJson.entity(root, set));
  }

  @GET
  public Response list(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include(headers));
    options.checkSelect(ReviewSetJson.PROPERTIES, ReviewSetJson.TYPE);
    List<ReviewSet> page = service.list(caseId, options.listQuery());
    long total = service.count(caseId, options.filter());
    return options.collectionResponse(uri, version, GraphPaths.reviewSetsKey(caseId), page, total, ReviewSetJson::item);
  }

  @GET
  @Path("{reviewSetId}")
  public Response get(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(ReviewSetJson.PROPERTIES, ReviewSetJson.TYPE);
    ReviewSet set = service.get(caseId, reviewSetId);
    return JsonResponses.ok(options.project(ReviewSetJson.entity(ServiceRoot.of(uri.getBaseUri(), version), set)));
  }

  @POST
  @Path("{reviewSetId}/addToReviewSet")
  public Response addToReviewSet(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    OperationRequest parameters =
        OperationRequest.parseParameters(CaseAction.addToReviewSet, JsonBody.readOptional(body), include(headers));
    CaseOperation operation = service.addToReviewSet(caseId, reviewSetId, parameters, caller.identitySet());
    return accepted(uri, version, operation);
  }

  // ---- files

  @GET
  @Path("{reviewSetId}/files")
  public Response files(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), FILES_QUERYABLE, include(headers));
    options.checkSelect(FileJson.PROPERTIES, FileJson.TYPE);
    List<ReviewSetService.FileView> page = service.files(caseId, reviewSetId, options.listQuery());
    long total = service.countFiles(reviewSetId, options.filter());
    return options.collectionResponse(
        uri,
        version,
        GraphPaths.filesKey(caseId, reviewSetId),
        page,
        total,
        f -> FileJson.item(f.file(), f.sourceKind(), f.tags()));
  }

  @GET
  @Path("{reviewSetId}/files/{fileId}")
  public Response file(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @PathParam("fileId") String rawFileId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String fileId = ResourceLookups.fileId(rawFileId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(FileJson.PROPERTIES, FileJson.TYPE);
    ReviewSetService.FileView view = service.file(caseId, reviewSetId, fileId);
    return JsonResponses.ok(
        options.project(
            FileJson.entity(ServiceRoot.of(uri.getBaseUri(), version), view.file(), view.sourceKind(), view.tags())));
  }

  @GET
  @Path("{reviewSetId}/files/{fileId}/content")
  @Produces(MediaType.WILDCARD)
  public Response content(
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @PathParam("fileId") String rawFileId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String fileId = ResourceLookups.fileId(rawFileId);
    QueryOptions.parse(uri.getQueryParameters());
    ReviewSetService.FileContent content;
    try {
      content = service.content(caseId, reviewSetId, fileId);
    } catch (UncheckedIOException e) {
      throw ApiException.serverError(e.getMessage());
    }
    StreamingOutput output =
        out -> {
          try (InputStream in = content.stream()) {
            in.transferTo(out);
          }
        };
    return Response.ok(output, content.mediaType()).header("Content-Length", content.size()).build();
  }

  // ---- queries

  @POST
  @Path("{reviewSetId}/queries")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addQuery(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @Context UriInfo uri,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    ReviewSetRequests.NewQuery request = ReviewSetRequests.parseNewQuery(JsonBody.read(body));
    ReviewSetQuery query = service.addQuery(caseId, reviewSetId, request, caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(
        root.resolve(GraphPaths.queryPath(caseId, reviewSetId, query.getId())),
        ReviewSetJson.queryEntity(root, query));
  }

  @GET
  @Path("{reviewSetId}/queries")
  public Response listQueries(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERIES_QUERYABLE, include(headers));
    options.checkSelect(ReviewSetJson.QUERY_PROPERTIES, ReviewSetJson.QUERY_TYPE);
    List<ReviewSetQuery> page = service.listQueries(caseId, reviewSetId, options.listQuery());
    long total = service.countQueries(reviewSetId, options.filter());
    return options.collectionResponse(
        uri, version, GraphPaths.queriesKey(caseId, reviewSetId), page, total, ReviewSetJson::queryItem);
  }

  @GET
  @Path("{reviewSetId}/queries/{queryId}")
  public Response getQuery(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @PathParam("queryId") String rawQueryId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(ReviewSetJson.QUERY_PROPERTIES, ReviewSetJson.QUERY_TYPE);
    ReviewSetQuery query = service.getQuery(caseId, reviewSetId, queryId);
    return JsonResponses.ok(
        options.project(ReviewSetJson.queryEntity(ServiceRoot.of(uri.getBaseUri(), version), query)));
  }

  @PATCH
  @Path("{reviewSetId}/queries/{queryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateQuery(
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @PathParam("queryId") String rawQueryId,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    ReviewSetRequests.QueryChanges changes = ReviewSetRequests.parseQueryChanges(JsonBody.read(body));
    service.updateQuery(caseId, reviewSetId, queryId, changes, caller.identitySet());
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{reviewSetId}/queries/{queryId}")
  public Response deleteQuery(
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @PathParam("queryId") String rawQueryId) {
    service.deleteQuery(
        Lookups.caseId(rawCaseId), ResourceLookups.reviewSetId(rawReviewSetId), ResourceLookups.queryId(rawQueryId));
    return JsonResponses.noContent();
  }

  @POST
  @Path("{reviewSetId}/queries/{queryId}/applyTags")
  public Response applyTags(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("reviewSetId") String rawReviewSetId,
      @PathParam("queryId") String rawQueryId,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    OperationRequest parameters =
        OperationRequest.parseParameters(CaseAction.applyTags, JsonBody.readOptional(body), include(headers));
    CaseOperation operation = service.applyTags(caseId, reviewSetId, queryId, parameters, caller.identitySet());
    return accepted(uri, version, operation);
  }

  private static Response accepted(UriInfo uri, String version, CaseOperation operation) {
    return JsonResponses.accepted(
        ServiceRoot.of(uri.getBaseUri(), version)
            .resolve(GraphPaths.operationPath(operation.getCaseId(), operation.getId())));
  }

  private static boolean include(HttpHeaders headers) {
    return Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
  }
}
