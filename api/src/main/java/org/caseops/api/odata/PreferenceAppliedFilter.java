package org.caseops.api.odata;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers {@code Preference-Applied: include-unknown-enum-members} whenever the request asked for
 * it: the API honours the preference on every resource, for every enum in the payload.
 */
@Provider
public class PreferenceAppliedFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (Preferences.includeUnknownEnumMembers(request.getHeaderString(Preferences.PREFER))) {
      response
          .getHeaders()
          .putSingle(Preferences.PREFERENCE_APPLIED, Preferences.INCLUDE_UNKNOWN_ENUM_MEMBERS);
    }
  }
}
