package org.caseops.api.custodians;

import jakarta.ws.rs.PathParam;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.custodians.SourceKind;

/**
 * The path parameters that name one data source, {@code
 * .../ediscoveryCases/{caseId}/custodians/{custodianId}/ {userSources|siteSources}/{sourceId}},
 * checked once for every resource method under it.
 */
public class SourcePath {
  @PathParam("caseId")
  String rawCaseId;

  @PathParam("custodianId")
  String rawCustodianId;

  @PathParam("sources")
  String sources;

  @PathParam("sourceId")
  String rawSourceId;

  /** The checked ids and the kind of source. */
  record Source(String caseId, String custodianId, SourceKind kind, String sourceId) {}

  Source source() {
    SourceKind kind = kind(sources);
    return new Source(
        Lookups.caseId(rawCaseId),
        Lookups.custodianId(rawCustodianId),
        kind,
        Lookups.sourceId(rawSourceId, kind));
  }

  static SourceKind kind(String sources) {
    return SourceKind.USER.collection().equals(sources) ? SourceKind.USER : SourceKind.SITE;
  }
}
