package org.caseops.domain.custodians;

/**
 * What a custodian's data source points at: a mailbox (Graph's userSource) or a document site
 * (siteSource).
 */
public enum SourceKind {
  USER("#microsoft.graph.security.userSource", "userSources"),
  SITE("#microsoft.graph.security.siteSource", "siteSources");

  private final String odataType;
  private final String collection;

  SourceKind(String odataType, String collection) {
    this.odataType = odataType;
    this.collection = collection;
  }

  public String odataType() {
    return odataType;
  }

  /** The navigation property of a custodian that lists sources of this kind. */
  public String collection() {
    return collection;
  }
}
