package org.caseops.domain.support;

/**
 * The numeric value of each evolvable enum's {@code unknownFutureValue} member, found once per enum
 * type: {@link EvolvableEnum#sentinelValue()} is asked for every value written to a client.
 */
final class EvolvableEnumSentinels {
  private static final ClassValue<Integer> SENTINELS =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          Object[] members = type.getEnumConstants();
          if (members != null) {
            for (Object member : members) {
              if (((Enum<?>) member).name().equals(EvolvableEnum.SENTINEL_NAME)) {
                return ((EvolvableEnum) member).value();
              }
            }
          }
          throw new IllegalStateException(
              type.getName()
                  + " is an evolvable enum without a member named "
                  + EvolvableEnum.SENTINEL_NAME);
        }
      };

  private EvolvableEnumSentinels() {}

  static int valueOf(Class<?> enumType) {
    return SENTINELS.get(enumType);
  }
}
