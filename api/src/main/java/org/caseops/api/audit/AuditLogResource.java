package org.caseops.api.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.security.AuthenticatedCaller;
import org.caseops.api.security.Permissions;
import org.caseops.domain.audit.AuditLog;

/**
 * {@code /caseops/auditLog}: the audit log, newest first, paged with {@code $top}, {@code $skip} and {@code
 * @odata.nextLink}, with {@code $filter} and {@code $orderby} on the properties of {@link #QUERYABLE}. Only callers whose token grants {@value Permissions#AUDIT_READ} may read it.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/caseops/auditLog")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {
  static final String CONTEXT = "caseops/auditLog";

  /**
   * The properties {@code $filter} and {@code $orderby} may use; {@code dateTime} is when the
   * request was recorded.
   */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(AuditEntryJson.TYPE)
          .string("id")
          .dateTime("dateTime")
          .string("method")
          .string("path")
          .integer("status")
          .string("requestId")
          .string("caseId")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, AuditEntryJson.PROPERTIES, AuditEntryJson.TYPE);

  @Inject AuditLog log;
  @Context HttpServletRequest httpRequest;

  @GET
  public Response list(@BeanParam GraphRequest request) {
    requireAuditRead(httpRequest.getAttribute(AuthenticatedCaller.PROPERTY));
    // No property of an entry is an enumeration, so Prefer: include-unknown-enum-members changes
    // nothing.
    return request.collection(SHAPE, CONTEXT, log::list, log::count, AuditEntryJson::item);
  }

  /**
   * Refuses (403 accessDenied, naming the permission) a caller whose token does not grant the audit
   * permission.
   */
  static void requireAuditRead(Object caller) {
    if (!(caller instanceof AuthenticatedCaller known)
        || !Permissions.allowsAuditRead(known.permissions())) {
      throw new ApiException(
          403,
          ErrorCode.accessDenied,
          "Missing permission: reading the audit log needs the permission "
              + Permissions.AUDIT_READ
              + " (in scp or roles), which the token does not grant.");
    }
  }
}
