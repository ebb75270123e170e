package org.caseops.domain.purge;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caseops.domain.support.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PurgeLimitTest {
  @Test
  void aPurgeOfMoreItemsThanTheLimitIsRefusedNamingTheCountAndTheLimit() {
    PurgeLimit limit = new PurgeLimit(10_000);
    assertThatCode(() -> limit.check("s1", 10_000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> limit.check("s1", 10_001))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith(
            "The search 's1' matches 10,001 items, more than the 10,000 items one purge may"
                + " remove; nothing was purged.")
        .hasMessageContaining("caseops.purge.max.items");
  }
}
