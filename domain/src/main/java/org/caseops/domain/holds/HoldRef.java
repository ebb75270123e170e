package org.caseops.domain.holds;

import java.util.Objects;

/** One hold of a case: its kind and the id of the custodian, non-custodial source or legal hold. */
public record HoldRef(HoldKind kind, String id) {
  public HoldRef {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(id);
  }

  public static HoldRef custodian(String custodianId) {
    return new HoldRef(HoldKind.custodian, custodianId);
  }

  public static HoldRef noncustodial(String noncustodialId) {
    return new HoldRef(HoldKind.noncustodialDataSource, noncustodialId);
  }

  public static HoldRef legalHold(String legalHoldId) {
    return new HoldRef(HoldKind.legalHold, legalHoldId);
  }
}
