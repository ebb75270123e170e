package org.caseops.api.odata;

import org.caseops.domain.custodians.SourceKind;

/**
 * Resource paths under the service root, in the two spellings Graph uses: URL paths ({@code
 * ediscoveryCases/{id}/operations/{id}}) for {@code Location} headers, and key-in-parentheses paths
 * ({@code ediscoveryCases('{id}')/operations}) for {@code @odata.context}. Ids are validated before
 * they get here, so they need no escaping.
 */
public final class GraphPaths {
  public static final String CASES = "security/cases/ediscoveryCases";

  private GraphPaths() {}

  /** A single entity of a collection: {@code {collection}/$entity}. */
  public static String entity(String collection) {
    return collection + "/$entity";
  }

  public static String casePath(String caseId) {
    return CASES + "/" + caseId;
  }

  public static String caseKey(String caseId) {
    return CASES + "('" + caseId + "')";
  }

  public static String custodiansKey(String caseId) {
    return caseKey(caseId) + "/custodians";
  }

  public static String custodianKey(String caseId, String custodianId) {
    return custodiansKey(caseId) + "('" + custodianId + "')";
  }

  public static String custodianPath(String caseId, String custodianId) {
    return casePath(caseId) + "/custodians/" + custodianId;
  }

  public static String sourcesKey(String caseId, String custodianId, SourceKind kind) {
    return custodianKey(caseId, custodianId) + "/" + kind.collection();
  }

  public static String sourceKey(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    return sourcesKey(caseId, custodianId, kind) + "('" + sourceId + "')";
  }

  public static String sourcePath(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    return custodianPath(caseId, custodianId) + "/" + kind.collection() + "/" + sourceId;
  }

  public static String noncustodialKey(String caseId) {
    return caseKey(caseId) + "/noncustodialDataSources";
  }

  public static String noncustodialPath(String caseId, String id) {
    return casePath(caseId) + "/noncustodialDataSources/" + id;
  }

  public static String legalHoldsKey(String caseId) {
    return caseKey(caseId) + "/legalHolds";
  }

  public static String legalHoldKey(String caseId, String id) {
    return legalHoldsKey(caseId) + "('" + id + "')";
  }

  public static String legalHoldPath(String caseId, String id) {
    return casePath(caseId) + "/legalHolds/" + id;
  }

  public static String operationsKey(String caseId) {
    return caseKey(caseId) + "/operations";
  }

  public static String operationPath(String caseId, String operationId) {
    return casePath(caseId) + "/operations/" + operationId;
  }

  public static String searchesKey(String caseId) {
    return caseKey(caseId) + "/searches";
  }

  public static String searchKey(String caseId, String searchId) {
    return searchesKey(caseId) + "('" + searchId + "')";
  }

  public static String searchPath(String caseId, String searchId) {
    return casePath(caseId) + "/searches/" + searchId;
  }

  public static String reviewSetsKey(String caseId) {
    return caseKey(caseId) + "/reviewSets";
  }

  public static String reviewSetKey(String caseId, String reviewSetId) {
    return reviewSetsKey(caseId) + "('" + reviewSetId + "')";
  }

  public static String reviewSetPath(String caseId, String reviewSetId) {
    return casePath(caseId) + "/reviewSets/" + reviewSetId;
  }

  public static String queriesKey(String caseId, String reviewSetId) {
    return reviewSetKey(caseId, reviewSetId) + "/queries";
  }

  public static String queryPath(String caseId, String reviewSetId, String queryId) {
    return reviewSetPath(caseId, reviewSetId) + "/queries/" + queryId;
  }

  public static String filesKey(String caseId, String reviewSetId) {
    return reviewSetKey(caseId, reviewSetId) + "/files";
  }

  public static String tagsKey(String caseId) {
    return caseKey(caseId) + "/tags";
  }

  public static String tagKey(String caseId, String tagId) {
    return tagsKey(caseId) + "('" + tagId + "')";
  }

  public static String tagPath(String caseId, String tagId) {
    return casePath(caseId) + "/tags/" + tagId;
  }
}
