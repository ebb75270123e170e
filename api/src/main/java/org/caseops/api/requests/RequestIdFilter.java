package org.caseops.api.requests;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every request its ids before anything else runs (so that even a 404 for an unknown path has
 * them), and puts {@code request-id} and {@code client-request-id} on every response.
 */
@Provider
@PreMatching
@Priority(100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getProperty(RequestIds.PROPERTY) instanceof RequestIds.Pair)) {
      request.setProperty(
          RequestIds.PROPERTY,
          RequestIds.create(request.getHeaderString(RequestIds.CLIENT_REQUEST_ID)));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    RequestIds.Pair ids;
    if (request.getProperty(RequestIds.PROPERTY) instanceof RequestIds.Pair pair) {
      ids = pair;
    } else {
      ids = RequestIds.create(request.getHeaderString(RequestIds.CLIENT_REQUEST_ID));
      request.setProperty(RequestIds.PROPERTY, ids);
    }
    response.getHeaders().putSingle(RequestIds.REQUEST_ID, ids.requestId());
    response.getHeaders().putSingle(RequestIds.CLIENT_REQUEST_ID, ids.clientRequestId());
  }
}
