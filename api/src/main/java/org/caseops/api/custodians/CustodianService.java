package org.caseops.api.custodians;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.Lookups;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Adds and reads custodians and their sources. A case holds each custodian email once (compared
 * without regard to case) and each evidence folder once: two sources of a case never read the same
 * mailbox or site.
 */
@Dependent
public class CustodianService {
  private final Lookups lookups;
  private final CustodianRepository custodians;
  private final CaseOperationRepository operations;
  private final Clock clock;

  @Inject
  public CustodianService(
      Lookups lookups,
      CustodianRepository custodians,
      CaseOperationRepository operations,
      Clock clock) {
    this.lookups = lookups;
    this.custodians = custodians;
    this.operations = operations;
    this.clock = clock;
  }

  /**
   * @throws ConflictException 409 {@code conflict} when the case already has a custodian with this
   *     email
   */
  public Custodian add(String caseId, CustodianRequests.NewCustodian request) {
    lookups.requireCase(caseId);
    if (custodians.emailTaken(caseId, request.email())) {
      throw duplicateEmail(caseId, request.email());
    }
    Custodian custodian = Custodian.add(caseId, request.email(), request.displayName(), now());
    try {
      custodians.add(custodian);
    } catch (RuntimeException e) {
      // A concurrent request may have added the same email between the check and the insert.
      if (custodians.emailTaken(caseId, request.email())) {
        throw duplicateEmail(caseId, request.email());
      }
      throw e;
    }
    return custodian;
  }

  private static ConflictException duplicateEmail(String caseId, String email) {
    return new ConflictException(
        "The case '"
            + caseId
            + "' already has a custodian with email '"
            + GraphError.clip(email)
            + "'.");
  }

  public Custodian get(String caseId, String custodianId) {
    return lookups.findCustodian(caseId, custodianId);
  }

  /** The case's custodians a list query asks for. */
  public List<Custodian> list(String caseId, ListQuery query) {
    lookups.requireCase(caseId);
    return custodians.list(caseId, query);
  }

  /** How many of the case's custodians meet the filter; all of them for {@code null}. */
  public long count(String caseId, ListQuery.Condition filter) {
    return custodians.count(caseId, filter);
  }

  /**
   * @throws ConflictException 409 {@code conflict} when a source of the case already reads the same
   *     evidence folder
   */
  public CustodianSource addSource(
      String caseId, String custodianId, CustodianRequests.NewSource request, IdentitySet by) {
    lookups.findCustodian(caseId, custodianId);
    String[] folder = CustodianSource.evidencePath(request.kind(), request.address());
    for (CustodianSource existing : custodians.listSourcesOfCase(caseId)) {
      if (existing.getKind() == request.kind() && sameFolder(existing, folder)) {
        throw new ConflictException(
            "The case already has a "
                + Lookups.typeName(request.kind())
                + " for '"
                + GraphError.clip(request.address())
                + "': source '"
                + existing.getId()
                + "' of custodian '"
                + existing.getCustodianId()
                + "'.");
      }
    }
    CustodianSource source =
        request.kind() == SourceKind.USER
            ? CustodianSource.mailbox(
                caseId, custodianId, request.address(), request.displayName(), by, now())
            : CustodianSource.site(
                caseId, custodianId, request.address(), request.displayName(), by, now());
    custodians.addSource(source);
    return source;
  }

  private static boolean sameFolder(CustodianSource source, String[] folder) {
    try {
      return Arrays.equals(source.evidencePath(), folder);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public List<CustodianSource> listSources(String caseId, String custodianId, SourceKind kind) {
    lookups.findCustodian(caseId, custodianId);
    return custodians.listSources(caseId, custodianId, kind);
  }

  /** A page of the custodian's sources of one kind; 404 when the custodian is not the case's. */
  public List<CustodianSource> listSources(
      String caseId, String custodianId, SourceKind kind, ListQuery query) {
    lookups.findCustodian(caseId, custodianId);
    return custodians.listSources(caseId, custodianId, kind, query);
  }

  public long countSources(
      String caseId, String custodianId, SourceKind kind, ListQuery.Condition filter) {
    return custodians.countSources(caseId, custodianId, kind, filter);
  }

  public CustodianSource getSource(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    return lookups.findSource(caseId, custodianId, kind, sourceId);
  }

  /** The index operation that last covered any of the custodian's sources. */
  public CaseOperation lastIndexOperation(String caseId, String custodianId) {
    Custodian custodian = lookups.findCustodian(caseId, custodianId);
    return lastIndexOperation(
        caseId, custodian.getLastIndexOperationId(), "custodian '" + custodianId + "'");
  }

  /** The index operation that last covered the source. */
  public CaseOperation lastIndexOperation(
      String caseId, String custodianId, SourceKind kind, String sourceId) {
    CustodianSource source = lookups.findSource(caseId, custodianId, kind, sourceId);
    return lastIndexOperation(
        caseId, source.getLastIndexOperationId(), Lookups.typeName(kind) + " '" + sourceId + "'");
  }

  private CaseOperation lastIndexOperation(String caseId, String operationId, String what) {
    if (operationId == null) {
      throw new ResourceNotFoundException(
          "No index operation has covered " + what + ", so it has no lastIndexOperation.");
    }
    return operations
        .find(caseId, operationId)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "The lastIndexOperation '"
                        + operationId
                        + "' of "
                        + what
                        + " no longer exists."));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
