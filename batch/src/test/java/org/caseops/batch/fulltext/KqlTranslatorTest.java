package org.caseops.batch.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.caseops.batch.extraction.Extraction;
import org.caseops.domain.items.Item;
import org.caseops.domain.kql.KqlQuery;
import org.caseops.domain.kql.KqlSyntaxException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which items of a small index each KQL query finds; items are named by their location. */
class KqlTranslatorTest {
  private static final String SOURCE = "source-1";
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
      writer.addDocument(
          mail(
              "m1",
              1000,
              "\"Ann Lee\" <ann.lee@mail.example.com>",
              "bob@example.org",
              null,
              "\"Carol\" <carol@corp.test>",
              "Q1 budget review",
              "The walrus counts the budget numbers",
              "2024-01-31T00:00:00Z"));
      writer.addDocument(
          mail(
              "m2",
              5000,
              "bob@example.org",
              "Ann Lee <ann.lee@mail.example.com>, dave@other.net",
              "erin@example.com",
              null,
              "Re: budgeting",
              "quarterly report attached",
              "2024-01-31T23:59:59.999Z"));
      writer.addDocument(
          mail(
              "m3",
              5001,
              "\"Frank Report\" <frank@example.com>",
              "bob@example.org",
              null,
              null,
              "Lunch",
              "report the walrus sighting",
              "2024-02-01T00:00:00Z"));
      writer.addDocument(
          doc(
              "d1",
              999,
              "Budget 2024.pdf",
              "pdf",
              "Annual plan",
              "budget report for the annual plan"));
      writer.addDocument(doc("d2", 1024 * 1024, "notes.docx", "docx", null, "report budget draft"));
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static org.apache.lucene.document.Document mail(
      String name,
      long size,
      String from,
      String to,
      String cc,
      String bcc,
      String subject,
      String text,
      String sent) {
    Item item =
        Item.catalogued("case-1", SOURCE, name, size, "0".repeat(64), "op-1", Instant.EPOCH);
    Extraction extraction =
        new Extraction(
            true,
            null,
            "message/rfc822",
            text,
            false,
            null,
            subject,
            from,
            to,
            cc,
            bcc,
            Instant.parse(sent),
            "<" + name + "@example.org>",
            0);
    return IndexFields.document(item, true, name + ".eml", "eml", extraction);
  }

  private static org.apache.lucene.document.Document doc(
      String name, long size, String fileName, String fileType, String title, String text) {
    Item item =
        Item.catalogued("case-1", SOURCE, name, size, "0".repeat(64), "op-1", Instant.EPOCH);
    Extraction extraction =
        new Extraction(
            true,
            null,
            "application/pdf",
            text,
            false,
            title,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    return IndexFields.document(item, false, fileName, fileType, extraction);
  }

  private static Set<String> hits(Query query) throws IOException {
    Set<String> names = new HashSet<>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      names.add(searcher.storedFields().document(hit.doc).get(IndexFields.LOCATION));
    }
    return names;
  }

  private static Set<String> hits(String kql) throws IOException {
    return hits(KqlTranslator.toLucene(kql, null));
  }

  @Test
  void anEmptyQueryFindsEverything() throws IOException {
    assertThat(hits("")).containsExactlyInAnyOrder("m1", "m2", "m3", "d1", "d2");
  }

  @Test
  void freeWordsSearchContentSubjectFileNameAndParticipants() throws IOException {
    assertThat(hits("walrus")).containsExactlyInAnyOrder("m1", "m3");
    assertThat(hits("WALRUS")).containsExactlyInAnyOrder("m1", "m3");
    assertThat(hits("lunch")).containsExactlyInAnyOrder("m3");
    assertThat(hits("notes")).containsExactlyInAnyOrder("d2");
    assertThat(hits("carol")).containsExactlyInAnyOrder("m1");
    assertThat(hits("annual")).containsExactlyInAnyOrder("d1");
    assertThat(hits("!!!")).isEmpty();
  }

  @Test
  void aPhraseNeedsItsWordsInOrderWhileWordsNeedOnlyBeThere() throws IOException {
    assertThat(hits("\"budget report\"")).containsExactlyInAnyOrder("d1");
    assertThat(hits("budget report")).containsExactlyInAnyOrder("d1", "d2");
    assertThat(hits("budget OR report")).containsExactlyInAnyOrder("m1", "m2", "m3", "d1", "d2");
  }

  @Test
  void textProperties() throws IOException {
    assertThat(hits("subject:budget")).containsExactlyInAnyOrder("m1");
    assertThat(hits("subject:\"budget review\"")).containsExactlyInAnyOrder("m1");
    assertThat(hits("subject:walrus")).isEmpty();
    assertThat(hits("body:report")).containsExactlyInAnyOrder("m2", "m3", "d1", "d2");
    assertThat(hits("body:lunch")).isEmpty();
    assertThat(hits("filename:budget")).containsExactlyInAnyOrder("d1");
    assertThat(hits("filename:(notes OR m3)")).containsExactlyInAnyOrder("d2", "m3");
  }

  @Test
  void fileTypeAndKind() throws IOException {
    assertThat(hits("filetype:pdf")).containsExactlyInAnyOrder("d1");
    assertThat(hits("filetype:.PDF")).containsExactlyInAnyOrder("d1");
    assertThat(hits("filetype:eml")).containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(hits("filetype:doc*")).containsExactlyInAnyOrder("d2");
    assertThat(hits("kind:email")).containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(hits("kind:Docs")).containsExactlyInAnyOrder("d1", "d2");
  }

  @Test
  void anAddressMatchesWholeLocalPartDomainOrParentDomain() throws IOException {
    assertThat(hits("from:ann.lee@mail.example.com")).containsExactlyInAnyOrder("m1");
    assertThat(hits("from:ANN.LEE@Mail.Example.COM")).containsExactlyInAnyOrder("m1");
    assertThat(hits("from:ann.lee")).containsExactlyInAnyOrder("m1");
    assertThat(hits("from:mail.example.com")).containsExactlyInAnyOrder("m1");
    assertThat(hits("from:example.com")).containsExactlyInAnyOrder("m1", "m3");
    assertThat(hits("from:example.org")).containsExactlyInAnyOrder("m2");
    assertThat(hits("from:com")).isEmpty();
    assertThat(hits("from:ann@example.com")).isEmpty();
    assertThat(hits("to:ann.lee")).containsExactlyInAnyOrder("m2");
    assertThat(hits("to:other.net")).containsExactlyInAnyOrder("m2");
    assertThat(hits("to:bob@example.org")).containsExactlyInAnyOrder("m1", "m3");
    assertThat(hits("cc:erin@example.com")).containsExactlyInAnyOrder("m2");
    assertThat(hits("cc:example.com")).containsExactlyInAnyOrder("m2");
    assertThat(hits("bcc:carol")).containsExactlyInAnyOrder("m1");
    assertThat(hits("bcc:corp.test")).containsExactlyInAnyOrder("m1");
    assertThat(hits("bcc:test")).isEmpty();
    assertThat(hits("participants:example.com")).containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(hits("participants:corp.test")).containsExactlyInAnyOrder("m1");
    assertThat(hits("participants:dave")).containsExactlyInAnyOrder("m2");
  }

  @Test
  void anAddressPropertyAlsoMatchesWordsOfTheDisplayName() throws IOException {
    assertThat(hits("from:\"Ann Lee\"")).containsExactlyInAnyOrder("m1");
    assertThat(hits("from:\"Lee Ann\"")).isEmpty();
    assertThat(hits("from:report")).containsExactlyInAnyOrder("m3");
    assertThat(hits("to:\"ann lee\"")).containsExactlyInAnyOrder("m2");
    assertThat(hits("from:fra*")).containsExactlyInAnyOrder("m3");
    assertThat(hits("from:(ann.lee OR bob)")).containsExactlyInAnyOrder("m1", "m2");
  }

  @Test
  void aDayCoversItsWholeUtcDay() throws IOException {
    assertThat(hits("sent=2024-01-31")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("sent:2024-01-31")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("sent>2024-01-31")).containsExactlyInAnyOrder("m3");
    assertThat(hits("sent>=2024-02-01")).containsExactlyInAnyOrder("m3");
    assertThat(hits("sent<2024-01-31")).isEmpty();
    assertThat(hits("sent<2024-02-01")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("sent<=2024-01-31")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("sent=2024-01-31T23:59:59.999Z")).containsExactlyInAnyOrder("m2");
    assertThat(hits("sent>2024-01-31T00:00:00Z")).containsExactlyInAnyOrder("m2", "m3");
  }

  @Test
  void dateRangesIncludeBothDaysAndReceivedIsTheSameDate() throws IOException {
    assertThat(hits("sent:2024-01-30..2024-01-31")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("sent:2024-01-31..2024-02-01")).containsExactlyInAnyOrder("m1", "m2", "m3");
    assertThat(hits("received:2024-02-01..2024-02-01")).containsExactlyInAnyOrder("m3");
    assertThat(hits("received=2024-01-31")).containsExactlyInAnyOrder("m1", "m2");
  }

  @Test
  void sizes() throws IOException {
    assertThat(hits("size>1000")).containsExactlyInAnyOrder("m2", "m3", "d2");
    assertThat(hits("size<=1000")).containsExactlyInAnyOrder("m1", "d1");
    assertThat(hits("size<1000")).containsExactlyInAnyOrder("d1");
    assertThat(hits("size:1000..5000")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("size=5001")).containsExactlyInAnyOrder("m3");
    assertThat(hits("size>=1MB")).containsExactlyInAnyOrder("d2");
    assertThat(hits("size<1KB")).containsExactlyInAnyOrder("m1", "d1");
  }

  @Test
  void prefixes() throws IOException {
    assertThat(hits("budg*")).containsExactlyInAnyOrder("m1", "m2", "d1", "d2");
    assertThat(hits("BUDG*")).containsExactlyInAnyOrder("m1", "m2", "d1", "d2");
    assertThat(hits("subject:budg*")).containsExactlyInAnyOrder("m1", "m2");
    assertThat(hits("budget")).containsExactlyInAnyOrder("m1", "d1", "d2");
  }

  @Test
  void negation() throws IOException {
    assertThat(hits("NOT walrus")).containsExactlyInAnyOrder("m2", "d1", "d2");
    assertThat(hits("-kind:email")).containsExactlyInAnyOrder("d1", "d2");
    assertThat(hits("budget -kind:docs")).containsExactlyInAnyOrder("m1");
    assertThat(hits("-walrus -kind:docs")).containsExactlyInAnyOrder("m2");
    assertThat(hits("lunch OR -kind:email")).containsExactlyInAnyOrder("m3", "d1", "d2");
    assertThat(hits("NOT NOT walrus")).containsExactlyInAnyOrder("m1", "m3");
  }

  @Test
  void precedence() throws IOException {
    assertThat(hits("kind:docs OR walrus AND lunch")).containsExactlyInAnyOrder("d1", "d2", "m3");
    assertThat(hits("(kind:docs OR walrus) AND lunch")).containsExactlyInAnyOrder("m3");
    assertThat(hits("NOT walrus AND kind:email")).containsExactlyInAnyOrder("m2");
    assertThat(hits("NOT (walrus AND kind:email) AND kind:email")).containsExactlyInAnyOrder("m2");
    assertThat(hits("walrus lunch OR notes")).containsExactlyInAnyOrder("m3", "d2");
  }

  @Test
  void tagsUseTheSuppliedQuery() throws IOException {
    Function<String, Query> tags =
        name ->
            name.equals("Hot")
                ? new TermQuery(new Term(IndexFields.ID, Item.idFor(SOURCE, "d1")))
                : new MatchNoDocsQuery();
    assertThat(hits(KqlTranslator.toLucene("tag:Hot", tags))).containsExactlyInAnyOrder("d1");
    assertThat(hits(KqlTranslator.toLucene("tag:Hot OR lunch", tags)))
        .containsExactlyInAnyOrder("d1", "m3");
    assertThat(hits(KqlTranslator.toLucene("budget -tag:Hot", tags)))
        .containsExactlyInAnyOrder("m1", "d2");
    assertThat(hits(KqlTranslator.toLucene("tag:Cold", tags))).isEmpty();
    assertThatThrownBy(() -> KqlTranslator.toLucene("tag:Hot", null))
        .isInstanceOf(KqlSyntaxException.class)
        .hasMessageContaining("review-set");
    assertThatThrownBy(() -> KqlTranslator.toLucene(new KqlQuery.Tag("Hot"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(KqlSyntaxException.class);
  }

  @Test
  void queryTextIsNeverLuceneSyntax() throws IOException {
    assertThat(hits("\"content:walrus\"")).isEmpty();
    assertThat(hits("\"walrus~ title:[a TO z]\"")).isEmpty();
    assertThatThrownBy(() -> hits("content:walrus")).isInstanceOf(KqlSyntaxException.class);
  }
}
