package org.caseops.batch.fulltext;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.caseops.domain.kql.KqlParser;
import org.caseops.domain.kql.KqlProperty;
import org.caseops.domain.kql.KqlQuery;

/**
 * Turns KQL into a Lucene query on a case's index ({@link IndexFields}). Text is analyzed as the
 * index analyzed it; query text never goes through Lucene's query parser. Free words and phrases
 * search the content, subject, file name and participants; {@code body:} the content; an address
 * property ({@code from:}, {@code to:}, {@code cc:}, {@code bcc:}, {@code participants:}) matches a
 * whole address, local part or domain, or words of the display text; {@code sent:} and {@code
 * received:} both compare the one date an item has ({@link IndexFields#SENT}).
 */
public final class KqlTranslator {
  private static final Analyzer ANALYZER = IndexFields.analyzer();
  private static final List<String> FREE_TEXT =
      List.of(
          IndexFields.CONTENT, IndexFields.SUBJECT, IndexFields.FILENAME, IndexFields.PARTICIPANTS);

  /**
   * The most clauses a translated query may hold, all levels counted: each of the at most {@link
   * KqlParser#MAX_TERMS} terms a query has becomes at most four field clauses, and a negation one
   * more; Lucene's default (1,024) would fail a job over a query that was accepted when written.
   */
  static final int MAX_CLAUSES = 8 * KqlParser.MAX_TERMS + 64;

  static {
    if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
      IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }
  }

  private KqlTranslator() {}

  /**
   * The Lucene query of a KQL query string; {@code tag:} is accepted when {@code tagQuery} is
   * given.
   *
   * @throws org.caseops.domain.kql.KqlSyntaxException when the query is not valid KQL
   */
  public static Query toLucene(String kql, Function<String, Query> tagQuery) {
    return toLucene(KqlParser.parse(kql, tagQuery != null), tagQuery);
  }

  /**
   * The Lucene query of a parsed KQL query. {@code tagQuery} gives the query of the items carrying
   * a tag name; without it (null) a tag in the query is an {@link IllegalArgumentException}.
   */
  public static Query toLucene(KqlQuery query, Function<String, Query> tagQuery) {
    if (query instanceof KqlQuery.MatchAll) {
      return new MatchAllDocsQuery();
    } else if (query instanceof KqlQuery.Term term) {
      return term.property() == null
          ? anyField(FREE_TEXT, term.text(), term.prefix())
          : restriction(term.property(), term.text(), term.prefix(), false);
    } else if (query instanceof KqlQuery.Phrase phrase) {
      return phrase.property() == null
          ? anyField(FREE_TEXT, phrase.text(), false)
          : restriction(phrase.property(), phrase.text(), false, true);
    } else if (query instanceof KqlQuery.Compare compare) {
      return range(compare.property(), compare.lower(), compare.upper());
    } else if (query instanceof KqlQuery.Range range) {
      return range(range.property(), range.lower(), range.upper());
    } else if (query instanceof KqlQuery.Tag tag) {
      if (tagQuery == null) {
        throw new IllegalArgumentException("tag: is only allowed in review-set queries");
      }
      return tagQuery.apply(tag.name());
    } else if (query instanceof KqlQuery.And and) {
      return and(and.clauses(), tagQuery);
    } else if (query instanceof KqlQuery.Or or) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      or.clauses().forEach(c -> any.add(toLucene(c, tagQuery), Occur.SHOULD));
      return any.build();
    } else if (query instanceof KqlQuery.Not not) {
      return and(List.of(not), tagQuery);
    }
    throw new IllegalStateException("unknown KQL node " + query);
  }

  private static Query and(List<KqlQuery> clauses, Function<String, Query> tagQuery) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean positive = false;
    for (KqlQuery clause : clauses) {
      if (clause instanceof KqlQuery.Not not) {
        all.add(toLucene(not.child(), tagQuery), Occur.MUST_NOT);
      } else {
        all.add(toLucene(clause, tagQuery), Occur.MUST);
        positive = true;
      }
    }
    if (!positive) {
      all.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    return all.build();
  }

  private static Query restriction(
      KqlProperty property, String text, boolean prefix, boolean phrase) {
    return switch (property) {
      case BODY -> words(IndexFields.CONTENT, text, prefix);
      case SUBJECT -> words(IndexFields.SUBJECT, text, prefix);
      case FILENAME -> words(IndexFields.FILENAME, text, prefix);
      case FROM -> address(IndexFields.FROM, IndexFields.FROM_ADDRESS, text, prefix);
      case TO -> address(IndexFields.TO, IndexFields.TO_ADDRESS, text, prefix);
      case CC -> address(IndexFields.CC, IndexFields.CC_ADDRESS, text, prefix);
      case BCC -> address(IndexFields.BCC, IndexFields.BCC_ADDRESS, text, prefix);
      case PARTICIPANTS ->
          address(IndexFields.PARTICIPANTS, IndexFields.PARTICIPANTS_ADDRESS, text, prefix);
      case FILETYPE -> exact(IndexFields.FILETYPE, fileType(text), prefix);
      case KIND -> exact(IndexFields.KIND, text.toLowerCase(Locale.ROOT), false);
      default ->
          throw new IllegalArgumentException(property.keyword() + ": takes no word or phrase");
    };
  }

  private static Query address(
      String displayField, String addressField, String text, boolean prefix) {
    Query display = words(displayField, text, prefix);
    if (text.chars().anyMatch(Character::isWhitespace)) {
      return display;
    }
    Query address = exact(addressField, text.toLowerCase(Locale.ROOT), prefix);
    return new BooleanQuery.Builder().add(address, Occur.SHOULD).add(display, Occur.SHOULD).build();
  }

  private static String fileType(String text) {
    String type = text.trim().toLowerCase(Locale.ROOT);
    return type.startsWith(".") ? type.substring(1) : type;
  }

  private static Query exact(String field, String value, boolean prefix) {
    Term term = new Term(field, value);
    return prefix ? new PrefixQuery(term) : new TermQuery(term);
  }

  private static Query anyField(List<String> fields, String text, boolean prefix) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    fields.forEach(field -> any.add(words(field, text, prefix), Occur.SHOULD));
    return any.build();
  }

  /**
   * The words of the text in this order in an analyzed field, or the prefix (normalized as the
   * index was).
   */
  private static Query words(String field, String text, boolean prefix) {
    if (prefix) {
      return new PrefixQuery(new Term(field, ANALYZER.normalize(field, text)));
    }
    Query phrase = new QueryBuilder(ANALYZER).createPhraseQuery(field, text);
    return phrase == null ? new MatchNoDocsQuery("no words in '" + text + "'") : phrase;
  }

  private static Query range(KqlProperty property, long lower, long upper) {
    String field =
        switch (property) {
          case SENT, RECEIVED -> IndexFields.SENT;
          case SIZE -> IndexFields.SIZE;
          default ->
              throw new IllegalArgumentException(property.keyword() + ": cannot be compared");
        };
    return lower > upper
        ? new MatchNoDocsQuery("empty range")
        : LongPoint.newRangeQuery(field, lower, upper);
  }
}
