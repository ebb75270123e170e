package org.caseops.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseProbeTest {

  @Test
  void theReasonIsOneLineWithEveryCauseInnermostLast() {
    SQLException sql =
        new SQLException("Connection refused\n\tat some.Frame(Frame.java:1)", "08001");
    RuntimeException e =
        new IllegalStateException(
            "Exception [EclipseLink-4002]\nInternal Exception: ...", new RuntimeException(sql));

    String reason = DatabaseProbe.reason(e);

    assertThat(reason)
        .isEqualTo(
            "IllegalStateException: Exception [EclipseLink-4002]"
                + " <- RuntimeException: java.sql.SQLException: Connection refused"
                + " <- SQLException: Connection refused");
    assertThat(reason).doesNotContain("\n");
  }

  @Test
  void aLongMessageIsCutAndAnErrorWithoutOneGivesItsClass() {
    String reason = DatabaseProbe.reason(new IllegalStateException("x".repeat(500)));

    assertThat(reason).hasSize("IllegalStateException: ".length() + 200 + 3).endsWith("...");
    assertThat(DatabaseProbe.reason(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
