package org.caseops.api.custodians;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.OperationService;
import org.caseops.api.operations.OperationTargets;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceContainerStatus;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.holds.HoldStatuses;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.TargetRole;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ListQuery;

/**
 * Holds on custodians and their lifecycle: {@code applyHold} and {@code removeHold} (one custodian
 * or many) start a {@code holdUpdate} operation; {@code release} takes a custodian out of the case
 * (removing its hold with a holdUpdate when one is in force), {@code activate} brings it back.
 */
@Dependent
public class HoldService {
  private final Lookups lookups;
  private final CustodianRepository custodians;
  private final OperationService operations;
  private final OperationTargets targets;
  private final Clock clock;

  @Inject
  public HoldService(
      Lookups lookups,
      CustodianRepository custodians,
      OperationService operations,
      OperationTargets targets,
      Clock clock) {
    this.lookups = lookups;
    this.custodians = custodians;
    this.operations = operations;
    this.targets = targets;
    this.clock = clock;
  }

  /**
   * Applies or removes the hold of the custodian the URL names; the body (if any) carries nothing.
   */
  public CaseOperation change(
      String caseId,
      String custodianId,
      boolean remove,
      OperationRequest parameters,
      IdentitySet by) {
    Custodian custodian = lookups.findCustodian(caseId, custodianId);
    noHoldChangeInBody(parameters);
    check(custodian, remove);
    return submit(caseId, List.of(custodian.getId()), remove, by);
  }

  /** Applies or removes the hold of the custodians the body's {@code ids} name. */
  public CaseOperation changeAll(
      String caseId, boolean remove, OperationRequest parameters, IdentitySet by) {
    noHoldChangeInBody(parameters);
    if (parameters.custodianIds().isEmpty()) {
      throw TargetRole.CUSTODIANS.missing(CaseAction.holdUpdate);
    }
    OperationTarget target = targets.resolve(caseId, parameters);
    for (String id : target.getCustodianIds()) {
      check(lookups.findCustodian(caseId, id), remove);
    }
    return submit(caseId, target.getCustodianIds(), remove, by);
  }

  /**
   * Releases the custodian: its status becomes {@code released}, with {@code releasedDateTime}, and
   * a hold in force on it is removed by a holdUpdate operation, which is returned.
   */
  public Optional<CaseOperation> release(String caseId, String custodianId, IdentitySet by) {
    Custodian custodian = lookups.findCustodian(caseId, custodianId);
    if (custodian.isReleased()) {
      throw new InvalidRequestException(
          "The custodian '"
              + custodian.getId()
              + "' was released already; activate it to make it part of the case again.");
    }
    Optional<CaseOperation> removal = Optional.empty();
    if (HoldStatuses.inForce(custodian.getHoldStatus())) {
      // Submitted first: while another hold change of the case runs this is a 409, and the
      // custodian stays as it is.
      removal = Optional.of(submit(caseId, List.of(custodian.getId()), true, by));
    }
    custodians.setStatus(caseId, custodian.getId(), DataSourceContainerStatus.released, now());
    return removal;
  }

  /**
   * Starts an {@code index} operation over the custodian's sources only (Graph's {@code
   * updateIndex}); a released custodian is refused.
   */
  public CaseOperation updateIndex(String caseId, String custodianId, IdentitySet by) {
    Custodian custodian = lookups.findCustodian(caseId, custodianId);
    if (custodian.isReleased()) {
      throw new InvalidRequestException(
          "The custodian '"
              + custodian.getId()
              + "' is released, so its sources are not indexed; activate it first.");
    }
    return operations.submit(
        caseId,
        CaseAction.index,
        OperationTarget.none().withCustodians(List.of(custodian.getId())),
        by);
  }

  /** Makes a released custodian part of the case again; its hold is not applied again. */
  public void activate(String caseId, String custodianId) {
    Custodian custodian = lookups.findCustodian(caseId, custodianId);
    if (!custodian.isReleased()) {
      throw new InvalidRequestException(
          "The custodian '"
              + custodian.getId()
              + "' is active already; only a released custodian can be activated.");
    }
    custodians.setStatus(caseId, custodian.getId(), DataSourceContainerStatus.active, now());
  }

  /**
   * Closing the case: the holdUpdate that removes every custodian and non-custodial data source
   * hold in force in the case, to submit with the case's other releases ({@link
   * OperationService#submitAll}); none when nothing of the case is held so.
   */
  public Optional<OperationService.Submission> releaseOfCase(String caseId) {
    List<String> held = new ArrayList<>();
    for (Custodian custodian : custodians.list(caseId, ListQuery.page(0, Integer.MAX_VALUE))) {
      if (HoldStatuses.inForce(custodian.getHoldStatus())) {
        held.add(custodian.getId());
      }
    }
    for (CustodianSource source : custodians.listSourcesOfCase(caseId)) {
      // A non-custodial data source is held as its one source is.
      if (source.isNoncustodial()
          && HoldStatuses.inForce(source.getHoldStatus())
          && !held.contains(source.containerId())) {
        held.add(source.containerId());
      }
    }
    return held.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new OperationService.Submission(
                CaseAction.holdUpdate,
                OperationTarget.custodians(held, OperationTarget.REMOVE_HOLD),
                () -> {}));
  }

  /**
   * Submits the hold change; once it is accepted, and before its job starts, the custodians and
   * their sources are {@code applying} or {@code removing} ({@link OperationService#submit}).
   */
  private CaseOperation submit(
      String caseId, List<String> custodianIds, boolean remove, IdentitySet by) {
    return operations.submit(
        caseId,
        CaseAction.holdUpdate,
        OperationTarget.custodians(
            custodianIds, remove ? OperationTarget.REMOVE_HOLD : OperationTarget.APPLY_HOLD),
        by);
  }

  private static void noHoldChangeInBody(OperationRequest parameters) {
    if (!parameters.options().isEmpty()) {
      throw new InvalidRequestException(
          "The URL says whether the hold is applied or removed: leave 'holdChange' out of the"
              + " body.");
    }
  }

  private static void check(Custodian custodian, boolean remove) {
    if (!remove && custodian.isReleased()) {
      throw new InvalidRequestException(
          "The custodian '"
              + custodian.getId()
              + "' is released, so no hold can be applied to it; activate it first.");
    }
    if (remove && custodian.getHoldStatus() == DataSourceHoldStatus.notApplied) {
      throw new InvalidRequestException(
          "The custodian '"
              + custodian.getId()
              + "' has no hold to remove (holdStatus notApplied); apply one with applyHold.");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
