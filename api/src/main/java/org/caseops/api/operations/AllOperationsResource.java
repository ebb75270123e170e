package org.caseops.api.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;

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
      PropertyTable.of(OperationJson.BASE_TYPE)
          .string("id")
          .string("caseId")
          .enumeration("status", CaseOperationStatus.class)
          .enumeration("action", CaseAction.class)
          .dateTime("createdDateTime")
          .dateTime("completedDateTime")
          .integer("percentProgress")
          .build();

  static final List<String> PROPERTIES = properties();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, PROPERTIES, OperationJson.BASE_TYPE);

  @Inject OperationService service;

  private static List<String> properties() {
    List<String> names = new ArrayList<>(OperationJson.PROPERTIES);
    names.add("caseId");
    return List.copyOf(names);
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    boolean include = request.includeUnknownEnumMembers();
    return request.collection(
        SHAPE, CONTEXT, service::listAll, service::countAll, op -> item(op, include));
  }

  /** An operation as an item of this collection: with the case it belongs to. */
  static JsonObject item(CaseOperation operation, boolean include) {
    return Json.createObjectBuilder(OperationJson.item(operation, include))
        .add("caseId", operation.getCaseId())
        .build();
  }
}
