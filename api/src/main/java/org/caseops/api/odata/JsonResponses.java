package org.caseops.api.odata;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Successful responses carrying JSON text, so that no JSON provider of the runtime is involved. */
public final class JsonResponses {
  private JsonResponses() {}

  public static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  public static Response created(URI location, JsonObject body) {
    return Response.created(location)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  /**
   * 202 Accepted with an empty body and the {@code Location} of what was started, as Graph answers
   * an action.
   */
  public static Response accepted(URI location) {
    return Response.accepted().location(location).build();
  }

  public static Response noContent() {
    return Response.noContent().build();
  }
}
