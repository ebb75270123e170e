package org.caseops.api.odata.filter;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.api.odata.filter.FilterExpression.Comparison;
import org.caseops.api.odata.filter.FilterExpression.Literal;
import org.caseops.api.odata.filter.FilterExpression.LiteralKind;
import org.caseops.api.odata.filter.FilterExpression.Logical;
import org.caseops.api.odata.filter.FilterExpression.Negation;
import org.caseops.domain.support.ListQuery;

/**
 * A recursive-descent parser for the part of the OData {@code $filter} language caseops supports:
 *
 * <pre>
 * filter     = or
 * or         = and *( "or" and )
 * and        = unary *( "and" unary )
 * unary      = "not" unary / "(" or ")" / comparison
 * comparison = property ( "eq" / "ne" / "gt" / "ge" / "lt" / "le" ) literal
 * literal    = 'string' (a quote doubled inside) / integer / decimal / DateTimeOffset / true / false / null
 * </pre>
 *
 * {@code not} binds tighter than {@code and}, which binds tighter than {@code or}. Keywords are
 * lower case, as in OData. A malformed filter is refused with 400 {@code badRequest} naming the
 * position (from 0); a function, another operator, or a comparison of two properties with 400
 * {@code notSupported}.
 */
public final class FilterParser {
  /** The longest filter accepted, in characters. */
  public static final int MAX_LENGTH = 2000;

  private static final int MAX_DEPTH = 32;
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:\\d{2})");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Set<String> OTHER_OPERATORS =
      Set.of("has", "in", "add", "sub", "mul", "div", "divby", "mod", "any", "all");

  private final String text;
  private int position;
  private int depth;

  private FilterParser(String text) {
    this.text = text;
  }

  /** Parses a {@code $filter} value. */
  public static FilterExpression parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw ApiException.notSupported(
          "The query option '$filter' is longer than " + MAX_LENGTH + " characters.");
    }
    FilterParser parser = new FilterParser(text);
    parser.skipSpaces();
    if (parser.atEnd()) {
      throw ApiException.badRequest("The query option '$filter' is empty.");
    }
    FilterExpression expression = parser.or();
    parser.skipSpaces();
    if (!parser.atEnd()) {
      throw parser.syntaxError("unexpected '" + parser.peekToken() + "'");
    }
    return expression;
  }

  private FilterExpression or() {
    FilterExpression left = and();
    while (keyword("or")) {
      left = new Logical(false, left, and());
    }
    return left;
  }

  private FilterExpression and() {
    FilterExpression left = unary();
    while (keyword("and")) {
      left = new Logical(true, left, unary());
    }
    return left;
  }

  private FilterExpression unary() {
    if (++depth > MAX_DEPTH) {
      throw ApiException.notSupported(
          "The query option '$filter' nests 'not' and parentheses more than "
              + MAX_DEPTH
              + " deep.");
    }
    try {
      skipSpaces();
      if (keyword("not")) {
        return new Negation(unary());
      }
      if (symbol('(')) {
        FilterExpression inner = or();
        skipSpaces();
        if (!symbol(')')) {
          throw syntaxError(
              atEnd()
                  ? "')' expected at the end"
                  : "')' expected instead of '" + peekToken() + "'");
        }
        return inner;
      }
      return comparison();
    } finally {
      depth--;
    }
  }

  private FilterExpression comparison() {
    skipSpaces();
    int start = position;
    if (atEnd()) {
      throw syntaxError("a comparison expected at the end");
    }
    Matcher name = NAME.matcher(text).region(position, text.length());
    if (!name.lookingAt() || isLiteralStart()) {
      if (isLiteralStart()) {
        throw ApiException.notSupported(
            "The query option '$filter' must name a property on the left of each comparison (position "
                + start
                + ").");
      }
      throw syntaxError("a property name expected instead of '" + peekToken() + "'");
    }
    String property = name.group();
    position = name.end();
    skipSpaces();
    if (symbol('(')) {
      throw ApiException.notSupported(
          "The function '"
              + GraphError.clip(property)
              + "' is not supported in '$filter' (position "
              + start
              + ").");
    }
    int operatorStart = position;
    String word = word();
    ListQuery.Operator operator = comparisonOperator(word);
    if (operator == null) {
      if (OTHER_OPERATORS.contains(word)) {
        throw ApiException.notSupported(
            "The operator '"
                + word
                + "' is not supported in '$filter' (position "
                + operatorStart
                + ").");
      }
      position = operatorStart;
      throw syntaxError(
          atEnd()
              ? "a comparison operator expected after '" + GraphError.clip(property) + "'"
              : "a comparison operator expected instead of '" + peekToken() + "'");
    }
    return new Comparison(property, start, operator, literal());
  }

  private Literal literal() {
    skipSpaces();
    int start = position;
    if (atEnd()) {
      throw syntaxError("a value expected at the end");
    }
    char first = text.charAt(position);
    if (first == '\'') {
      return string(start);
    }
    Matcher dateTime = DATE_TIME.matcher(text).region(position, text.length());
    if (dateTime.lookingAt() && !continuesWord(dateTime.end())) {
      String written = dateTime.group();
      try {
        position = dateTime.end();
        return new Literal(
            LiteralKind.DATE_TIME, OffsetDateTime.parse(written).toInstant(), start, written);
      } catch (DateTimeParseException e) {
        position = start;
        throw syntaxError("'" + written + "' is not a valid DateTimeOffset");
      }
    }
    Matcher number = NUMBER.matcher(text).region(position, text.length());
    if (number.lookingAt() && !continuesWord(number.end())) {
      String written = number.group();
      position = number.end();
      if (number.group(1) == null && number.group(2) == null) {
        try {
          return new Literal(LiteralKind.INTEGER, Long.parseLong(written), start, written);
        } catch (NumberFormatException e) {
          position = start;
          throw syntaxError("'" + GraphError.clip(written) + "' is too large a number");
        }
      }
      try {
        return new Literal(LiteralKind.DECIMAL, new BigDecimal(written), start, written);
      } catch (NumberFormatException e) {
        position = start;
        throw syntaxError("'" + GraphError.clip(written) + "' has too large an exponent");
      }
    }
    Matcher name = NAME.matcher(text).region(position, text.length());
    if (name.lookingAt()) {
      String word = name.group();
      position = name.end();
      switch (word) {
        case "true":
          return new Literal(LiteralKind.BOOLEAN, Boolean.TRUE, start, word);
        case "false":
          return new Literal(LiteralKind.BOOLEAN, Boolean.FALSE, start, word);
        case "null":
          return new Literal(LiteralKind.NULL, null, start, word);
        default:
          skipSpaces();
          if (!atEnd() && text.charAt(position) == '(') {
            throw ApiException.notSupported(
                "The function '"
                    + GraphError.clip(word)
                    + "' is not supported in '$filter' (position "
                    + start
                    + ").");
          }
          throw ApiException.notSupported(
              "The query option '$filter' can only compare a property with a value, not with '"
                  + GraphError.clip(word)
                  + "' (position "
                  + start
                  + ").");
      }
    }
    throw syntaxError("a value expected instead of '" + peekToken() + "'");
  }

  private Literal string(int start) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
          continue;
        }
        position = i + 1;
        return new Literal(
            LiteralKind.STRING, value.toString(), start, text.substring(start, position));
      }
      if (c == '\u0000') {
        position = i;
        throw syntaxError("a string may not hold the character U+0000");
      }
      value.append(c);
      i++;
    }
    position = start;
    throw syntaxError("the string starting here is not closed");
  }

  private static ListQuery.Operator comparisonOperator(String word) {
    return switch (word) {
      case "eq" -> ListQuery.Operator.EQ;
      case "ne" -> ListQuery.Operator.NE;
      case "gt" -> ListQuery.Operator.GT;
      case "ge" -> ListQuery.Operator.GE;
      case "lt" -> ListQuery.Operator.LT;
      case "le" -> ListQuery.Operator.LE;
      default -> null;
    };
  }

  private boolean isLiteralStart() {
    char c = text.charAt(position);
    if (c == '\'' || c == '-' || Character.isDigit(c)) {
      return true;
    }
    Matcher name = NAME.matcher(text).region(position, text.length());
    return name.lookingAt() && Set.of("true", "false", "null").contains(name.group());
  }

  /** Consumes the keyword when it comes next as a whole word. */
  private boolean keyword(String keyword) {
    skipSpaces();
    int end = position + keyword.length();
    if (text.startsWith(keyword, position) && !continuesWord(end)) {
      position = end;
      return true;
    }
    return false;
  }

  private boolean symbol(char symbol) {
    if (!atEnd() && text.charAt(position) == symbol) {
      position++;
      return true;
    }
    return false;
  }

  /** Consumes a run of letters (possibly empty). */
  private String word() {
    int start = position;
    while (!atEnd() && Character.isLetter(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private boolean continuesWord(int index) {
    return index < text.length()
        && (Character.isLetterOrDigit(text.charAt(index))
            || text.charAt(index) == '_'
            || text.charAt(index) == '.');
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private String peekToken() {
    int end = position;
    while (end < text.length()
        && !Character.isWhitespace(text.charAt(end))
        && end - position < 20) {
      end++;
    }
    return GraphError.clip(
        text.substring(position, Math.max(end, Math.min(position + 1, text.length()))));
  }

  private ApiException syntaxError(String what) {
    return ApiException.badRequest(
        "Syntax error in the query option '$filter' at position " + position + ": " + what + ".");
  }
}
