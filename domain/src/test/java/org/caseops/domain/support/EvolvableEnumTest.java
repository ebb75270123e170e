package org.caseops.domain.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvolvableEnumTest {

  /**
   * An enum as a later Graph version might have it: one member after the sentinel, one with a body
   * of its own.
   */
  enum Colour implements EvolvableEnum {
    red(0),
    green(1) {
      @Override
      public String toString() {
        return "GREEN";
      }
    },
    unknownFutureValue(2),
    violet(3);

    private final int value;

    Colour(int value) {
      this.value = value;
    }

    @Override
    public int value() {
      return value;
    }
  }

  /** An evolvable enum that forgot its sentinel. */
  enum NoSentinel implements EvolvableEnum {
    only;

    @Override
    public int value() {
      return 0;
    }
  }

  @Test
  void theWireNameIsTheMembersName() {
    assertThat(Colour.red.wireName()).isEqualTo("red");
    assertThat(Colour.green.wireName()).isEqualTo("green");
    assertThat(Colour.violet.wireName()).isEqualTo("violet");
  }

  @Test
  void theSentinelIsTheMemberNamedUnknownFutureValue() {
    for (Colour colour : Colour.values()) {
      assertThat(colour.sentinelValue()).isEqualTo(2);
    }
    assertThat(Colour.unknownFutureValue.isSentinel()).isTrue();
    assertThat(Colour.green.isSentinel()).isFalse();
    assertThat(Colour.green.isAfterSentinel()).isFalse();
    assertThat(Colour.violet.isAfterSentinel()).isTrue();
  }

  @Test
  void laterMembersAreMaskedUnlessTheClientAsks() {
    assertThat(Colour.violet.wireName(false)).isEqualTo("unknownFutureValue");
    assertThat(Colour.violet.wireName(true)).isEqualTo("violet");
    assertThat(Colour.green.wireName(false)).isEqualTo("green");
    assertThat(Colour.unknownFutureValue.wireName(false)).isEqualTo("unknownFutureValue");
  }

  @Test
  void anEnumWithoutASentinelSaysSo() {
    assertThatThrownBy(NoSentinel.only::sentinelValue)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NoSentinel")
        .hasMessageContaining("unknownFutureValue");
  }
}
