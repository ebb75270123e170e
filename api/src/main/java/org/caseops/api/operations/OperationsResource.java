package org.caseops.api.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.List;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.exports.ExportDownloads;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.Refs;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.purge.PurgeRestorer;
import org.caseops.domain.support.ListQuery;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/operations}: submit, list and read case
 * operations.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {
  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE = queryable().build();

  /** The properties of an operation that {@code $filter} and {@code $orderby} may use. */
  static PropertyTable.Builder queryable() {
    return PropertyTable.of(OperationJson.BASE_TYPE)
        .string("id")
        .enumeration("status", CaseOperationStatus.class)
        .enumeration("action", CaseAction.class)
        .dateTime("createdDateTime")
        .dateTime("completedDateTime")
        .integer("percentProgress");
  }

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, OperationJson.PROPERTIES, OperationJson.BASE_TYPE);

  @Inject OperationService service;
  @Inject OperationTargets targets;
  @Inject OperationControlService control;
  @Inject CallerIdentity caller;
  @Inject ExportDownloads downloads;
  @Inject ItemFailureRepository failures;
  @Inject PurgeRestoreService restores;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    boolean include = request.includeUnknownEnumMembers();
    OperationRequest submitted = OperationRequest.parse(JsonBody.read(body), include);
    CaseOperation operation =
        service.submit(
            caseId,
            submitted.action(),
            targets.resolve(caseId, submitted),
            submitted.parameters(),
            caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.operationPath(caseId, operation.getId())),
        OperationJson.entity(root, operation, include, downloads.extras(root)));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    boolean include = request.includeUnknownEnumMembers();
    return request.collection(
        SHAPE,
        GraphPaths.operationsKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        op -> OperationJson.item(op, include, downloads.extras(request.root())));
  }

  @GET
  @Path("{operationId}")
  public Response get(
      @BeanParam GraphRequest request, @PathParam("operationId") String rawOperationId) {
    String caseId = request.caseId();
    String operationId = Lookups.operationId(rawOperationId);
    QueryOptions options = request.options(OperationJson.PROPERTIES, OperationJson.BASE_TYPE);
    CaseOperation operation = service.get(caseId, operationId);
    return JsonResponses.ok(
        options.project(
            OperationJson.entity(
                request.root(),
                operation,
                request.includeUnknownEnumMembers(),
                downloads.extras(request.root()))));
  }

  /**
   * Cancels an open operation (a caseops addition): its job stops at its next checkpoint and the
   * operation ends failed, saying who cancelled it. 202 with the operation's Location.
   */
  @POST
  @Path("{operationId}/cancel")
  public Response cancel(
      @BeanParam GraphRequest request, @PathParam("operationId") String rawOperationId) {
    String caseId = request.caseId();
    CaseOperation operation =
        control.cancel(caseId, Lookups.operationId(rawOperationId), caller.identitySet());
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  /**
   * Retries a failed or cancelled operation from its job's checkpoint (a caseops addition), keeping
   * its id. 202 with the operation's Location.
   */
  @POST
  @Path("{operationId}/retry")
  public Response retry(
      @BeanParam GraphRequest request, @PathParam("operationId") String rawOperationId) {
    String caseId = request.caseId();
    CaseOperation operation = control.retry(caseId, Lookups.operationId(rawOperationId));
    return JsonResponses.accepted(
        request.root().resolve(GraphPaths.operationPath(caseId, operation.getId())));
  }

  /** Failed items written inline in an operation's {@code caseops.execution}. */
  static final int FAILED_ITEMS_INLINE = 20;

  private static final CollectionShape FAILED_ITEMS_SHAPE =
      new CollectionShape(
          PropertyTable.of(ExecutionJson.FAILED_ITEM_TYPE)
              .string("step")
              .string("item")
              .string("reason")
              .dateTime("recordedDateTime")
              .build(),
          ExecutionJson.FAILED_ITEM_PROPERTIES,
          ExecutionJson.FAILED_ITEM_TYPE);

  /**
   * The operation's job as the batch runtime keeps it (a caseops addition, also as {@code
   * caseops.execution}): each execution with its steps and their metrics, and the items that failed
   * (the first {@value #FAILED_ITEMS_INLINE}, with a link to the rest).
   */
  @GET
  @Path("{operationId}/execution")
  public Response execution(
      @BeanParam GraphRequest request, @PathParam("operationId") String rawOperationId) {
    String caseId = request.caseId();
    CaseOperation operation = service.get(caseId, Lookups.operationId(rawOperationId));
    String context =
        request
            .root()
            .context(
                GraphPaths.operationsKey(caseId)
                    + "('"
                    + operation.getId()
                    + "')/caseops.execution");
    long failedCount = failures.count(operation.getId(), null);
    List<ItemFailure> first =
        failedCount == 0
            ? List.of()
            : failures.list(operation.getId(), ListQuery.page(0, FAILED_ITEMS_INLINE));
    String more =
        failedCount > first.size()
            ? request.root().resolve(failedItemsPath(caseId, operation.getId())).toString()
                + "?$skip="
                + FAILED_ITEMS_INLINE
            : null;
    return JsonResponses.ok(
        ExecutionJson.write(context, operation, service.runs(operation), failedCount, first, more));
  }

  /**
   * The items the operation's job could not process, with their reasons (a caseops addition), in
   * the order they were recorded; paged and filtered as the other collections.
   */
  @GET
  @Path("{operationId}/execution/failedItems")
  public Response failedItems(
      @BeanParam GraphRequest request, @PathParam("operationId") String rawOperationId) {
    String caseId = request.caseId();
    String operationId = service.get(caseId, Lookups.operationId(rawOperationId)).getId();
    return request.collection(
        FAILED_ITEMS_SHAPE,
        GraphPaths.operationsKey(caseId) + "('" + operationId + "')/caseops.execution/failedItems",
        q -> failures.list(operationId, q),
        f -> failures.count(operationId, f),
        ExecutionJson::failedItem);
  }

  private static String failedItemsPath(String caseId, String operationId) {
    return GraphPaths.operationPath(caseId, operationId) + "/caseops.execution/failedItems";
  }

  /**
   * Restores what a recoverable purge removed (a caseops addition, also as {@code
   * caseops.restore}): the items named by {@code itemIds}, or every item the purge removed. 200
   * with what was restored now and what was restored before.
   */
  @POST
  @Path("{operationId}/restore")
  public Response restore(
      @BeanParam GraphRequest request,
      @PathParam("operationId") String rawOperationId,
      InputStream body) {
    String caseId = request.caseId();
    String operationId = Lookups.operationId(rawOperationId);
    JsonObject json = JsonBody.readOptional(body);
    List<String> itemIds = List.of();
    if (json != null) {
      JsonBody parsed = JsonBody.of(json, "caseops.restore parameters");
      itemIds = Refs.strings(parsed, "itemIds", PurgeRestoreService.MAX_ITEMS);
      parsed.rejectUnknown();
    }
    PurgeRestorer.Restored restored = restores.restore(caseId, operationId, itemIds);
    String context =
        request
            .root()
            .context(GraphPaths.operationsKey(caseId) + "('" + operationId + "')/caseops.restore");
    JsonArrayBuilder now = Json.createArrayBuilder();
    restored.restoredIds().forEach(now::add);
    JsonArrayBuilder before = Json.createArrayBuilder();
    restored.alreadyRestoredIds().forEach(before::add);
    return JsonResponses.ok(
        Json.createObjectBuilder()
            .add("@odata.context", context)
            .add("restoredCount", restored.restoredIds().size())
            .add("alreadyRestoredCount", restored.alreadyRestoredIds().size())
            .add("restoredItemIds", now)
            .add("alreadyRestoredItemIds", before)
            .build());
  }
}
