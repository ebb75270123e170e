package org.caseops.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.odata.JsonResponses;

/**
 * {@code /caseops/devSignIn} (a caseops addition, development mode only): {@code GET} answers 200
 * {@code {"available": true}} when the console may offer its one-click local sign-in, and {@code
 * POST} (with a JSON body, so that no other site's form can send it) hands out a read-write token.
 * Both need no token; both are 404 {@code itemNotFound} when a token issuer is configured or the
 * caller is not on the server's own machine (see {@link DevSignIn}).
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/caseops/devSignIn")
@Produces(MediaType.APPLICATION_JSON)
public class DevSignInResource {
  @Inject TokenAuthority authority;
  @Context HttpServletRequest servletRequest;
  @Context HttpHeaders headers;

  @GET
  public Response available() {
    if (!signIn().offeredTo(servletRequest.getRemoteAddr(), host())) {
      throw notOffered();
    }
    return JsonResponses.ok(Json.createObjectBuilder().add("available", true).build());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response signIn(String ignored) {
    String token =
        signIn().tokenFor(servletRequest.getRemoteAddr(), host()).orElseThrow(this::notOffered);
    return Response.ok(
            Json.createObjectBuilder()
                .add("accessToken", token)
                .add("tokenType", "Bearer")
                .add("expiresDateTime", Instant.now().plus(DevSignIn.VALIDITY).toString())
                .build()
                .toString(),
            MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private DevSignIn signIn() {
    return new DevSignIn(authority.developmentKeys());
  }

  private String host() {
    return headers.getHeaderString(HttpHeaders.HOST);
  }

  private ApiException notOffered() {
    return new ApiException(
        404,
        ErrorCode.itemNotFound,
        "There is no local sign-in here: it exists only in development mode (no token issuer"
            + " configured), for a browser on the server's own machine. Sign in with a bearer"
            + " token.");
  }
}
