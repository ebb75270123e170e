package org.caseops.api.custodians;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;

/**
 * userSource and siteSource as Graph writes them, always with {@code @odata.type}. A userSource
 * covers the mailbox only ({@code includedSources} is {@code mailbox}, {@code siteWebUrl} null). A
 * siteSource also carries its URL as {@code siteWebUrl} (a caseops addition; Graph reaches it
 * through the {@code site} navigation, also served).
 */
public final class SourceJson {
  public static final String USER_TYPE = "microsoft.graph.security.userSource";
  public static final String SITE_TYPE = "microsoft.graph.security.siteSource";
  public static final List<String> USER_PROPERTIES =
      List.of(
          "id",
          "displayName",
          "email",
          "includedSources",
          "siteWebUrl",
          "holdStatus",
          "createdDateTime",
          "createdBy");
  public static final List<String> SITE_PROPERTIES =
      List.of("id", "displayName", "siteWebUrl", "holdStatus", "createdDateTime", "createdBy");

  private SourceJson() {}

  public static String typeOf(SourceKind kind) {
    return kind == SourceKind.USER ? USER_TYPE : SITE_TYPE;
  }

  public static List<String> propertiesOf(SourceKind kind) {
    return kind == SourceKind.USER ? USER_PROPERTIES : SITE_PROPERTIES;
  }

  public static JsonObject entity(ServiceRoot root, CustodianSource source) {
    String collection =
        GraphPaths.sourcesKey(source.getCaseId(), source.getCustodianId(), source.getKind());
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("@odata.context", root.context(GraphPaths.entity(collection)));
    return write(json, source).build();
  }

  public static JsonObject item(CustodianSource source) {
    return write(Json.createObjectBuilder(), source).build();
  }

  /** The {@code site} navigation of a siteSource: the site's {@code webUrl}. */
  public static JsonObject site(ServiceRoot root, CustodianSource source) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("@odata.context", root.context("sites/$entity"));
    return GraphJson.addString(json, "webUrl", source.getSiteWebUrl()).build();
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, CustodianSource s) {
    json.add("@odata.type", s.getKind().odataType()).add("id", s.getId());
    GraphJson.addString(json, "displayName", s.getDisplayName());
    if (s.getKind() == SourceKind.USER) {
      GraphJson.addString(json, "email", s.getEmail());
      json.add("includedSources", CustodianRequests.MAILBOX);
      json.addNull("siteWebUrl");
    } else {
      GraphJson.addString(json, "siteWebUrl", s.getSiteWebUrl());
    }
    json.add("holdStatus", s.getHoldStatus().name());
    GraphJson.addTimestamp(json, "createdDateTime", s.getCreatedDateTime());
    json.add("createdBy", GraphJson.identitySet(s.getCreatedBy()));
    return json;
  }
}
