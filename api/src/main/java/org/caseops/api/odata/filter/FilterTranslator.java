package org.caseops.api.odata.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.odata.filter.FilterExpression.Comparison;
import org.caseops.api.odata.filter.FilterExpression.Literal;
import org.caseops.api.odata.filter.FilterExpression.LiteralKind;
import org.caseops.api.odata.filter.FilterExpression.Logical;
import org.caseops.api.odata.filter.FilterExpression.Negation;
import org.caseops.api.odata.filter.PropertyTable.Member;
import org.caseops.api.odata.filter.PropertyTable.Property;
import org.caseops.domain.support.ListQuery;

/**
 * Checks a parsed {@code $filter} against a resource's {@link PropertyTable} and turns it into the
 * repository's {@link ListQuery.Condition}. An enumeration comparison becomes the set of members it
 * matches, compared by numeric value, with the evolvable-enum rules: without {@code Prefer:
 * include-unknown-enum-members} a member after {@code unknownFutureValue} is refused, and {@code eq
 * 'unknownFutureValue'} matches the later members (which such a client sees as {@code
 * unknownFutureValue}); with it, {@code unknownFutureValue} is an ordinary member no item has.
 */
public final class FilterTranslator {
  private final PropertyTable table;
  private final boolean includeUnknownMembers;

  private FilterTranslator(PropertyTable table, boolean includeUnknownMembers) {
    this.table = table;
    this.includeUnknownMembers = includeUnknownMembers;
  }

  public static ListQuery.Condition translate(
      FilterExpression expression, PropertyTable table, boolean includeUnknownMembers) {
    return new FilterTranslator(table, includeUnknownMembers).condition(expression);
  }

  private ListQuery.Condition condition(FilterExpression expression) {
    if (expression instanceof Logical logical) {
      ListQuery.Condition left = condition(logical.left());
      ListQuery.Condition right = condition(logical.right());
      return logical.and() ? new ListQuery.And(left, right) : new ListQuery.Or(left, right);
    }
    if (expression instanceof Negation negation) {
      return new ListQuery.Not(condition(negation.operand()));
    }
    return comparison((Comparison) expression);
  }

  private ListQuery.Condition comparison(Comparison comparison) {
    Property property =
        table
            .property(comparison.property())
            .orElseThrow(
                () ->
                    ApiException.notSupported(
                        "The property '"
                            + GraphError.clip(comparison.property())
                            + "' (position "
                            + comparison.position()
                            + ") cannot be used in '$filter' on type '"
                            + table.typeName()
                            + "'. Supported: "
                            + String.join(", ", table.names().stream().sorted().toList())
                            + "."));
    Literal literal = comparison.literal();
    ListQuery.Operator operator = comparison.operator();
    if (literal.kind() == LiteralKind.NULL) {
      if (operator != ListQuery.Operator.EQ && operator != ListQuery.Operator.NE) {
        throw ApiException.invalidRequest(
            "In '$filter', null can only be compared with 'eq' or 'ne' (position "
                + literal.position()
                + ").");
      }
      return new ListQuery.Comparison(property.name(), operator, null);
    }
    return switch (property.type()) {
      case STRING ->
          new ListQuery.Comparison(
              property.name(), operator, expect(property, literal, LiteralKind.STRING));
      case INTEGER -> new ListQuery.Comparison(property.name(), operator, int32(property, literal));
      case INT64 ->
          new ListQuery.Comparison(
              property.name(), operator, expect(property, literal, LiteralKind.INTEGER));
      case DATE_TIME ->
          new ListQuery.Comparison(
              property.name(), operator, expect(property, literal, LiteralKind.DATE_TIME));
      case ENUMERATION ->
          enumeration(property, operator, (String) expect(property, literal, LiteralKind.STRING));
    };
  }

  private ListQuery.Condition enumeration(
      Property property, ListQuery.Operator operator, String name) {
    Member member =
        property
            .member(name)
            .orElseThrow(
                () ->
                    ApiException.invalidRequest(
                        "'"
                            + GraphError.clip(name)
                            + "' is not a valid value of '"
                            + property.name()
                            + "'. Valid values: "
                            + String.join(", ", acceptedNames(property))
                            + "."));
    int sentinel = property.sentinelValue();
    if (member.value() > sentinel && !includeUnknownMembers) {
      throw ApiException.invalidRequest(
          "'"
              + name
              + "' is a value of '"
              + property.name()
              + "' that a client may only send with the request header 'Prefer: "
              + "include-unknown-enum-members"
              + "'.");
    }
    int literal = member.value();
    IntPredicate matches;
    if (literal == sentinel && !includeUnknownMembers && operator == ListQuery.Operator.EQ) {
      matches = value -> value >= sentinel;
    } else if (literal == sentinel && !includeUnknownMembers && operator == ListQuery.Operator.NE) {
      matches = value -> value < sentinel;
    } else {
      matches =
          switch (operator) {
            case EQ -> value -> value == literal;
            case NE -> value -> value != literal;
            case GT -> value -> value > literal;
            case GE -> value -> value >= literal;
            case LT -> value -> value < literal;
            case LE -> value -> value <= literal;
          };
    }
    Set<Object> members = new LinkedHashSet<>();
    for (Member candidate : property.members()) {
      if (matches.test(candidate.value())) {
        members.add(candidate.constant());
      }
    }
    return new ListQuery.In(property.name(), members);
  }

  private List<String> acceptedNames(Property property) {
    return property.members().stream()
        .filter(m -> includeUnknownMembers || m.value() <= property.sentinelValue())
        .map(Member::name)
        .toList();
  }

  /** An {@code Edm.Int32} value, as a {@link Long}. */
  private static Object int32(Property property, Literal literal) {
    long value = (Long) expect(property, literal, LiteralKind.INTEGER);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw ApiException.invalidRequest(
          "In '$filter', '"
              + property.name()
              + "' is compared with "
              + literal.text()
              + " (position "
              + literal.position()
              + "), which is outside the range of a 32-bit integer.");
    }
    return value;
  }

  private static Object expect(Property property, Literal literal, LiteralKind kind) {
    if (literal.kind() != kind) {
      String expected =
          switch (kind) {
            case STRING ->
                property.type() == PropertyTable.Type.ENUMERATION
                    ? "a member name in quotes"
                    : "a string in quotes";
            case INTEGER -> "an integer";
            case DATE_TIME -> "an unquoted DateTimeOffset such as 2026-01-01T00:00:00Z";
            default -> kind.name();
          };
      throw ApiException.invalidRequest(
          "In '$filter', '"
              + property.name()
              + "' is compared with "
              + GraphError.clip(literal.text())
              + " (position "
              + literal.position()
              + "), but takes "
              + expected
              + ".");
    }
    return literal.value();
  }
}
