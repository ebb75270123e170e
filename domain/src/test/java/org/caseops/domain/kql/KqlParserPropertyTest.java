package org.caseops.domain.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Hostile and random input for the KQL parser: whatever the text, it answers a tree or a {@link
 * KqlSyntaxException} pointing inside the query, never another exception; deep nesting is refused
 * rather than overflowing the stack; and a tree written back as KQL parses to the same tree.
 */
class KqlParserPropertyTest {
  private static final long DAY = 86_400_000L;

  /** Parses, letting only the parser's own refusal through (checked to point inside the query). */
  private static void parsesOrRefuses(String query, boolean allowTags) {
    try {
      KqlParser.parse(query, allowTags);
    } catch (KqlSyntaxException e) {
      assertThat(e.position()).isBetween(0, query.length());
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 2000)
  void anyTextParsesOrIsRefusedAsKql(
      @ForAll @StringLength(max = 300) String query, @ForAll boolean allowTags) {
    parsesOrRefuses(query, allowTags);
  }

  @Property(tries = 3000)
  void anySequenceOfKqlTokensParsesOrIsRefusedAsKql(
      @ForAll("kqlLikeText") String query, @ForAll boolean allowTags) {
    parsesOrRefuses(query, allowTags);
  }

  @Property(tries = 50)
  void deepNestingIsRefusedNotOverflowed(
      @ForAll @IntRange(min = 1, max = 60_000) int depth, @ForAll("nestings") Nesting nesting) {
    String query = nesting.open().repeat(depth) + "word" + nesting.close().repeat(depth);
    if (depth <= KqlParser.MAX_DEPTH / 3) {
      assertThat(KqlParser.parse(query, false)).isNotNull();
    } else if (depth > KqlParser.MAX_DEPTH) {
      assertThatThrownBy(() -> KqlParser.parse(query, false))
          .isInstanceOf(KqlSyntaxException.class)
          .hasMessageContaining("nests");
    } else {
      parsesOrRefuses(query, false);
    }
  }

  @Example
  void aQueryOfTheLongestAllowedLengthMadeOfOnlyOpeningParenthesesIsRefused() {
    assertThatThrownBy(() -> KqlParser.parse("(".repeat(8000), false))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessageContaining("more than " + KqlParser.MAX_DEPTH + " deep");
    assertThatThrownBy(() -> KqlParser.parse("NOT ".repeat(2000) + "a", false))
        .isInstanceOf(KqlSyntaxException.class);
    assertThatThrownBy(() -> KqlParser.parse("-(".repeat(4000) + "a", false))
        .isInstanceOf(KqlSyntaxException.class);
  }

  @Example
  void aLongFlatQueryIsNotNestingButItsTermsAreBounded() {
    String query = "a ".repeat(KqlParser.MAX_TERMS);
    assertThat(KqlParser.parse(query, false)).isInstanceOf(KqlQuery.And.class);
    String ors = String.join(" OR ", java.util.Collections.nCopies(KqlParser.MAX_TERMS, "word"));
    assertThat(KqlParser.parse(ors, false)).isInstanceOf(KqlQuery.Or.class);
    assertThatThrownBy(() -> KqlParser.parse(query + "b", false))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessageContaining("more than " + KqlParser.MAX_TERMS + " terms");
    assertThatThrownBy(
            () -> KqlParser.parse("subject:(" + ors.replace("word", "w") + " OR x)", false))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessageContaining("terms");
  }

  @Example
  void aWildcardPrefixIsBounded() {
    String longest = "\uD83D\uDE00".repeat(KqlParser.MAX_PREFIX);
    assertThat(KqlParser.parse(longest + "*", false))
        .isEqualTo(new KqlQuery.Term(null, longest, true));
    assertThatThrownBy(
            () -> KqlParser.parse("subject:" + "a".repeat(KqlParser.MAX_PREFIX + 1) + "*", false))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessageContaining("at most " + KqlParser.MAX_PREFIX + " characters before '*'");
  }

  @Property(tries = 1000)
  void aTreeWrittenAsKqlParsesBackToItself(@ForAll("trees") KqlQuery tree) {
    String written = write(tree);
    assertThat(KqlParser.parse(written, true)).as(written).isEqualTo(tree);
  }

  // ---- generators

  record Nesting(String open, String close) {}

  @Provide
  Arbitrary<Nesting> nestings() {
    return Arbitraries.of(
        new Nesting("(", ")"),
        new Nesting("NOT ", ""),
        new Nesting("NOT (", ")"),
        new Nesting("-(", ")"),
        new Nesting("+(", ")"),
        new Nesting("a AND (", ")"),
        new Nesting("(b OR ", ")"));
  }

  @Provide
  Arbitrary<String> kqlLikeText() {
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                6,
                Arbitraries.of(
                    "(", ")", "\"", "AND", "OR", "NOT", "-", "+", "*", "..", ":", "=", "<", "<=",
                    ">", ">=", " ", " ", "  ", "\t", "\n")),
            net.jqwik.api.Tuple.of(
                3,
                Arbitraries.of(KqlProperty.values())
                    .map(p -> p.keyword())
                    .flatMap(k -> Arbitraries.of(k, k.toUpperCase(), k + ":", k + ">=", k + "<"))),
            net.jqwik.api.Tuple.of(
                3,
                Arbitraries.of(
                    "word",
                    "bud*",
                    "b*",
                    "2024-01-31",
                    "2024-02-30",
                    "2024-01-31T10:00:00Z",
                    "2024-01-31T25:00",
                    "9999999999999999999",
                    "99999999999GB",
                    "12KB",
                    "0",
                    "-1",
                    "email",
                    "docs",
                    "a@b.com",
                    "\u0000",
                    "\uD83D\uDE00",
                    "\uD800")),
            net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(6)));
    return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
  }

  @Provide
  Arbitrary<KqlQuery> trees() {
    return tree(3);
  }

  private Arbitrary<KqlQuery> tree(int depth) {
    Arbitrary<KqlQuery> leaf =
        Arbitraries.oneOf(
            freeTerm(),
            freePhrase(),
            restrictedTerm(),
            restrictedPhrase(),
            kind(),
            compare(),
            range(),
            tag());
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<KqlQuery> child = Arbitraries.lazy(() -> tree(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, leaf),
        net.jqwik.api.Tuple.of(
            1, child.list().ofMinSize(2).ofMaxSize(4).map(c -> (KqlQuery) new KqlQuery.And(c))),
        net.jqwik.api.Tuple.of(
            1, child.list().ofMinSize(2).ofMaxSize(4).map(c -> (KqlQuery) new KqlQuery.Or(c))),
        net.jqwik.api.Tuple.of(1, child.map(c -> (KqlQuery) new KqlQuery.Not(c))));
  }

  private static Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8);
  }

  private Arbitrary<KqlQuery> freeTerm() {
    return Combinators.combine(words(), Arbitraries.of(true, false))
        .as((w, prefix) -> new KqlQuery.Term(null, w, prefix));
  }

  private Arbitrary<String> phraseText() {
    return words().list().ofMinSize(1).ofMaxSize(3).map(w -> String.join(" ", w));
  }

  private Arbitrary<KqlQuery> freePhrase() {
    return phraseText().map(t -> new KqlQuery.Phrase(null, t));
  }

  private static Arbitrary<KqlProperty> ofType(KqlProperty.Type... types) {
    List<KqlProperty> matching =
        java.util.Arrays.stream(KqlProperty.values())
            .filter(p -> List.of(types).contains(p.type()))
            .filter(p -> p != KqlProperty.KIND)
            .toList();
    return Arbitraries.of(matching);
  }

  private Arbitrary<KqlQuery> restrictedTerm() {
    return Combinators.combine(
            ofType(KqlProperty.Type.ADDRESS, KqlProperty.Type.TEXT, KqlProperty.Type.KEYWORD),
            words(),
            Arbitraries.of(true, false))
        .as((p, w, prefix) -> new KqlQuery.Term(p, w, prefix));
  }

  private Arbitrary<KqlQuery> restrictedPhrase() {
    return Combinators.combine(
            ofType(KqlProperty.Type.ADDRESS, KqlProperty.Type.TEXT), phraseText())
        .as(KqlQuery.Phrase::new);
  }

  private Arbitrary<KqlQuery> kind() {
    return Arbitraries.of("email", "docs").map(k -> new KqlQuery.Term(KqlProperty.KIND, k, false));
  }

  private Arbitrary<KqlValue> day() {
    return Arbitraries.longs()
        .between(0, 30_000)
        .map(
            d -> {
              LocalDate date = LocalDate.of(1980, 1, 1).plusDays(d);
              long start = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
              return new KqlValue(date.toString(), start, start + DAY - 1);
            });
  }

  private Arbitrary<KqlValue> size() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 1_000_000), Arbitraries.of("", "B", "KB", "MB", "GB"))
        .as(
            (n, unit) -> {
              long factor =
                  switch (unit) {
                    case "KB" -> 1024L;
                    case "MB" -> 1024L * 1024;
                    case "GB" -> 1024L * 1024 * 1024;
                    default -> 1L;
                  };
              return new KqlValue(n + unit, n * factor, n * factor);
            });
  }

  private Arbitrary<KqlQuery> compare() {
    return Arbitraries.of(KqlProperty.SENT, KqlProperty.RECEIVED, KqlProperty.SIZE)
        .flatMap(
            p ->
                Combinators.combine(
                        Arbitraries.of(KqlComparison.values()),
                        p == KqlProperty.SIZE ? size() : day())
                    .as((op, v) -> (KqlQuery) new KqlQuery.Compare(p, op, v)));
  }

  private Arbitrary<KqlQuery> range() {
    return Arbitraries.of(KqlProperty.SENT, KqlProperty.RECEIVED, KqlProperty.SIZE)
        .flatMap(
            p -> {
              Arbitrary<KqlValue> v = p == KqlProperty.SIZE ? size() : day();
              return Combinators.combine(v, v)
                  .filter((a, b) -> a.first() <= b.last())
                  .as((a, b) -> (KqlQuery) new KqlQuery.Range(p, a, b));
            });
  }

  private Arbitrary<KqlQuery> tag() {
    return words().map(KqlQuery.Tag::new);
  }

  // ---- writing a tree as KQL

  static String write(KqlQuery q) {
    if (q instanceof KqlQuery.Term t) {
      String word = t.text() + (t.prefix() ? "*" : "");
      return t.property() == null ? word : t.property().keyword() + ":" + word;
    } else if (q instanceof KqlQuery.Phrase p) {
      String phrase = "\"" + p.text() + "\"";
      return p.property() == null ? phrase : p.property().keyword() + ":" + phrase;
    } else if (q instanceof KqlQuery.Compare c) {
      return c.property().keyword() + c.op().symbol() + c.value().text();
    } else if (q instanceof KqlQuery.Range r) {
      return r.property().keyword() + ":" + r.from().text() + ".." + r.to().text();
    } else if (q instanceof KqlQuery.Tag t) {
      return "tag:" + t.name();
    } else if (q instanceof KqlQuery.And a) {
      return a.clauses().stream().map(KqlParserPropertyTest::operand).collect(joining(" AND "));
    } else if (q instanceof KqlQuery.Or o) {
      return o.clauses().stream().map(KqlParserPropertyTest::operand).collect(joining(" OR "));
    } else if (q instanceof KqlQuery.Not n) {
      return "NOT " + operand(n.child());
    }
    throw new IllegalArgumentException(q.toString());
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining(String separator) {
    return Collectors.joining(separator);
  }

  private static String operand(KqlQuery q) {
    return q instanceof KqlQuery.And || q instanceof KqlQuery.Or ? "(" + write(q) + ")" : write(q);
  }
}
