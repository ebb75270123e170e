package org.caseops.api.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.caseops.domain.support.EvolvableEnum;
import org.caseops.domain.support.ListQuery;

/**
 * Evaluates a {@link ListQuery} on objects in memory, with the same meaning as the JPA
 * repositories: OData comparisons (false with a missing value), enumerations ordered by numeric
 * value, {@code id} as the last key.
 */
public final class InMemoryListQueries<T> {
  private final Map<String, Function<T, Object>> properties;
  private final List<ListQuery.OrderKey> defaultOrder;

  public InMemoryListQueries(
      Map<String, Function<T, Object>> properties, List<ListQuery.OrderKey> defaultOrder) {
    this.properties = properties;
    this.defaultOrder = defaultOrder;
  }

  public List<T> list(List<T> items, ListQuery query) {
    List<ListQuery.OrderKey> keys =
        new ArrayList<>(query.order().isEmpty() ? defaultOrder : query.order());
    boolean lastDescending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
    keys.add(new ListQuery.OrderKey("id", lastDescending));
    Comparator<T> order = (a, b) -> 0;
    for (ListQuery.OrderKey key : keys) {
      Comparator<T> byKey =
          Comparator.comparing(
              item -> sortValue(get(item, key.property())),
              Comparator.nullsFirst(Comparator.naturalOrder()));
      order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
    }
    List<T> matching =
        items.stream().filter(item -> matches(item, query.filter())).sorted(order).toList();
    int from = Math.min(query.offset(), matching.size());
    return matching.subList(from, (int) Math.min((long) from + query.limit(), matching.size()));
  }

  public long count(List<T> items, ListQuery.Condition filter) {
    return items.stream().filter(item -> matches(item, filter)).count();
  }

  private Object get(T item, String property) {
    Function<T, Object> getter = properties.get(property);
    if (getter == null) {
      throw new IllegalArgumentException("'" + property + "' cannot be filtered or ordered by");
    }
    return getter.apply(item);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparable sortValue(Object value) {
    if (value instanceof EvolvableEnum evolvable) {
      return evolvable.value();
    }
    if (value instanceof Enum<?> member) {
      return member.ordinal();
    }
    if (value instanceof Integer number) {
      return number.longValue();
    }
    return (Comparable) value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean matches(T item, ListQuery.Condition condition) {
    if (condition == null) {
      return true;
    }
    if (condition instanceof ListQuery.And and) {
      return matches(item, and.left()) && matches(item, and.right());
    }
    if (condition instanceof ListQuery.Or or) {
      return matches(item, or.left()) || matches(item, or.right());
    }
    if (condition instanceof ListQuery.Not not) {
      return !matches(item, not.operand());
    }
    if (condition instanceof ListQuery.In in) {
      Object value = get(item, in.property());
      return value != null && in.values().contains(value);
    }
    ListQuery.Comparison comparison = (ListQuery.Comparison) condition;
    Object value = get(item, comparison.property());
    Object literal = comparison.value();
    if (literal == null || value == null) {
      boolean equal = Objects.equals(value, literal);
      return switch (comparison.operator()) {
        case EQ -> equal;
        case NE -> !equal;
        default -> false;
      };
    }
    int order = sortValue(value).compareTo(sortValue(literal));
    return switch (comparison.operator()) {
      case EQ -> order == 0;
      case NE -> order != 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case LT -> order < 0;
      case LE -> order <= 0;
    };
  }
}
