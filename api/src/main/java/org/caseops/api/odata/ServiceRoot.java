package org.caseops.api.odata;

import java.net.URI;

/**
 * The service root a request was made under, e.g. {@code http://localhost:8080/v1.0}: the base of
 * absolute URLs and of {@code @odata.context} values.
 */
public record ServiceRoot(String url) {

  /**
   * The root for the application's base URI (as the container sees it) and the version segment of
   * the request.
   */
  public static ServiceRoot of(URI baseUri, String version) {
    String base = baseUri.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return new ServiceRoot(base + "/" + version);
  }

  /** An {@code @odata.context} value: {@code {root}/$metadata#{fragment}}. */
  public String context(String fragment) {
    return url + "/$metadata#" + fragment;
  }

  /** The absolute URL of a resource path under the root. */
  public URI resolve(String path) {
    return URI.create(url + "/" + path);
  }
}
