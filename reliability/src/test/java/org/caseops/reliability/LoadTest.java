package org.caseops.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadTest {
  @Test
  void aRefusalIsCountedUnderTheCodeOfItsGraphError() {
    assertThat(
            Load.errorCode(
                "{\"error\": {\"code\": \"tooManyRequests\", \"message\": \"Submit it again\"}}"))
        .isEqualTo("tooManyRequests");
    assertThat(Load.errorCode("{\"error\":{\"code\":\"activityLimitReached\"}}"))
        .isEqualTo("activityLimitReached");
    assertThat(Load.errorCode("")).isEqualTo("empty body");
    assertThat(Load.errorCode("<html>Service Unavailable</html>")).isEqualTo("no error code");
  }
}
