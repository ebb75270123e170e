package org.caseops.domain.holds;

import org.caseops.domain.custodians.DataSourceHoldStatus;

/**
 * How a custodian's (and its sources') {@code holdStatus} moves: {@code notApplied} → {@code
 * applying} → {@code applied} (or {@code partial} when some items could not be preserved), and
 * {@code removing} → {@code notApplied}.
 */
public final class HoldStatuses {
  private HoldStatuses() {}

  /** The status while a hold change runs: {@code applying} or {@code removing}. */
  public static DataSourceHoldStatus during(boolean remove) {
    return remove ? DataSourceHoldStatus.removing : DataSourceHoldStatus.applying;
  }

  /**
   * The status once a hold change has ended: after a removal {@code notApplied}; after an
   * application {@code applied}, or {@code partial} when some items could not be preserved; an
   * application that failed leaves {@code partial} (the hold is in force, though not everything is
   * preserved yet).
   */
  public static DataSourceHoldStatus after(boolean remove, boolean complete) {
    if (remove) {
      return DataSourceHoldStatus.notApplied;
    }
    return complete ? DataSourceHoldStatus.applied : DataSourceHoldStatus.partial;
  }

  /**
   * Whether a source in this status is held: the index preserves its new and changed items, and
   * nothing of it may be lost. A hold being removed is in force until its removal has ended.
   */
  public static boolean inForce(DataSourceHoldStatus status) {
    return status == DataSourceHoldStatus.applying
        || status == DataSourceHoldStatus.removing
        || status == DataSourceHoldStatus.applied
        || status == DataSourceHoldStatus.partial;
  }

  /**
   * Whether a source whose custodian is in this status protects its items from disposal (a purge):
   * every status but {@code notApplied}, an unknown one included. Stricter than {@link #inForce} on
   * purpose: a purge that wrongly skips an item can run again, one that wrongly removes it cannot
   * be undone.
   */
  public static boolean protectsFromDisposal(DataSourceHoldStatus status) {
    return status != DataSourceHoldStatus.notApplied;
  }
}
