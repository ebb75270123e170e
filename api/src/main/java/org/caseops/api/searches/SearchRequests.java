package org.caseops.api.searches;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.caseops.api.odata.Flags;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.Refs;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;

/**
 * Bodies of {@code POST} and {@code PATCH} on searches. Writable: displayName (required on create,
 * not null, at most 256 characters), description (at most 4000, null clears it), contentQuery (KQL,
 * at most {@value EdiscoverySearch#MAX_QUERY} characters, checked by {@link ContentQueries}; null
 * or empty matches everything in scope), dataSourceScopes (a flags string, e.g. {@code
 * "allCaseCustodians"}; null is {@code none}). On create only, {@code custodianSources@odata.bind}
 * and {@code additionalSources@odata.bind}: arrays of URLs (absolute, or relative to the service
 * root) of userSources and siteSources of the case's custodians. The server-owned properties are
 * ignored; anything else is refused.
 */
public final class SearchRequests {
  static final int MAX_DISPLAY_NAME = 256;
  static final int MAX_DESCRIPTION = 4000;
  static final String[] IGNORED = {
    "id", "createdDateTime", "createdBy", "lastModifiedDateTime", "lastModifiedBy"
  };
  public static final String CUSTODIAN_SOURCES = "custodianSources" + Refs.BIND;
  public static final String ADDITIONAL_SOURCES = "additionalSources" + Refs.BIND;
  public static final String NONCUSTODIAL_SOURCES = "noncustodialSources" + Refs.BIND;

  private SearchRequests() {}

  public record NewSearch(
      String displayName,
      String description,
      String contentQuery,
      Set<DataSourceScopes> scopes,
      List<String> custodianSourceUrls,
      List<String> additionalSourceUrls,
      List<String> noncustodialSourceUrls) {}

  /**
   * What a client changes: null displayName, contentQuery and scopes mean unchanged; the
   * description changes only when given (possibly to null).
   */
  public record SearchChanges(
      String displayName,
      boolean descriptionGiven,
      String description,
      String contentQuery,
      Set<DataSourceScopes> scopes) {}

  public static NewSearch parseNew(JsonObject json, boolean include) {
    JsonBody body = start(json);
    String displayName = body.requiredString("displayName", MAX_DISPLAY_NAME);
    String description = body.optionalString("description", MAX_DESCRIPTION);
    String query =
        ContentQueries.check(
            "contentQuery", body.optionalString("contentQuery", EdiscoverySearch.MAX_QUERY), false);
    Set<DataSourceScopes> scopes = scopes(body, include);
    List<String> custodianSources = Refs.urls(body, CUSTODIAN_SOURCES);
    List<String> additionalSources = Refs.urls(body, ADDITIONAL_SOURCES);
    List<String> noncustodialSources = Refs.urls(body, NONCUSTODIAL_SOURCES);
    body.rejectUnknown();
    return new NewSearch(
        displayName,
        description,
        query,
        scopes == null ? Set.of() : scopes,
        custodianSources,
        additionalSources,
        noncustodialSources);
  }

  public static SearchChanges parseChanges(JsonObject json, boolean include) {
    JsonBody body = start(json);
    String displayName = body.nonNullString("displayName", MAX_DISPLAY_NAME);
    boolean descriptionGiven = body.has("description");
    String description = body.optionalString("description", MAX_DESCRIPTION);
    String query = null;
    if (body.has("contentQuery")) {
      String given = body.optionalString("contentQuery", EdiscoverySearch.MAX_QUERY);
      query = ContentQueries.check("contentQuery", given == null ? "" : given, false);
    }
    Set<DataSourceScopes> scopes = scopes(body, include);
    body.rejectUnknown();
    return new SearchChanges(displayName, descriptionGiven, description, query, scopes);
  }

  private static Set<DataSourceScopes> scopes(JsonBody body, boolean include) {
    if (!body.has("dataSourceScopes")) {
      body.value("dataSourceScopes");
      return null;
    }
    String value = body.optionalFlags("dataSourceScopes", 256);
    return Flags.parse(DataSourceScopes.class, "dataSourceScopes", value, include);
  }

  private static JsonBody start(JsonObject json) {
    JsonBody body = JsonBody.of(json, SearchJson.TYPE);
    body.expectType(SearchJson.TYPE);
    body.ignore(IGNORED);
    return body;
  }
}
