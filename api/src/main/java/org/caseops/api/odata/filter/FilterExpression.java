package org.caseops.api.odata.filter;

import org.caseops.domain.support.ListQuery;

/**
 * A parsed {@code $filter}, before its property names and literals are checked against a resource.
 */
public sealed interface FilterExpression
    permits FilterExpression.Logical, FilterExpression.Negation, FilterExpression.Comparison {

  /** {@code left and right} or {@code left or right}. */
  record Logical(boolean and, FilterExpression left, FilterExpression right)
      implements FilterExpression {}

  /** {@code not operand}. */
  record Negation(FilterExpression operand) implements FilterExpression {}

  /**
   * {@code property operator literal}; {@code position} is where the property name starts (from 0).
   */
  record Comparison(String property, int position, ListQuery.Operator operator, Literal literal)
      implements FilterExpression {}

  /** The kinds of literal the parser reads. */
  enum LiteralKind {
    STRING,
    INTEGER,
    DECIMAL,
    DATE_TIME,
    BOOLEAN,
    NULL
  }

  /**
   * A literal: a {@link String}, {@link Long}, {@link java.math.BigDecimal}, {@link
   * java.time.Instant}, {@link Boolean} or {@code null}, with the position where it starts and its
   * text as written.
   */
  record Literal(LiteralKind kind, Object value, int position, String text) {}
}
