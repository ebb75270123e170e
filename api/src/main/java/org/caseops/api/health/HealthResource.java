package org.caseops.api.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} when the server answers and its database can be
 * queried, 503 {@code {"status":"DOWN"}} when the database cannot. Where the runtime maps its own
 * MicroProfile Health servlet over {@code /health} in the root context, {@link HealthPathFilter}
 * keeps this answer there.
 */
@RequestScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  @Inject DatabaseProbe database;

  @GET
  public Response health() {
    boolean up = database.failure().isEmpty();
    return Response.status(up ? 200 : 503)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(up))
        .build();
  }

  /** {@code {"status":"UP"}} or {@code {"status":"DOWN"}}. */
  static String body(boolean up) {
    return Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").build().toString();
  }
}
