package org.caseops.api.requests;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/** Applies {@link PathNormalizer} to every request before the resources are matched. */
@Provider
@PreMatching
@Priority(200)
public class PathNormalizationFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    PathNormalizer.rewrite(uri.getBaseUri(), uri.getRequestUri()).ifPresent(request::setRequestUri);
  }
}
