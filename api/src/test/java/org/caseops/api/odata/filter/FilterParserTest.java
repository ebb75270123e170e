package org.caseops.api.odata.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.odata.filter.FilterExpression.Comparison;
import org.caseops.api.odata.filter.FilterExpression.Literal;
import org.caseops.api.odata.filter.FilterExpression.LiteralKind;
import org.caseops.api.odata.filter.FilterExpression.Logical;
import org.caseops.api.odata.filter.FilterExpression.Negation;
import org.caseops.domain.support.ListQuery.Operator;
import org.junit.jupiter.api.Test;

class FilterParserTest {

  /** The tree in a compact prefix form, so that precedence shows. */
  private static String show(FilterExpression e) {
    if (e instanceof Logical l) {
      return (l.and() ? "and(" : "or(") + show(l.left()) + ", " + show(l.right()) + ")";
    }
    if (e instanceof Negation n) {
      return "not(" + show(n.operand()) + ")";
    }
    Comparison c = (Comparison) e;
    return c.property() + " " + c.operator().name().toLowerCase() + " " + c.literal().text();
  }

  private static String parsed(String filter) {
    return show(FilterParser.parse(filter));
  }

  private static Literal literalOf(String filter) {
    return ((Comparison) FilterParser.parse(filter)).literal();
  }

  @Test
  void everyComparisonOperatorIsRead() {
    for (Operator operator : Operator.values()) {
      String op = operator.name().toLowerCase();
      Comparison c = (Comparison) FilterParser.parse("percentProgress " + op + " 5");
      assertThat(c.property()).isEqualTo("percentProgress");
      assertThat(c.operator()).isEqualTo(operator);
      assertThat(c.literal().value()).isEqualTo(5L);
    }
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    assertThat(parsed("a eq 1 or b eq 2 and c eq 3")).isEqualTo("or(a eq 1, and(b eq 2, c eq 3))");
    assertThat(parsed("a eq 1 and b eq 2 or c eq 3")).isEqualTo("or(and(a eq 1, b eq 2), c eq 3)");
    assertThat(parsed("not a eq 1 and b eq 2")).isEqualTo("and(not(a eq 1), b eq 2)");
    assertThat(parsed("a eq 1 or not b eq 2 or c eq 3"))
        .isEqualTo("or(or(a eq 1, not(b eq 2)), c eq 3)");
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(parsed("(a eq 1 or b eq 2) and c eq 3"))
        .isEqualTo("and(or(a eq 1, b eq 2), c eq 3)");
    assertThat(parsed("not (a eq 1 or b eq 2)")).isEqualTo("not(or(a eq 1, b eq 2))");
    assertThat(parsed(" ( ( a eq 1 ) ) ")).isEqualTo("a eq 1");
    assertThat(parsed("not(a eq 1)")).isEqualTo("not(a eq 1)");
  }

  @Test
  void literalsOfEveryKind() {
    assertThat(literalOf("s eq 'O''Brien'").value()).isEqualTo("O'Brien");
    assertThat(literalOf("s eq ''").value()).isEqualTo("");
    assertThat(literalOf("s eq 'a and b or c'").value()).isEqualTo("a and b or c");
    assertThat(literalOf("n eq -42").value()).isEqualTo(-42L);
    assertThat(literalOf("n eq 4.5").kind()).isEqualTo(LiteralKind.DECIMAL);
    assertThat(literalOf("n eq 4.5").value()).isEqualTo(new BigDecimal("4.5"));
    assertThat(literalOf("t ge 2026-01-01T00:00:00Z").value())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(literalOf("t ge 2026-01-01T02:00:00.1234567+02:00").value())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.1234567Z"));
    assertThat(literalOf("t lt 2026-01-01T00:00Z").value())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(literalOf("b eq true").value()).isEqualTo(Boolean.TRUE);
    assertThat(literalOf("b eq false").value()).isEqualTo(Boolean.FALSE);
    assertThat(literalOf("b eq null").kind()).isEqualTo(LiteralKind.NULL);
    assertThat(literalOf("s eq 'x'").position()).isEqualTo(5);
  }

  @Test
  void keywordsAreWholeWords() {
    assertThat(parsed("notes eq 'x' and order eq 1")).isEqualTo("and(notes eq 'x', order eq 1)");
  }

  private static void refused(String filter, ErrorCode code, String messagePart) {
    assertThatThrownBy(() -> FilterParser.parse(filter))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }

  @Test
  void malformedFiltersAreBadRequestsWithThePosition() {
    refused(
        "status eq 'running",
        ErrorCode.badRequest,
        "at position 10: the string starting here is not closed");
    refused("status eq", ErrorCode.badRequest, "at position 9: a value expected at the end");
    refused(
        "status 'running'", ErrorCode.badRequest, "at position 7: a comparison operator expected");
    refused("(status eq 'a'", ErrorCode.badRequest, "at position 14: ')' expected at the end");
    refused("status eq 'a')", ErrorCode.badRequest, "at position 13: unexpected ')'");
    refused(
        "status eq 'a' and",
        ErrorCode.badRequest,
        "at position 17: a comparison expected at the end");
    refused("status eq 'a' xor b eq 1", ErrorCode.badRequest, "at position 14: unexpected 'xor'");
    refused("", ErrorCode.badRequest, "is empty");
    refused("= 1", ErrorCode.badRequest, "at position 0: a property name expected");
    refused(
        "t eq 2026-13-01T00:00:00Z",
        ErrorCode.badRequest,
        "at position 5: '2026-13-01T00:00:00Z' is not a valid");
    refused("n eq 99999999999999999999", ErrorCode.badRequest, "too large");
    refused(
        "s eq 'a\u0000b'",
        ErrorCode.badRequest,
        "at position 7: a string may not hold the character U+0000");
    refused("n eq 12abc", ErrorCode.badRequest, "at position 5: a value expected");
  }

  @Test
  void functionsOtherOperatorsAndPropertyComparisonsAreNotSupported() {
    refused(
        "contains(displayName, 'x')",
        ErrorCode.notSupported,
        "The function 'contains' is not supported");
    refused("startswith(displayName,'x') eq true", ErrorCode.notSupported, "'startswith'");
    refused("status has 'x'", ErrorCode.notSupported, "The operator 'has' is not supported");
    refused("status in ('a','b')", ErrorCode.notSupported, "'in'");
    refused("'running' eq status", ErrorCode.notSupported, "property on the left");
    refused(
        "createdDateTime lt completedDateTime",
        ErrorCode.notSupported,
        "not with 'completedDateTime'");
    refused("displayName eq tolower('x')", ErrorCode.notSupported, "The function 'tolower'");
    refused("not ".repeat(40) + "a eq 1", ErrorCode.notSupported, "deep");
    refused(
        "a eq '" + "x".repeat(FilterParser.MAX_LENGTH) + "'",
        ErrorCode.notSupported,
        "longer than");
  }
}
