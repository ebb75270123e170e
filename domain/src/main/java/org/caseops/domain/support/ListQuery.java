package org.caseops.domain.support;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A page of a collection: an optional filter tree, order keys, an offset and a limit. Properties
 * are named as the client names them (for example {@code createdDateTime}); each repository maps
 * the names it accepts to its own attributes and refuses any other with {@link
 * IllegalArgumentException}. Values are {@link String}, {@link Long}, {@link java.time.Instant},
 * {@link Boolean}, enum constants, or {@code null}. Comparisons follow OData: a comparison with a
 * missing value is false, never unknown, so {@link Not} simply negates.
 *
 * @param filter the condition items must meet, or {@code null} for all items
 * @param order the order keys, most significant first; the repository appends its own stable
 *     tie-breakers
 */
public record ListQuery(Condition filter, List<OrderKey> order, int offset, int limit) {

  public ListQuery {
    order = List.copyOf(order);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
  }

  /** Every item, in the repository's default order. */
  public static ListQuery page(int offset, int limit) {
    return new ListQuery(null, List.of(), offset, limit);
  }

  /** A comparison operator. */
  public enum Operator {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE
  }

  /** A node of the filter tree. */
  public sealed interface Condition permits And, Or, Not, Comparison, In {}

  /** Both conditions hold. */
  public record And(Condition left, Condition right) implements Condition {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** At least one of the conditions holds. */
  public record Or(Condition left, Condition right) implements Condition {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /** The condition does not hold. */
  public record Not(Condition operand) implements Condition {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }
  }

  /**
   * The property compared with a value. With a {@code null} value only {@link Operator#EQ} (is
   * missing) and {@link Operator#NE} (is present) are allowed.
   */
  public record Comparison(String property, Operator operator, Object value) implements Condition {
    public Comparison {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(operator, "operator");
      if (value == null && operator != Operator.EQ && operator != Operator.NE) {
        throw new IllegalArgumentException("only eq and ne compare with null");
      }
    }
  }

  /** The property's value is one of the given values; an empty set matches nothing. */
  public record In(String property, Set<?> values) implements Condition {
    public In {
      Objects.requireNonNull(property, "property");
      values = Set.copyOf(values);
    }
  }

  /** One order key; enumerations order by their numeric value in the Graph schema. */
  public record OrderKey(String property, boolean descending) {
    public OrderKey {
      Objects.requireNonNull(property, "property");
    }
  }
}
