package org.caseops.api.reviewsets;

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
import org.caseops.domain.reviewsets.ReviewSet;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/reviewSets}: create (201), list and read review
 * sets; the action {@code addToReviewSet} (202 + {@code Location}); and, as sub-resources, the
 * review set's {@code files} ({@link FilesResource}) and {@code queries} ({@link QueriesResource}).
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/reviewSets")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewSetsResource {
  /** The properties {@code $filter} and {@code $orderby} may use on review sets. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(ReviewSetJson.TYPE)
          .string("id")
          .string("displayName")
          .dateTime("createdDateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, ReviewSetJson.PROPERTIES, ReviewSetJson.TYPE);

  @Inject ReviewSetService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    String displayName = ReviewSetRequests.parseNewReviewSet(JsonBody.read(body));
    ReviewSet set = service.create(caseId, displayName, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.reviewSetPath(caseId, set.getId())),
        ReviewSetJson.entity(root, set));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    return request.collection(
        SHAPE,
        GraphPaths.reviewSetsKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        ReviewSetJson::item);
  }

  @GET
  @Path("{reviewSetId}")
  public Response get(
      @BeanParam GraphRequest request, @PathParam("reviewSetId") String rawReviewSetId) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    QueryOptions options = request.options(ReviewSetJson.PROPERTIES, ReviewSetJson.TYPE);
    ReviewSet set = service.get(caseId, reviewSetId);
    return JsonResponses.ok(options.project(ReviewSetJson.entity(request.root(), set)));
  }

  @POST
  @Path("{reviewSetId}/addToReviewSet")
  public Response addToReviewSet(
      @BeanParam GraphRequest request,
      @PathParam("reviewSetId") String rawReviewSetId,
      InputStream body) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            CaseAction.addToReviewSet,
            JsonBody.readOptional(body),
            request.includeUnknownEnumMembers());
    CaseOperation operation =
        service.addToReviewSet(caseId, reviewSetId, parameters, caller.identitySet());
    return accepted(request, operation);
  }

  @POST
  @Path("{reviewSetId}/export")
  public Response export(
      @BeanParam GraphRequest request,
      @PathParam("reviewSetId") String rawReviewSetId,
      InputStream body) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    OperationRequest parameters =
        OperationRequest.parseParameters(
            ContentExportAction.ON_REVIEW_SET,
            JsonBody.readOptional(body),
            request.includeUnknownEnumMembers());
    CaseOperation operation =
        service.export(caseId, reviewSetId, null, parameters, caller.identitySet());
    return accepted(request, operation);
  }

  /** The review set's files; the ids of the URL are checked by the resource method that answers. */
  @Path("{reviewSetId}/files")
  public FilesResource files(@PathParam("reviewSetId") String rawReviewSetId) {
    return new FilesResource(service, rawReviewSetId);
  }

  /**
   * The review set's saved queries; the ids of the URL are checked by the resource method that
   * answers.
   */
  @Path("{reviewSetId}/queries")
  public QueriesResource queries(@PathParam("reviewSetId") String rawReviewSetId) {
    return new QueriesResource(service, caller, rawReviewSetId);
  }

  /** The 202 answer to an action: the new operation's {@code Location}. */
  static Response accepted(GraphRequest request, CaseOperation operation) {
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(operation.getCaseId(), operation.getId())));
  }
}
