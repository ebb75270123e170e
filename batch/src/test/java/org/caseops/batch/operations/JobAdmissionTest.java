package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JobAdmissionTest {
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-04T20:00:00Z"));
  private final AtomicInteger running = new AtomicInteger();
  private final JobAdmission admission =
      new JobAdmission(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          },
          running::get);

  @Test
  void jobsThatRunAndJobsAdmittedTogetherNeverExceedTheMost() {
    running.set(2);
    assertThat(admission.admit("op1", 4)).isTrue();
    assertThat(admission.admit("op2", 4)).isTrue();
    assertThat(admission.admit("op3", 4)).isFalse();

    // op1's job begins: it is one of the running jobs now, its room passes to it.
    admission.begun("op1");
    running.set(3);
    assertThat(admission.admit("op3", 4)).isFalse();

    // A job ends: room for one more.
    running.set(2);
    assertThat(admission.admit("op3", 4)).isTrue();
    assertThat(admission.waiting()).isEqualTo(2);
  }

  @Test
  void roomGivenBackWhenAJobIsNotStartedIsTakenAgain() {
    assertThat(admission.admit("op1", 1)).isTrue();
    assertThat(admission.admit("op2", 1)).isFalse();
    admission.begun("op1");
    assertThat(admission.admit("op2", 1)).isTrue();
  }

  @Test
  void roomHeldForAJobThatNeverBeganIsGivenBackAfterTheLimit() {
    assertThat(admission.admit("op1", 1)).isTrue();
    now.set(now.get().plus(JobAdmission.UNBEGUN_LIMIT).minusSeconds(1));
    assertThat(admission.admit("op2", 1)).isFalse();
    now.set(now.get().plusSeconds(1));
    assertThat(admission.admit("op2", 1)).isTrue();
    assertThat(admission.waiting()).isEqualTo(1);
  }
}
