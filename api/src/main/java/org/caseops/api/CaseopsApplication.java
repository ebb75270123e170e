package org.caseops.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.caseops.api.audit.AuditFilter;
import org.caseops.api.audit.AuditLogResource;
import org.caseops.api.cases.CasesResource;
import org.caseops.api.cases.ClosedCaseFilter;
import org.caseops.api.custodians.CustodiansResource;
import org.caseops.api.custodians.NoncustodialSourcesResource;
import org.caseops.api.errors.ApiExceptionMapper;
import org.caseops.api.errors.OperationStartExceptionMapper;
import org.caseops.api.errors.RequestRefusedExceptionMapper;
import org.caseops.api.errors.UnexpectedExceptionMapper;
import org.caseops.api.errors.WebApplicationExceptionMapper;
import org.caseops.api.exports.DownloadsResource;
import org.caseops.api.health.HealthResource;
import org.caseops.api.holds.LegalHoldsResource;
import org.caseops.api.odata.CountSegment;
import org.caseops.api.odata.PreferenceAppliedFilter;
import org.caseops.api.operations.AllOperationsResource;
import org.caseops.api.operations.OperationsResource;
import org.caseops.api.requests.PathNormalizationFilter;
import org.caseops.api.requests.RequestIdFilter;
import org.caseops.api.reviewsets.ReviewSetsResource;
import org.caseops.api.searches.SearchesResource;
import org.caseops.api.security.AuthenticationFilter;
import org.caseops.api.tags.TagsResource;
import org.caseops.api.throttling.ThrottlingFilter;

/**
 * The JAX-RS application at the root of the server's context: Graph service roots {@code /v1.0} and
 * {@code /beta}, and {@code /health}. Every request but {@code /health} needs a bearer token
 * ({@link AuthenticationFilter}). Resources and providers are listed here rather than scanned, so
 * every runtime serves the same set.
 */
@ApplicationPath("/")
public class CaseopsApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        HealthResource.class,
        CasesResource.class,
        CustodiansResource.class,
        NoncustodialSourcesResource.class,
        LegalHoldsResource.class,
        OperationsResource.class,
        AllOperationsResource.class,
        SearchesResource.class,
        ReviewSetsResource.class,
        TagsResource.class,
        AuditLogResource.class,
        DownloadsResource.class,
        RequestIdFilter.class,
        PathNormalizationFilter.class,
        CountSegment.class,
        AuthenticationFilter.class,
        PreferenceAppliedFilter.class,
        ThrottlingFilter.class,
        AuditFilter.class,
        ClosedCaseFilter.class,
        ApiExceptionMapper.class,
        RequestRefusedExceptionMapper.class,
        OperationStartExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        UnexpectedExceptionMapper.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    // Jersey would otherwise answer OPTIONS and /application.wadl with WADL instead of Graph-shaped
    // responses.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
