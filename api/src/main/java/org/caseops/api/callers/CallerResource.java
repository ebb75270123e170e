package org.caseops.api.callers;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.security.AuthenticatedCaller;
import org.caseops.api.security.Permissions;

/**
 * {@code /caseops/me} (a caseops addition): the caller as the server sees its token, so that a
 * client such as the console knows what it may offer: {@code identity} (an identitySet, as {@code
 * createdBy} records it), the eDiscovery {@code permissions} the token grants, and {@code canWrite}
 * and {@code canReadAuditLog}.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/caseops/me")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {
  @Context HttpServletRequest servletRequest;

  @GET
  public Response me(@BeanParam GraphRequest request) {
    AuthenticatedCaller caller =
        (AuthenticatedCaller) servletRequest.getAttribute(AuthenticatedCaller.PROPERTY);
    JsonArrayBuilder permissions = Json.createArrayBuilder();
    new TreeSet<>(caller.permissions()).forEach(permissions::add);
    return JsonResponses.ok(
        Json.createObjectBuilder()
            .add("@odata.context", request.root().context("caseops/me"))
            .add("identity", GraphJson.identitySet(caller.identity()))
            .add("permissions", permissions)
            .add("canWrite", Permissions.missing("POST", caller.permissions()).isEmpty())
            .add("canReadAuditLog", Permissions.allowsAuditRead(caller.permissions()))
            .build());
  }
}
