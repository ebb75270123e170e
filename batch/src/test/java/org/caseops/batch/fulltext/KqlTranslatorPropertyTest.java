package org.caseops.batch.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.caseops.domain.kql.KqlParser;
import org.caseops.domain.kql.KqlSyntaxException;
import org.caseops.domain.searches.EdiscoverySearch;

/**
 * Every query the parser accepts, up to the longest a search may hold, translates to a Lucene query
 * that an index can run, restricted to sources as the jobs restrict it: no query accepted when it
 * is written fails when a job runs it.
 */
class KqlTranslatorPropertyTest {
  private static final Function<String, Query> TAGS = name -> new TermQuery(new Term("tag", name));
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;

  @BeforeContainer
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
      Document doc = new Document();
      doc.add(new TextField(IndexFields.CONTENT, "the budget walrus", Field.Store.NO));
      writer.addDocument(doc);
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterContainer
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  /** Runs an accepted query as a job would; a refused one is fine. */
  private static void runsIfAccepted(String kql, boolean review) throws IOException {
    Query query;
    try {
      query = KqlTranslator.toLucene(kql, review ? TAGS : null);
    } catch (KqlSyntaxException e) {
      return;
    }
    Query restricted =
        SearchQueries.restrict(query, IndexFields.SOURCE_ID, List.of("source-1", "source-2"));
    assertThat(new IndexSearcher(reader).count(restricted)).isBetween(0, 1);
  }

  @Property(tries = 300)
  void everyAcceptedQueryRuns(@ForAll("queries") String kql, @ForAll boolean review)
      throws IOException {
    runsIfAccepted(kql, review);
  }

  @Example
  void theLongestQueriesOfManyTermsRunOrAreRefusedWhenWritten() throws IOException {
    int max = EdiscoverySearch.MAX_QUERY;
    for (String term :
        List.of(
            "a",
            "ab",
            "budget",
            "from:a",
            "to:a@b.c",
            "participants:x",
            "\"a b\"",
            "subject:\"a b\"",
            "kind:email",
            "sent>2024-01-01",
            "size:1..2",
            "tag:t",
            "abc*",
            "filetype:pdf",
            "NOT a",
            "-a",
            "+a",
            "x".repeat(KqlParser.MAX_PREFIX) + "*",
            "from:" + "\uD83D\uDE00".repeat(KqlParser.MAX_PREFIX) + "*",
            "filetype:" + "\u00e9".repeat(KqlParser.MAX_PREFIX) + "*",
            "a".repeat(7000) + "*")) {
      for (String separator : List.of(" ", " OR ", " AND ")) {
        int count = (max + separator.length()) / (term.length() + separator.length());
        String kql = String.join(separator, Collections.nCopies(count, term));
        assertThat(kql.length()).isLessThanOrEqualTo(max);
        runsIfAccepted(kql, true);
      }
    }
  }

  @Example
  void aQueryOfTooManyTermsIsRefusedWhenWritten() {
    String kql = String.join(" OR ", Collections.nCopies(KqlParser.MAX_TERMS + 1, "a"));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> KqlParser.parse(kql, false)))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessageContaining("more than " + KqlParser.MAX_TERMS + " terms");
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> leaf =
        Arbitraries.of(
            "budget",
            "walrus",
            "a",
            "x-y",
            "\"the budget\"",
            "from:ann",
            "to:a@b.c",
            "cc:\"Ann Lee\"",
            "bcc:x*",
            "participants:corp.test",
            "subject:budget",
            "body:walrus",
            "filename:report",
            "filetype:pdf",
            "filetype:.docx",
            "kind:email",
            "kind:docs",
            "sent>=2024-01-01",
            "received<2024-01-31T10:00:00Z",
            "size>1KB",
            "size:1..2MB",
            "sent:2024-01-01..2024-12-31",
            "tag:Responsive",
            "tag:\"Very hot\"",
            "bud*",
            "\u00e9t\u00e9",
            "\u4e2d\u6587",
            "'",
            "a'b");
    Arbitrary<String> joiner = Arbitraries.of(" ", " AND ", " OR ", " NOT ", " -", " +");
    return Arbitraries.lazy(
        () ->
            Arbitraries.integers()
                .between(1, 900)
                .flatMap(
                    n ->
                        Arbitraries.oneOf(leaf, leaf.map(l -> "(" + l + " OR " + l + ")"))
                            .list()
                            .ofSize(n)
                            .flatMap(
                                leaves ->
                                    joiner
                                        .list()
                                        .ofSize(n)
                                        .map(
                                            joins -> {
                                              StringBuilder kql = new StringBuilder();
                                              for (int i = 0; i < n; i++) {
                                                if (i > 0) {
                                                  kql.append(joins.get(i));
                                                }
                                                kql.append(leaves.get(i));
                                              }
                                              return kql.length() > EdiscoverySearch.MAX_QUERY
                                                  ? kql.substring(0, EdiscoverySearch.MAX_QUERY)
                                                  : kql.toString();
                                            }))));
  }
}
