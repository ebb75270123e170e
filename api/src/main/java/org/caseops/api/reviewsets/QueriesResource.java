package org.caseops.api.reviewsets;

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
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.actions.ContentExportAction;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.reviewsets.ReviewSetQuery;

/**
 * {@code .../reviewSets/{reviewSetId}/queries}, a sub-resource of {@link ReviewSetsResource} made
 * for each request: the review set's saved queries (create 201, list, read, update 204, delete 204)
 * and their action {@code applyTags} (202 + {@code Location}).
 */
@Produces(MediaType.APPLICATION_JSON)
public class QueriesResource {
  /** The properties {@code $filter} and {@code $orderby} may use on review-set queries. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(ReviewSetJson.QUERY_TYPE)
          .string("id")
          .string("displayName")
          .dateTime("createdDateTime")
          .dateTime("lastModifiedDateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, ReviewSetJson.QUERY_PROPERTIES, ReviewSetJson.QUERY_TYPE);

  private final ReviewSetService service;
  private final CallerIdentity caller;
  private final String rawReviewSetId;

  QueriesResource(ReviewSetService service, CallerIdentity caller, String rawReviewSetId) {
    this.service = service;
    this.caller = caller;
    this.rawReviewSetId = rawReviewSetId;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    ReviewSetRequests.NewQuery parsed = ReviewSetRequests.parseNewQuery(JsonBody.read(body));
    ReviewSetQuery query = service.addQuery(caseId, reviewSetId, parsed, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.queryPath(caseId, reviewSetId, query.getId())),
        ReviewSetJson.queryEntity(root, query));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    return request.collection(
        SHAPE,
        GraphPaths.queriesKey(caseId, reviewSetId),
        q -> service.listQueries(caseId, reviewSetId, q),
        f -> service.countQueries(reviewSetId, f),
        ReviewSetJson::queryItem);
  }

  @GET
  @Path("{queryId}")
  public Response get(@BeanParam GraphRequest request, @PathParam("queryId") String rawQueryId) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    QueryOptions options =
        request.options(ReviewSetJson.QUERY_PROPERTIES, ReviewSetJson.QUERY_TYPE);
    ReviewSetQuery query = service.getQuery(caseId, reviewSetId, queryId);
    return JsonResponses.ok(options.project(ReviewSetJson.queryEntity(request.root(), query)));
  }

  @PATCH
  @Path("{queryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @BeanParam GraphRequest request, @PathParam("queryId") String rawQueryId, InputStream body) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    ReviewSetRequests.QueryChanges changes =
        ReviewSetRequests.parseQueryChanges(JsonBody.read(body));
    service.updateQuery(caseId, reviewSetId, queryId, changes, caller.identitySet());
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{queryId}")
  public Response delete(@BeanParam GraphRequest request, @PathParam("queryId") String rawQueryId) {
    service.deleteQuery(
        request.caseId(),
        ResourceLookups.reviewSetId(rawReviewSetId),
        ResourceLookups.queryId(rawQueryId));
    return JsonResponses.noContent();
  }

  @POST
  @Path("{queryId}/applyTags")
  public Response applyTags(
      @BeanParam GraphRequest request, @PathParam("queryId") String rawQueryId, InputStream body) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            CaseAction.applyTags, JsonBody.readOptional(body), request.includeUnknownEnumMembers());
    CaseOperation operation =
        service.applyTags(caseId, reviewSetId, queryId, parameters, caller.identitySet());
    return ReviewSetsResource.accepted(request, operation);
  }

  @POST
  @Path("{queryId}/export")
  public Response export(
      @BeanParam GraphRequest request, @PathParam("queryId") String rawQueryId, InputStream body) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String queryId = ResourceLookups.queryId(rawQueryId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            ContentExportAction.ON_QUERY,
            JsonBody.readOptional(body),
            request.includeUnknownEnumMembers());
    CaseOperation operation =
        service.export(caseId, reviewSetId, queryId, parameters, caller.identitySet());
    return ReviewSetsResource.accepted(request, operation);
  }
}
