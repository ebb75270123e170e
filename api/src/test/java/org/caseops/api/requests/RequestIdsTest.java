package org.caseops.api.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void echoesTheClientRequestIdAndMakesAFreshRequestId() {
    RequestIds.Pair first = RequestIds.create("b3d4a3d6-1f3c-4b8e-9c77-0d3f4c6f2a10");
    RequestIds.Pair second = RequestIds.create("b3d4a3d6-1f3c-4b8e-9c77-0d3f4c6f2a10");

    assertThat(first.clientRequestId()).isEqualTo("b3d4a3d6-1f3c-4b8e-9c77-0d3f4c6f2a10");
    assertThat(UUID.fromString(first.requestId()).toString()).isEqualTo(first.requestId());
    assertThat(first.requestId()).isNotEqualTo(second.requestId());
  }

  @Test
  void usesTheRequestIdWhenTheClientSentNoneOrAnUnusableOne() {
    for (String header :
        new String[] {null, "", "   ", "two words", "line\r\nbreak", "x".repeat(129), "é"}) {
      RequestIds.Pair ids = RequestIds.create(header);
      assertThat(ids.clientRequestId()).as("header %s", header).isEqualTo(ids.requestId());
    }
  }
}
