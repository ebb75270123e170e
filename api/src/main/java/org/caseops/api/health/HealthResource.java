package org.caseops.api.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.cases.CaseRepository;

/**
 * {@code GET /health}: 200 {@code {"status":"UP"}} when the server answers and its database can be
 * queried, 503 {@code {"status":"DOWN"}} when the database cannot.
 */
@RequestScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());
  private static final String PROBE_ID = "00000000-0000-0000-0000-000000000000";

  @Inject CaseRepository cases;

  @GET
  public Response health() {
    try {
      cases.exists(PROBE_ID);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Health probe: the database cannot be queried", e);
      return Response.status(503)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(status("DOWN"))
          .build();
    }
    return Response.ok(status("UP"), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static String status(String status) {
    return Json.createObjectBuilder().add("status", status).build().toString();
  }
}
