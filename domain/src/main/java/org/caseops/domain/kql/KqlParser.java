package org.caseops.domain.kql;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses KQL as eDiscovery searches take it: words, {@code "phrases"}, upper-case {@code AND},
 * {@code OR} and {@code NOT} (lower-case ones are plain words), {@code -x} (not) and {@code +x}
 * (required), parentheses, adjacent clauses joined by AND, precedence NOT over AND over OR; {@code
 * prop:value}, {@code prop:"phrase"} and {@code prop:(a OR b)} restrictions on the {@link
 * KqlProperty properties}; comparisons ({@code = < <= > >=}) and ranges ({@code a..b}) on dates and
 * sizes; words ending in {@code *} after at least 3 characters as prefixes. Anything else is a
 * {@link KqlSyntaxException} that says where.
 */
public final class KqlParser {
  /**
   * How deep parentheses, {@code NOT}, {@code -} and {@code +} may nest: deeper queries are refused
   * rather than risking the stack of whoever parses or translates them.
   */
  public static final int MAX_DEPTH = 100;

  /**
   * The most terms (words, phrases, restrictions, comparisons and ranges) a query may hold: a
   * full-text index runs a query of a bounded number of clauses.
   */
  public static final int MAX_TERMS = 500;

  private static final int MIN_PREFIX = 3;

  /**
   * The longest prefix before {@code *}, in characters: a full-text index turns a prefix into an
   * automaton of one state per byte, and refuses long ones; no word indexed is that long.
   */
  public static final int MAX_PREFIX = 100;

  private static final long DAY_MS = 86_400_000L;
  private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z]+)(<=|>=|<|>|=|:)");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)(KB|MB|GB|B)?", Pattern.CASE_INSENSITIVE);

  private final String query;
  private final boolean allowTags;
  private final List<Token> tokens;
  private int next;
  private int depth;
  private int terms;

  private KqlParser(String query, boolean allowTags) {
    this.query = query;
    this.allowTags = allowTags;
    this.tokens = lex(query);
  }

  /**
   * The tree of a query; a null, empty or blank query is {@link KqlQuery.MatchAll}. {@code tag:} is
   * accepted only with {@code allowTags} (review-set queries).
   *
   * @throws KqlSyntaxException when the query is not valid KQL
   */
  public static KqlQuery parse(String query, boolean allowTags) {
    if (query == null || query.isBlank()) {
      return new KqlQuery.MatchAll();
    }
    KqlParser parser = new KqlParser(query, allowTags);
    KqlQuery result = parser.or(null);
    Token rest = parser.peek();
    if (rest.type != Type.EOF) {
      throw new KqlSyntaxException("Unexpected " + rest.describe(), rest.pos);
    }
    return result;
  }

  // ---- grammar

  private KqlQuery or(Context context) {
    List<KqlQuery> clauses = new ArrayList<>();
    clauses.add(and(context));
    while (peek().isOperator("OR")) {
      requireClauseAfter(take());
      clauses.add(and(context));
    }
    return clauses.size() == 1 ? clauses.get(0) : new KqlQuery.Or(clauses);
  }

  private KqlQuery and(Context context) {
    List<KqlQuery> clauses = new ArrayList<>();
    clauses.add(unary(context));
    while (true) {
      if (peek().isOperator("AND")) {
        requireClauseAfter(take());
      } else if (!peek().startsClause()) {
        break;
      }
      clauses.add(unary(context));
    }
    return clauses.size() == 1 ? clauses.get(0) : new KqlQuery.And(clauses);
  }

  private KqlQuery unary(Context context) {
    Token t = peek();
    if (++depth > MAX_DEPTH) {
      throw new KqlSyntaxException(
          "The query nests parentheses, NOT, - and + more than " + MAX_DEPTH + " deep", t.pos);
    }
    try {
      if (t.isOperator("NOT") || t.type == Type.MINUS || t.type == Type.PLUS) {
        take();
        requireClauseAfter(t);
        KqlQuery child = unary(context);
        return t.type == Type.PLUS ? child : new KqlQuery.Not(child);
      }
      return primary(context);
    } finally {
      depth--;
    }
  }

  private KqlQuery primary(Context context) {
    Token t = peek();
    if (!t.startsClause()) {
      throw new KqlSyntaxException("Expected a term but found " + t.describe(), t.pos);
    }
    take();
    return switch (t.type) {
      case LPAREN -> group(t, context);
      case PHRASE, WORD -> context == null ? free(t) : value(context, t);
      case PROPERTY -> restriction(t, context);
      default -> throw new IllegalStateException("not a clause: " + t.type);
    };
  }

  private KqlQuery group(Token open, Context context) {
    if (peek().type == Type.RPAREN) {
      throw new KqlSyntaxException("Expected a term inside '()'", peek().pos);
    }
    KqlQuery inner = or(context);
    Token close = peek();
    if (close.type != Type.RPAREN) {
      throw new KqlSyntaxException(
          "Expected ')' (to close '(' at position " + open.pos + ") but found " + close.describe(),
          close.pos);
    }
    take();
    return inner;
  }

  /** Counts one more term, refusing the query past {@link #MAX_TERMS}. */
  private void countTerm(Token t) {
    if (++terms > MAX_TERMS) {
      throw new KqlSyntaxException("The query has more than " + MAX_TERMS + " terms", t.pos);
    }
  }

  private KqlQuery free(Token t) {
    countTerm(t);
    if (t.type == Type.PHRASE) {
      return new KqlQuery.Phrase(null, t.text);
    }
    Prefix word = prefix(t.text, t.pos);
    return new KqlQuery.Term(null, word.text, word.prefix);
  }

  private KqlQuery restriction(Token t, Context outer) {
    if (outer != null) {
      throw new KqlSyntaxException(
          "A property restriction cannot be nested inside " + outer.property.keyword() + ":(...)",
          t.pos);
    }
    KqlProperty property =
        KqlProperty.named(t.text)
            .orElseThrow(() -> new KqlSyntaxException("Unknown property '" + t.text + "'", t.pos));
    if (property == KqlProperty.TAG && !allowTags) {
      throw new KqlSyntaxException("tag: is only allowed in review-set queries", t.pos);
    }
    int opPos = t.pos + t.text.length();
    KqlComparison op =
        switch (t.op) {
          case ":" -> null;
          case "=" -> KqlComparison.EQ;
          case "<" -> KqlComparison.LT;
          case "<=" -> KqlComparison.LE;
          case ">" -> KqlComparison.GT;
          case ">=" -> KqlComparison.GE;
          default -> throw new IllegalStateException(t.op);
        };
    if (op != null && !property.ordered()) {
      throw new KqlSyntaxException(
          "Operator '"
              + t.op
              + "' is not allowed for "
              + property.keyword()
              + ": (only for sent, received and size)",
          opPos);
    }
    Context context = new Context(property, op);
    Token value = peek();
    int valuePos = opPos + t.op.length();
    boolean valueFollows =
        value.adjacent
            && (value.type == Type.WORD || value.type == Type.PHRASE || value.type == Type.LPAREN);
    if (!valueFollows) {
      throw new KqlSyntaxException("Expected a value after '" + t.text + t.op + "'", valuePos);
    }
    take();
    return value.type == Type.LPAREN ? group(value, context) : value(context, value);
  }

  private KqlQuery value(Context context, Token t) {
    countTerm(t);
    KqlProperty property = context.property;
    int pos = t.type == Type.PHRASE ? t.pos + 1 : t.pos;
    switch (property.type()) {
      case ADDRESS, TEXT -> {
        if (t.type == Type.PHRASE) {
          return new KqlQuery.Phrase(property, t.text);
        }
        Prefix word = prefix(t.text, t.pos);
        return new KqlQuery.Term(property, word.text, word.prefix);
      }
      case KEYWORD -> {
        if (property == KqlProperty.KIND) {
          String kind = t.text.trim().toLowerCase(Locale.ROOT);
          if (!kind.equals("email") && !kind.equals("docs")) {
            throw new KqlSyntaxException("kind: takes email or docs, not '" + t.text + "'", pos);
          }
          return new KqlQuery.Term(property, kind, false);
        }
        if (t.type == Type.PHRASE) {
          return new KqlQuery.Term(property, t.text.trim(), false);
        }
        Prefix word = prefix(t.text, t.pos);
        return new KqlQuery.Term(property, word.text, word.prefix);
      }
      case TAG -> {
        int star = t.text.indexOf('*');
        if (t.type == Type.WORD && star >= 0) {
          throw new KqlSyntaxException("Wildcards are not allowed in tag:", pos + star);
        }
        return new KqlQuery.Tag(t.text);
      }
      default -> {
        return ordered(context, t.text, pos);
      }
    }
  }

  private KqlQuery ordered(Context context, String text, int pos) {
    KqlProperty property = context.property;
    int dots = text.indexOf("..");
    if (dots >= 0) {
      if (context.op != null) {
        throw new KqlSyntaxException(
            "A range (a..b) only follows '"
                + property.keyword()
                + ":', not '"
                + context.op.symbol()
                + "'",
            pos);
      }
      KqlValue from = ordinal(property, text.substring(0, dots), pos);
      KqlValue to = ordinal(property, text.substring(dots + 2), pos + dots + 2);
      if (from.first() > to.last()) {
        throw new KqlSyntaxException("The range '" + text + "' ends before it starts", pos);
      }
      return new KqlQuery.Range(property, from, to);
    }
    KqlComparison op = context.op == null ? KqlComparison.EQ : context.op;
    return new KqlQuery.Compare(property, op, ordinal(property, text, pos));
  }

  private static KqlValue ordinal(KqlProperty property, String text, int pos) {
    return property.type() == KqlProperty.Type.DATE ? date(text, pos) : size(text, pos);
  }

  private static KqlValue date(String text, int pos) {
    String problem =
        "Invalid date '" + text + "' (use yyyy-MM-dd or an instant such as 2024-01-31T10:00:00Z)";
    if (text.isEmpty()) {
      throw new KqlSyntaxException("Expected a date", pos);
    }
    try {
      if (DAY.matcher(text).matches()) {
        long start = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        return new KqlValue(text, start, start + DAY_MS - 1);
      }
      if (text.indexOf('T') > 0 || text.indexOf('t') > 0) {
        String upper = text.toUpperCase(Locale.ROOT);
        long at =
            hasZone(upper)
                ? OffsetDateTime.parse(upper).toInstant().toEpochMilli()
                : LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC).toEpochMilli();
        return new KqlValue(text, at, at);
      }
    } catch (DateTimeException | ArithmeticException e) {
      throw new KqlSyntaxException(problem, pos);
    }
    throw new KqlSyntaxException(problem, pos);
  }

  private static boolean hasZone(String instant) {
    int time = instant.indexOf('T');
    return instant.endsWith("Z")
        || instant.indexOf('+', time) > 0
        || instant.indexOf('-', time) > 0;
  }

  private static KqlValue size(String text, int pos) {
    if (text.isEmpty()) {
      throw new KqlSyntaxException("Expected a size", pos);
    }
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new KqlSyntaxException(
          "Invalid size '" + text + "' (use bytes, or a number with KB, MB or GB)", pos);
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "KB" -> 1024L;
          case "MB" -> 1024L * 1024;
          case "GB" -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    try {
      long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), factor);
      return new KqlValue(text, bytes, bytes);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new KqlSyntaxException("The size '" + text + "' is too large", pos);
    }
  }

  private static Prefix prefix(String word, int pos) {
    int star = word.indexOf('*');
    if (star < 0) {
      return new Prefix(word, false);
    }
    if (star != word.length() - 1) {
      throw new KqlSyntaxException("'*' is only allowed at the end of a word", pos + star);
    }
    if (word.codePointCount(0, star) < MIN_PREFIX) {
      throw new KqlSyntaxException(
          "A wildcard needs at least " + MIN_PREFIX + " characters before '*'", pos + star);
    }
    if (word.codePointCount(0, star) > MAX_PREFIX) {
      throw new KqlSyntaxException(
          "A wildcard allows at most " + MAX_PREFIX + " characters before '*'", pos + star);
    }
    return new Prefix(word.substring(0, star), true);
  }

  private void requireClauseAfter(Token operator) {
    Token t = peek();
    boolean sign = operator.type == Type.MINUS || operator.type == Type.PLUS;
    if (!t.startsClause() || (sign && !t.adjacent)) {
      int at = sign ? operator.pos + 1 : t.pos;
      throw new KqlSyntaxException("Expected a term after '" + operator.raw() + "'", at);
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    return tokens.get(next++);
  }

  // ---- tokens

  private enum Type {
    LPAREN,
    RPAREN,
    PHRASE,
    WORD,
    PROPERTY,
    MINUS,
    PLUS,
    EOF
  }

  /**
   * One token; {@code adjacent} when no space separates it from the one before; {@code op} for
   * properties.
   */
  private record Token(Type type, String text, String op, int pos, boolean adjacent) {
    boolean isOperator(String name) {
      return type == Type.WORD && text.equals(name);
    }

    boolean startsClause() {
      return switch (type) {
        case LPAREN, PHRASE, PROPERTY, MINUS, PLUS -> true;
        case WORD -> !text.equals("AND") && !text.equals("OR");
        default -> false;
      };
    }

    String raw() {
      return switch (type) {
        case MINUS -> "-";
        case PLUS -> "+";
        default -> text;
      };
    }

    String describe() {
      return switch (type) {
        case EOF -> "the end of the query";
        case LPAREN -> "'('";
        case RPAREN -> "')'";
        case PHRASE -> "\"" + text + "\"";
        case PROPERTY -> "'" + text + op + "'";
        default -> "'" + raw() + "'";
      };
    }
  }

  private record Context(KqlProperty property, KqlComparison op) {}

  private record Prefix(String text, boolean prefix) {}

  private static List<Token> lex(String q) {
    List<Token> tokens = new ArrayList<>();
    int n = q.length();
    int i = 0;
    int lastEnd = -1;
    boolean chunkStart = true;
    boolean valueNext = false;
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        chunkStart = true;
        valueNext = false;
        continue;
      }
      boolean adjacent = i == lastEnd;
      if (c == '(') {
        tokens.add(new Token(Type.LPAREN, "(", null, i++, adjacent));
        chunkStart = true;
      } else if (c == ')') {
        tokens.add(new Token(Type.RPAREN, ")", null, i++, adjacent));
        chunkStart = false;
      } else if (c == '"') {
        int close = q.indexOf('"', i + 1);
        if (close < 0) {
          throw new KqlSyntaxException("Unclosed quote", i);
        }
        String text = q.substring(i + 1, close);
        if (text.isBlank()) {
          throw new KqlSyntaxException("Empty phrase", i);
        }
        tokens.add(new Token(Type.PHRASE, text, null, i, adjacent));
        i = close + 1;
        chunkStart = false;
      } else if ((c == '-' || c == '+') && chunkStart && !valueNext) {
        tokens.add(
            new Token(c == '-' ? Type.MINUS : Type.PLUS, String.valueOf(c), null, i++, adjacent));
        chunkStart = false;
      } else {
        int end = i;
        while (end < n
            && !Character.isWhitespace(q.charAt(end))
            && "()\"".indexOf(q.charAt(end)) < 0) {
          end++;
        }
        String word = q.substring(i, end);
        Matcher m = valueNext ? null : PROPERTY.matcher(word);
        if (m != null && m.find()) {
          tokens.add(new Token(Type.PROPERTY, m.group(1), m.group(2), i, adjacent));
          i += m.end();
          valueNext = true;
          chunkStart = false;
          lastEnd = i;
          continue;
        }
        tokens.add(new Token(Type.WORD, word, null, i, adjacent));
        i = end;
        chunkStart = false;
      }
      valueNext = false;
      lastEnd = i;
    }
    tokens.add(new Token(Type.EOF, "", null, n, n == lastEnd));
    return tokens;
  }
}
