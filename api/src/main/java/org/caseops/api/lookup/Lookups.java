package org.caseops.api.lookup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caseops.api.errors.GraphError;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Turns the ids of a URL into stored resources. An id of a shape caseops never writes and a missing
 * resource are both a 404 {@code itemNotFound}: the first names its type, the second the first
 * missing level (the case, then the custodian, then the source or operation); only an id in a
 * request body is checked for its shape with a 400 {@code invalidRequest}. The child is read first
 * and the parents only when it is missing, so that a found resource costs one read.
 */
@Dependent
public class Lookups {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  private final CaseRepository cases;
  private final CustodianRepository custodians;
  private final CaseOperationRepository operations;

  @Inject
  public Lookups(
      CaseRepository cases, CustodianRepository custodians, CaseOperationRepository operations) {
    this.cases = cases;
    this.custodians = custodians;
    this.operations = operations;
  }

  /** A case id from a URL: a GUID, returned in lower case. */
  public static String caseId(String raw) {
    return urlGuid(raw, "ediscoveryCase");
  }

  /** A custodian id from a URL: a GUID, returned in lower case. */
  public static String custodianId(String raw) {
    return urlGuid(raw, "ediscoveryCustodian");
  }

  /** A source id from a URL: a GUID, returned in lower case. */
  public static String sourceId(String raw, SourceKind kind) {
    return urlGuid(raw, typeName(kind));
  }

  /** An operation id from a URL: 32 hexadecimal characters, returned in lower case. */
  public static String operationId(String raw) {
    return urlHex32(raw, "caseOperation");
  }

  /**
   * An id of the given type from a URL that caseops writes as a GUID, returned in lower case. An id
   * of any other shape names nothing, so it is a 404 {@code itemNotFound} naming the type, as Graph
   * answers: a client cannot know caseops' id formats.
   */
  public static String urlGuid(String raw, String type) {
    if (raw == null || !GUID.matcher(raw).matches()) {
      throw notFound(raw, type);
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /**
   * An id of the given type from a URL that caseops writes as 32 hexadecimal characters, returned
   * in lower case; 404 {@code itemNotFound} naming the type for an id of any other shape.
   */
  public static String urlHex32(String raw, String type) {
    if (raw == null || !HEX32.matcher(raw).matches()) {
      throw notFound(raw, type);
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  private static ResourceNotFoundException notFound(String raw, String type) {
    return new ResourceNotFoundException("No " + type + " with id '" + GraphError.clip(raw) + "'.");
  }

  /**
   * A GUID id of the given type from a request body, returned in lower case; 400 {@code
   * invalidRequest} otherwise, since the URL itself was right.
   */
  public static String guid(String raw, String type) {
    if (raw == null || !GUID.matcher(raw).matches()) {
      throw new InvalidRequestException(
          "'" + GraphError.clip(raw) + "' is not a valid " + type + " id: ids are GUIDs.");
    }
    return raw.toLowerCase(Locale.ROOT);
  }

  /** {@code userSource} or {@code siteSource}. */
  public static String typeName(SourceKind kind) {
    return kind == SourceKind.USER ? "userSource" : "siteSource";
  }

  public EdiscoveryCase findCase(String caseId) {
    return cases.find(caseId).orElseThrow(() -> caseNotFound(caseId));
  }

  public void requireCase(String caseId) {
    if (!cases.exists(caseId)) {
      throw caseNotFound(caseId);
    }
  }

  public Custodian findCustodian(String caseId, String custodianId) {
    Optional<Custodian> custodian = custodians.find(caseId, custodianId);
    if (custodian.isPresent()) {
      return custodian.get();
    }
    requireCase(caseId);
    throw new ResourceNotFoundException(
        "No ediscoveryCustodian with id '" + custodianId + "' in case '" + caseId + "'.");
  }

  public CustodianSource findSource(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    Optional<CustodianSource> source = custodians.findSource(caseId, custodianId, kind, sourceId);
    if (source.isPresent()) {
      return source.get();
    }
    findCustodian(caseId, custodianId);
    throw new ResourceNotFoundException(
        "No "
            + typeName(kind)
            + " with id '"
            + sourceId
            + "' for custodian '"
            + custodianId
            + "'.");
  }

  public CaseOperation findOperation(String caseId, String operationId) {
    Optional<CaseOperation> operation = operations.find(caseId, operationId);
    if (operation.isPresent()) {
      return operation.get();
    }
    requireCase(caseId);
    throw new ResourceNotFoundException(
        "No caseOperation with id '" + operationId + "' in case '" + caseId + "'.");
  }

  private static ResourceNotFoundException caseNotFound(String caseId) {
    return new ResourceNotFoundException("No ediscoveryCase with id '" + caseId + "'.");
  }
}
