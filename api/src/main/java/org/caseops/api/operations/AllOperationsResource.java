package org.caseops.api.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.exports.ExportDownloads;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.actions.OperationExtras;
import org.caseops.domain.operations.CaseOperation;

/**
 * {@code /caseops/operations} (a caseops addition): the operations of every case, newest first,
 * with the query options of the other collections and server-side paging. Each item is the
 * operation as {@code .../operations/{id}} writes it, plus the {@code caseId} it belongs to.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/caseops/operations")
@Produces(MediaType.APPLICATION_JSON)
public class AllOperationsResource {
  static final String CONTEXT = "caseops/operations";

  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      OperationsResource.queryable().string("caseId").build();

  static final List<String> PROPERTIES = properties();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, PROPERTIES, OperationJson.BASE_TYPE);

  @Inject OperationService service;
  @Inject OperationEvents events;
  @Inject ExportDownloads downloads;

  private static List<String> properties() {
    List<String> names = new ArrayList<>(OperationJson.PROPERTIES);
    names.add("caseId");
    return List.copyOf(names);
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    boolean include = request.includeUnknownEnumMembers();
    return request.collection(
        SHAPE,
        CONTEXT,
        service::listAll,
        service::countAll,
        op -> item(op, include, downloads.extras(request.root())));
  }

  /** An operation as an item of this collection: with the case it belongs to. */
  static JsonObject item(CaseOperation operation, boolean include) {
    return item(operation, include, OperationExtras.NONE);
  }

  /** The same, with what the operation's action lists beside it (an export's files). */
  static JsonObject item(CaseOperation operation, boolean include, OperationExtras extras) {
    return Json.createObjectBuilder(OperationJson.item(operation, include, extras))
        .add("caseId", operation.getCaseId())
        .build();
  }

  /**
   * Deletes the history of finished operations (a caseops addition, read-write): {@code
   * {"endedBefore": "<UTC instant>"}} deletes every succeeded, partiallySucceeded, failed and
   * submissionFailed operation of every case that ended before it; answers {@code {"deletedCount":
   * n}}.
   */
  @POST
  @Path("cleanUp")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response cleanUp(InputStream body) {
    JsonBody json = JsonBody.of(JsonBody.read(body), "caseops.operationsCleanUp");
    String raw = json.requiredString("endedBefore", 64);
    Instant before;
    try {
      before = Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidRequest(
          "'endedBefore' must be a UTC instant such as 2026-01-31T00:00:00Z, not '"
              + GraphError.clip(raw)
              + "'.");
    }
    json.rejectUnknown();
    int deleted = service.deleteEndedBefore(before);
    return JsonResponses.ok(Json.createObjectBuilder().add("deletedCount", deleted).build());
  }

  /**
   * The live stream of operation changes (a caseops addition): server-sent events named {@code
   * operation} whose data is the operation as this collection writes it; {@code Last-Event-ID}
   * resumes after the last event a client saw.
   */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @BeanParam GraphRequest request,
      @Context SseEventSink sink,
      @Context Sse sse,
      @HeaderParam("Last-Event-ID") String lastEventId) {
    events.subscribe(sink, sse, lastEventId, request.root());
  }
}
