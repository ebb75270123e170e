package org.caseops.domain.support;

/**
 * A Graph evolvable enumeration: members are ordered by their numeric value, and {@code
 * unknownFutureValue} separates the members every client knows from those added later. Later
 * members are only shown to, or taken from, clients that ask for them with {@code Prefer:
 * include-unknown-enum-members}.
 *
 * <p>Implementations are enums with a member named {@code unknownFutureValue}; each gives only its
 * members' numeric values ({@link #value()}): the wire name is the member's name and the sentinel
 * is found by name.
 */
public interface EvolvableEnum {

  /** The name of the sentinel member every evolvable enum has. */
  String SENTINEL_NAME = "unknownFutureValue";

  /** The member's name on the wire: its Java name. */
  default String wireName() {
    return ((Enum<?>) this).name();
  }

  /** The member's numeric value in the Graph schema. */
  int value();

  /**
   * The numeric value of the enum's {@code unknownFutureValue} sentinel (looked up once per enum).
   */
  default int sentinelValue() {
    return EvolvableEnumSentinels.valueOf(((Enum<?>) this).getDeclaringClass());
  }

  /** Whether this member is the sentinel itself. */
  default boolean isSentinel() {
    return value() == sentinelValue();
  }

  /** Whether this member was added after the sentinel, so clients must opt in to see it. */
  default boolean isAfterSentinel() {
    return value() > sentinelValue();
  }

  /**
   * The name written to a client: the real name, or {@code unknownFutureValue} for a later member
   * it did not ask for.
   */
  default String wireName(boolean includeUnknownMembers) {
    return isAfterSentinel() && !includeUnknownMembers ? SENTINEL_NAME : wireName();
  }
}
