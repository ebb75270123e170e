package org.caseops.api.custodians;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.OperationService;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.NoncustodialDataSource;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Non-custodial data sources: created with their dataSource (a mailbox or a site, checked as a
 * custodian's sources are), listed and read; their holds ({@code applyHold}, {@code removeHold},
 * one or many, each a {@code holdUpdate} operation like a custodian's), {@code release} (which
 * removes a hold in force) and {@code updateIndex} (an index of that source only).
 */
@Dependent
public class NoncustodialService {
  private final Lookups lookups;
  private final NoncustodialSourceRepository noncustodial;
  private final CustodianRepository custodians;
  private final CaseOperationRepository operationsRepo;
  private final OperationService operations;
  private final Clock clock;

  @Inject
  public NoncustodialService(
      Lookups lookups,
      NoncustodialSourceRepository noncustodial,
      CustodianRepository custodians,
      CaseOperationRepository operationsRepo,
      OperationService operations,
      Clock clock) {
    this.lookups = lookups;
    this.noncustodial = noncustodial;
    this.custodians = custodians;
    this.operationsRepo = operationsRepo;
    this.operations = operations;
    this.clock = clock;
  }

  /**
   * @throws ConflictException 409 {@code conflict} when a source of the case already reads the same
   *     evidence folder
   */
  public NoncustodialDataSource add(
      String caseId, CustodianRequests.NewSource request, IdentitySet by) {
    lookups.requireCase(caseId);
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
                + "' of "
                + (existing.isNoncustodial()
                    ? "non-custodial data source '" + existing.getNoncustodialId()
                    : "custodian '" + existing.getCustodianId())
                + "'.");
      }
    }
    Instant now = now();
    String name = request.displayName() == null ? request.address() : request.displayName();
    NoncustodialDataSource container = NoncustodialDataSource.add(caseId, name, now);
    CustodianSource source =
        CustodianSource.noncustodial(
            caseId,
            container.getId(),
            request.kind(),
            request.address(),
            request.displayName(),
            by,
            now);
    noncustodial.add(container, source);
    return container;
  }

  private static boolean sameFolder(CustodianSource source, String[] folder) {
    try {
      return Arrays.equals(source.evidencePath(), folder);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public NoncustodialDataSource get(String caseId, String id) {
    Optional<NoncustodialDataSource> found = noncustodial.find(caseId, id);
    if (found.isPresent()) {
      return found.get();
    }
    lookups.requireCase(caseId);
    throw new ResourceNotFoundException(
        "No ediscoveryNoncustodialDataSource with id '" + id + "' in case '" + caseId + "'.");
  }

  public List<NoncustodialDataSource> list(String caseId, ListQuery query) {
    lookups.requireCase(caseId);
    return noncustodial.list(caseId, query);
  }

  public long count(String caseId, ListQuery.Condition filter) {
    return noncustodial.count(caseId, filter);
  }

  public CustodianSource dataSource(String caseId, String id) {
    get(caseId, id);
    return noncustodial
        .dataSourceOf(caseId, id)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "The non-custodial data source '" + id + "' has no dataSource."));
  }

  /** The index operation that last covered the source. */
  public CaseOperation lastIndexOperation(String caseId, String id) {
    NoncustodialDataSource n = get(caseId, id);
    String operationId = n.getLastIndexOperationId();
    if (operationId == null) {
      throw new ResourceNotFoundException(
          "No index operation has covered non-custodial data source '"
              + id
              + "', so it has no lastIndexOperation.");
    }
    return operationsRepo
        .find(caseId, operationId)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "The lastIndexOperation '" + operationId + "' no longer exists."));
  }

  /** Applies or removes the hold of the source the URL names. */
  public CaseOperation change(
      String caseId, String id, boolean remove, OperationRequest parameters, IdentitySet by) {
    NoncustodialDataSource n = get(caseId, id);
    noHoldChangeInBody(parameters);
    check(n, remove);
    return submit(caseId, List.of(n.getId()), remove, by);
  }

  /** Applies or removes the hold of the sources the body's {@code ids} name. */
  public CaseOperation changeAll(
      String caseId, boolean remove, OperationRequest parameters, IdentitySet by) {
    noHoldChangeInBody(parameters);
    if (parameters.custodianIds().isEmpty()) {
      throw new InvalidRequestException(
          "The action needs the non-custodial data sources whose hold it changes: give \"ids\":"
              + " [\"<id>\", ...] with at least one id.");
    }
    lookups.requireCase(caseId);
    List<String> ids = new ArrayList<>();
    for (String raw : parameters.custodianIds()) {
      String id = Lookups.guid(raw, "ediscoveryNoncustodialDataSource");
      NoncustodialDataSource n =
          noncustodial
              .find(caseId, id)
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "The 'ids' refers to ediscoveryNoncustodialDataSource '"
                              + id
                              + "', which does not exist in case '"
                              + caseId
                              + "'."));
      check(n, remove);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return submit(caseId, ids, remove, by);
  }

  /**
   * Releases the source: {@code released} with {@code releasedDateTime}; a hold in force on it is
   * removed by a holdUpdate operation, which is returned.
   */
  public Optional<CaseOperation> release(String caseId, String id, IdentitySet by) {
    NoncustodialDataSource n = get(caseId, id);
    if (n.isReleased()) {
      throw new InvalidRequestException(
          "The non-custodial data source '" + id + "' was released already.");
    }
    Optional<CaseOperation> removal = Optional.empty();
    if (HoldStatuses.inForce(n.getHoldStatus())) {
      removal = Optional.of(submit(caseId, List.of(id), true, by));
    }
    noncustodial.setStatus(caseId, id, DataSourceContainerStatus.released, now());
    return removal;
  }

  /** Starts an {@code index} operation over this source only (Graph's {@code updateIndex}). */
  public CaseOperation updateIndex(String caseId, String id, IdentitySet by) {
    NoncustodialDataSource n = get(caseId, id);
    if (n.isReleased()) {
      throw new InvalidRequestException(
          "The non-custodial data source '" + id + "' is released, so it is not indexed.");
    }
    return operations.submit(
        caseId, CaseAction.index, OperationTarget.none().withCustodians(List.of(id)), by);
  }

  private CaseOperation submit(String caseId, List<String> ids, boolean remove, IdentitySet by) {
    return operations.submit(
        caseId,
        CaseAction.holdUpdate,
        OperationTarget.custodians(
            ids, remove ? OperationTarget.REMOVE_HOLD : OperationTarget.APPLY_HOLD),
        by);
  }

  private static void noHoldChangeInBody(OperationRequest parameters) {
    if (!parameters.options().isEmpty()) {
      throw new InvalidRequestException(
          "The URL says whether the hold is applied or removed: leave 'holdChange' out of the"
              + " body.");
    }
  }

  private static void check(NoncustodialDataSource n, boolean remove) {
    if (!remove && n.isReleased()) {
      throw new InvalidRequestException(
          "The non-custodial data source '"
              + n.getId()
              + "' is released, so no hold can be applied to it.");
    }
    if (remove && n.getHoldStatus() == DataSourceHoldStatus.notApplied) {
      throw new InvalidRequestException(
          "The non-custodial data source '"
              + n.getId()
              + "' has no hold to remove (holdStatus notApplied); apply one with applyHold.");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
