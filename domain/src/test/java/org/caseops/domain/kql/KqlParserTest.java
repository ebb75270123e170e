package org.caseops.domain.kql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.domain.kql.KqlProperty.BCC;
import static org.caseops.domain.kql.KqlProperty.BODY;
import static org.caseops.domain.kql.KqlProperty.FILETYPE;
import static org.caseops.domain.kql.KqlProperty.FROM;
import static org.caseops.domain.kql.KqlProperty.KIND;
import static org.caseops.domain.kql.KqlProperty.PARTICIPANTS;
import static org.caseops.domain.kql.KqlProperty.RECEIVED;
import static org.caseops.domain.kql.KqlProperty.SENT;
import static org.caseops.domain.kql.KqlProperty.SIZE;
import static org.caseops.domain.kql.KqlProperty.SUBJECT;

import java.time.Instant;
import java.util.List;
import org.caseops.domain.kql.KqlQuery.And;
import org.caseops.domain.kql.KqlQuery.Compare;
import org.caseops.domain.kql.KqlQuery.MatchAll;
import org.caseops.domain.kql.KqlQuery.Not;
import org.caseops.domain.kql.KqlQuery.Or;
import org.caseops.domain.kql.KqlQuery.Phrase;
import org.caseops.domain.kql.KqlQuery.Range;
import org.caseops.domain.kql.KqlQuery.Tag;
import org.caseops.domain.kql.KqlQuery.Term;
import org.junit.jupiter.api.Test;

class KqlParserTest {
  private static final long DAY = 86_400_000L;

  private static KqlQuery parse(String q) {
    return KqlParser.parse(q, false);
  }

  private static Term word(String text) {
    return new Term(null, text, false);
  }

  private static And and(KqlQuery... clauses) {
    return new And(List.of(clauses));
  }

  private static Or or(KqlQuery... clauses) {
    return new Or(List.of(clauses));
  }

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static void fails(String query, int position, String messagePart) {
    assertThatThrownBy(() -> parse(query))
        .isInstanceOf(KqlSyntaxException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart)
        .hasMessageEndingWith("at position " + position)
        .satisfies(e -> assertThat(((KqlSyntaxException) e).position()).isEqualTo(position));
  }

  @Test
  void anEmptyQueryMatchesAll() {
    assertThat(parse(null)).isEqualTo(new MatchAll());
    assertThat(parse("")).isEqualTo(new MatchAll());
    assertThat(parse("   \t")).isEqualTo(new MatchAll());
  }

  @Test
  void wordsAndPhrases() {
    assertThat(parse("budget")).isEqualTo(word("budget"));
    assertThat(parse("  budget  ")).isEqualTo(word("budget"));
    assertThat(parse("\"quarterly budget\"")).isEqualTo(new Phrase(null, "quarterly budget"));
    assertThat(parse("e-mail")).isEqualTo(word("e-mail"));
    assertThat(parse("12:30")).isEqualTo(word("12:30"));
  }

  @Test
  void adjacentClausesAreJoinedByAnd() {
    assertThat(parse("budget report")).isEqualTo(and(word("budget"), word("report")));
    assertThat(parse("budget \"q1 plan\" (a)"))
        .isEqualTo(and(word("budget"), new Phrase(null, "q1 plan"), word("a")));
    assertThat(parse("budget AND report")).isEqualTo(and(word("budget"), word("report")));
  }

  @Test
  void lowerCaseOperatorsArePlainWords() {
    assertThat(parse("cats and dogs")).isEqualTo(and(word("cats"), word("and"), word("dogs")));
    assertThat(parse("this or that")).isEqualTo(and(word("this"), word("or"), word("that")));
    assertThat(parse("not me")).isEqualTo(and(word("not"), word("me")));
    assertThat(parse("Or")).isEqualTo(word("Or"));
  }

  @Test
  void orNotAndSigns() {
    assertThat(parse("a OR b OR c")).isEqualTo(or(word("a"), word("b"), word("c")));
    assertThat(parse("NOT a")).isEqualTo(new Not(word("a")));
    assertThat(parse("-a")).isEqualTo(new Not(word("a")));
    assertThat(parse("+a")).isEqualTo(word("a"));
    assertThat(parse("a -b +c")).isEqualTo(and(word("a"), new Not(word("b")), word("c")));
    assertThat(parse("a NOT b")).isEqualTo(and(word("a"), new Not(word("b"))));
    assertThat(parse("a AND NOT b")).isEqualTo(and(word("a"), new Not(word("b"))));
    assertThat(parse("NOT NOT a")).isEqualTo(new Not(new Not(word("a"))));
    assertThat(parse("-\"a b\"")).isEqualTo(new Not(new Phrase(null, "a b")));
    assertThat(parse("-(a OR b)")).isEqualTo(new Not(or(word("a"), word("b"))));
    assertThat(parse("-from:x")).isEqualTo(new Not(new Term(FROM, "x", false)));
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    assertThat(parse("a OR b AND c")).isEqualTo(or(word("a"), and(word("b"), word("c"))));
    assertThat(parse("a AND b OR c")).isEqualTo(or(and(word("a"), word("b")), word("c")));
    assertThat(parse("a b OR c d"))
        .isEqualTo(or(and(word("a"), word("b")), and(word("c"), word("d"))));
    assertThat(parse("NOT a OR b")).isEqualTo(or(new Not(word("a")), word("b")));
    assertThat(parse("NOT a AND b")).isEqualTo(and(new Not(word("a")), word("b")));
  }

  @Test
  void parenthesesGroup() {
    assertThat(parse("(a OR b) AND c")).isEqualTo(and(or(word("a"), word("b")), word("c")));
    assertThat(parse("a AND (b OR (c d))"))
        .isEqualTo(and(word("a"), or(word("b"), and(word("c"), word("d")))));
    assertThat(parse("NOT (a OR b)")).isEqualTo(new Not(or(word("a"), word("b"))));
    assertThat(parse("((a))")).isEqualTo(word("a"));
  }

  @Test
  void textAndAddressRestrictions() {
    assertThat(parse("from:alice@example.com"))
        .isEqualTo(new Term(FROM, "alice@example.com", false));
    assertThat(parse("FROM:alice")).isEqualTo(new Term(FROM, "alice", false));
    assertThat(parse("Subject:\"q1 budget\"")).isEqualTo(new Phrase(SUBJECT, "q1 budget"));
    assertThat(parse("body:walrus")).isEqualTo(new Term(BODY, "walrus", false));
    assertThat(parse("bcc:x participants:y"))
        .isEqualTo(and(new Term(BCC, "x", false), new Term(PARTICIPANTS, "y", false)));
    assertThat(parse("subject:re:hello")).isEqualTo(new Term(SUBJECT, "re:hello", false));
    assertThat(parse("subject:AND")).isEqualTo(new Term(SUBJECT, "AND", false));
    assertThat(parse("subject:-x")).isEqualTo(new Term(SUBJECT, "-x", false));
  }

  @Test
  void aRestrictionAppliesToAGroup() {
    assertThat(parse("from:(alice OR bob)"))
        .isEqualTo(or(new Term(FROM, "alice", false), new Term(FROM, "bob", false)));
    assertThat(parse("subject:(budget \"q1 plan\" NOT draft*) report"))
        .isEqualTo(
            and(
                and(
                    new Term(SUBJECT, "budget", false),
                    new Phrase(SUBJECT, "q1 plan"),
                    new Not(new Term(SUBJECT, "draft", true))),
                word("report")));
    assertThat(parse("kind:(email OR docs)"))
        .isEqualTo(or(new Term(KIND, "email", false), new Term(KIND, "docs", false)));
  }

  @Test
  void filetypeAndKind() {
    assertThat(parse("filetype:PDF")).isEqualTo(new Term(FILETYPE, "PDF", false));
    assertThat(parse("filetype:.docx")).isEqualTo(new Term(FILETYPE, ".docx", false));
    assertThat(parse("kind:Email")).isEqualTo(new Term(KIND, "email", false));
    assertThat(parse("kind:docs")).isEqualTo(new Term(KIND, "docs", false));
    fails("kind:im", 5, "kind: takes email or docs, not 'im'");
    fails("a kind:\"meetings\"", 8, "kind: takes email or docs");
  }

  @Test
  void prefixes() {
    assertThat(parse("budg*")).isEqualTo(new Term(null, "budg", true));
    assertThat(parse("bud*")).isEqualTo(new Term(null, "bud", true));
    assertThat(parse("subject:budg*")).isEqualTo(new Term(SUBJECT, "budg", true));
    assertThat(parse("from:ali*")).isEqualTo(new Term(FROM, "ali", true));
    fails("bu*", 2, "at least 3 characters before '*'");
    fails("x subject:b*", 11, "at least 3 characters");
    fails("*", 0, "at least 3 characters");
    fails("bu*dget", 2, "'*' is only allowed at the end of a word");
    fails("budg**", 4, "only allowed at the end");
    fails("*budget", 0, "only allowed at the end");
  }

  @Test
  void tagsOnlyInReviewSetQueries() {
    assertThat(KqlParser.parse("tag:Responsive", true)).isEqualTo(new Tag("Responsive"));
    assertThat(KqlParser.parse("TAG:\"Needs review\" budget", true))
        .isEqualTo(and(new Tag("Needs review"), word("budget")));
    assertThat(KqlParser.parse("tag:(a OR b)", true)).isEqualTo(or(new Tag("a"), new Tag("b")));
    fails("budget tag:Responsive", 7, "tag: is only allowed in review-set queries");
    assertThatThrownBy(() -> KqlParser.parse("tag:resp*", true))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessage("Wildcards are not allowed in tag: at position 8");
  }

  @Test
  void unknownPropertiesAreErrorsWhereTheyStart() {
    fails("budget colour:red", 7, "Unknown property 'colour'");
    fails("http://example.com", 0, "Unknown property 'http'");
    fails("a b=c", 2, "Unknown property 'b'");
  }

  @Test
  void aDayCoversTheWholeUtcDay() {
    long start = ms("2024-01-31T00:00:00Z");
    Compare eq = (Compare) parse("sent=2024-01-31");
    assertThat(eq.property()).isEqualTo(SENT);
    assertThat(eq.op()).isEqualTo(KqlComparison.EQ);
    assertThat(eq.value()).isEqualTo(new KqlValue("2024-01-31", start, start + DAY - 1));
    assertThat(eq.lower()).isEqualTo(start);
    assertThat(eq.upper()).isEqualTo(start + DAY - 1);
    assertThat(parse("sent:2024-01-31")).isEqualTo(eq);
  }

  @Test
  void dateComparisonsUseTheEdgesOfTheDay() {
    long start = ms("2024-01-01T00:00:00Z");
    Compare gt = (Compare) parse("sent>2024-01-01");
    assertThat(gt.lower()).isEqualTo(start + DAY);
    assertThat(gt.upper()).isEqualTo(Long.MAX_VALUE);
    Compare ge = (Compare) parse("sent>=2024-01-01");
    assertThat(ge.lower()).isEqualTo(start);
    Compare lt = (Compare) parse("received<2024-01-01");
    assertThat(lt.property()).isEqualTo(RECEIVED);
    assertThat(lt.lower()).isEqualTo(Long.MIN_VALUE);
    assertThat(lt.upper()).isEqualTo(start - 1);
    Compare le = (Compare) parse("Sent<=2024-01-01");
    assertThat(le.upper()).isEqualTo(start + DAY - 1);
  }

  @Test
  void instantsAreExact() {
    long at = ms("2024-01-31T10:00:00Z");
    Compare eq = (Compare) parse("sent=2024-01-31T10:00:00Z");
    assertThat(eq.lower()).isEqualTo(at);
    assertThat(eq.upper()).isEqualTo(at);
    assertThat(((Compare) parse("sent>2024-01-31T10:00:00Z")).lower()).isEqualTo(at + 1);
    assertThat(((Compare) parse("sent<2024-01-31T12:00:00+02:00")).upper()).isEqualTo(at - 1);
    assertThat(((Compare) parse("sent>=2024-01-31T10:00:00")).lower()).isEqualTo(at);
  }

  @Test
  void dateRangesIncludeBothDays() {
    Range range = (Range) parse("sent:2024-01-01..2024-02-01");
    assertThat(range.property()).isEqualTo(SENT);
    assertThat(range.lower()).isEqualTo(ms("2024-01-01T00:00:00Z"));
    assertThat(range.upper()).isEqualTo(ms("2024-02-02T00:00:00Z") - 1);
    Range mixed = (Range) parse("received:2024-01-01..2024-01-01T12:00:00Z");
    assertThat(mixed.upper()).isEqualTo(ms("2024-01-01T12:00:00Z"));
  }

  @Test
  void badDatesAreErrorsAtTheValue() {
    fails("sent>2024-13-01", 5, "Invalid date '2024-13-01'");
    fails("x sent:2024-02-30", 7, "Invalid date");
    fails("sent:yesterday", 5, "Invalid date");
    fails("sent:2024-01-01..soon", 17, "Invalid date 'soon'");
    fails("sent:2024-01-01..", 17, "Expected a date");
    fails("sent:2024-02-01..2024-01-01", 5, "ends before it starts");
    fails("sent>=2024-01-01..2024-02-01", 6, "A range (a..b) only follows 'sent:'");
    fails("sent=2024-01-31T25:00:00Z", 5, "Invalid date");
  }

  @Test
  void sizes() {
    Compare gt = (Compare) parse("size>1000");
    assertThat(gt.property()).isEqualTo(SIZE);
    assertThat(gt.lower()).isEqualTo(1001);
    assertThat(((Compare) parse("size<=5000")).upper()).isEqualTo(5000);
    assertThat(((Compare) parse("size<5000")).upper()).isEqualTo(4999);
    Compare eq = (Compare) parse("size=1234");
    assertThat(eq.lower()).isEqualTo(1234);
    assertThat(eq.upper()).isEqualTo(1234);
    Range range = (Range) parse("size:1000..5000");
    assertThat(range.lower()).isEqualTo(1000);
    assertThat(range.upper()).isEqualTo(5000);
    assertThat(((Compare) parse("size>=2KB")).lower()).isEqualTo(2048);
    assertThat(((Compare) parse("size<1mb")).upper()).isEqualTo(1024 * 1024 - 1);
    Range kb = (Range) parse("size:1KB..2MB");
    assertThat(kb.lower()).isEqualTo(1024);
    assertThat(kb.upper()).isEqualTo(2 * 1024 * 1024);
    fails("size>big", 5, "Invalid size 'big'");
    fails("size>10TB", 5, "Invalid size");
    fails("size:5000..1000", 5, "ends before it starts");
    fails("size>99999999999999999999", 5, "too large");
  }

  @Test
  void comparisonsOnTextPropertiesAreErrors() {
    fails("subject>budget", 7, "Operator '>' is not allowed for subject:");
    fails("a from=alice", 6, "Operator '=' is not allowed for from:");
    fails("kind<=email", 4, "Operator '<=' is not allowed for kind:");
  }

  @Test
  void emptyPropertyValuesAreErrors() {
    fails("from:", 5, "Expected a value after 'from:'");
    fails("from: alice", 5, "Expected a value after 'from:'");
    fails("(subject:)", 9, "Expected a value after 'subject:'");
    fails("sent>=", 6, "Expected a value after 'sent>='");
    fails("from:()", 6, "Expected a term inside '()'");
    fails("from:\"\"", 5, "Empty phrase");
  }

  @Test
  void nestedRestrictionsAreErrors() {
    fails("from:(alice OR subject:x)", 15, "cannot be nested inside from:(...)");
  }

  @Test
  void danglingOperatorsAreErrors() {
    fails("budget AND", 10, "Expected a term after 'AND'");
    fails("budget OR", 9, "Expected a term after 'OR'");
    fails("OR budget", 0, "Expected a term but found 'OR'");
    fails("AND", 0, "Expected a term");
    fails("NOT", 3, "Expected a term after 'NOT'");
    fails("a OR OR b", 5, "Expected a term after 'OR'");
    fails("a AND OR b", 6, "Expected a term after 'AND'");
    fails("(a AND) b", 6, "Expected a term after 'AND'");
    fails("a -", 3, "Expected a term after '-'");
    fails("a - b", 3, "Expected a term after '-'");
    fails("+", 1, "Expected a term after '+'");
  }

  @Test
  void unbalancedParenthesesAndQuotesAreErrors() {
    fails("(budget OR report", 17, "Expected ')'");
    assertThatThrownBy(() -> parse("(budget OR report"))
        .hasMessage(
            "Expected ')' (to close '(' at position 0) but found the end of the query at position 17");
    fails("budget)", 6, "Unexpected ')'");
    fails("(a OR (b c)", 11, "Expected ')'");
    fails("()", 1, "Expected a term inside '()'");
    fails("a \"quarterly budget", 2, "Unclosed quote");
    fails("subject:\"q1", 8, "Unclosed quote");
    fails(")", 0, "Expected a term but found ')'");
  }
}
