package org.caseops.domain.holds;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.junit.jupiter.api.Test;

class HoldStatusesTest {

  @Test
  void applyingMovesThroughApplyingToAppliedOrPartial() {
    assertThat(HoldStatuses.during(false)).isEqualTo(DataSourceHoldStatus.applying);
    assertThat(HoldStatuses.after(false, true)).isEqualTo(DataSourceHoldStatus.applied);
    assertThat(HoldStatuses.after(false, false)).isEqualTo(DataSourceHoldStatus.partial);
  }

  @Test
  void removingMovesThroughRemovingToNotApplied() {
    assertThat(HoldStatuses.during(true)).isEqualTo(DataSourceHoldStatus.removing);
    assertThat(HoldStatuses.after(true, true)).isEqualTo(DataSourceHoldStatus.notApplied);
    assertThat(HoldStatuses.after(true, false)).isEqualTo(DataSourceHoldStatus.notApplied);
  }

  @Test
  void aHoldIsInForceFromItsApplicationUntilItsRemovalHasEnded() {
    assertThat(HoldStatuses.inForce(DataSourceHoldStatus.notApplied)).isFalse();
    assertThat(HoldStatuses.inForce(DataSourceHoldStatus.unknownFutureValue)).isFalse();
    assertThat(HoldStatuses.inForce(DataSourceHoldStatus.applying)).isTrue();
    assertThat(HoldStatuses.inForce(DataSourceHoldStatus.applied)).isTrue();
    assertThat(HoldStatuses.inForce(DataSourceHoldStatus.partial)).isTrue();
    assertThat(HoldStatuses.inForce(DataSourceHoldStatus.removing)).isTrue();
  }
}
