package org.caseops.batch.fulltext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Helpers for running searches over an index: restricting a query to exact field values, collecting
 * its hits, opening a committed index.
 */
public final class SearchQueries {
  private SearchQueries() {}

  /**
   * The query restricted (as a filter, without scoring) to documents whose exact field holds one of
   * the values.
   */
  public static Query restrict(Query query, String field, Collection<String> values) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(anyOf(field, values), Occur.FILTER)
        .build();
  }

  /** Documents whose exact field holds one of the values. */
  public static Query anyOf(String field, Collection<String> values) {
    List<BytesRef> terms = new ArrayList<>(values.size());
    for (String value : values) {
      terms.add(new BytesRef(value));
    }
    return new TermInSetQuery(field, terms);
  }

  /**
   * The documents the query matches, one bit set per segment of the reader (in the order of its
   * leaves).
   */
  public static List<FixedBitSet> hits(IndexReader reader, Query query) throws IOException {
    List<FixedBitSet> hits = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      hits.add(new FixedBitSet(leaf.reader().maxDoc()));
    }
    new IndexSearcher(reader)
        .search(
            query,
            new SimpleCollector() {
              private FixedBitSet bits;

              @Override
              protected void doSetNextReader(LeafReaderContext context) {
                bits = hits.get(context.ord);
              }

              @Override
              public void collect(int doc) {
                bits.set(doc);
              }

              @Override
              public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
              }
            });
    return hits;
  }

  /**
   * A reader of the index last committed in the folder, or empty when the folder holds no index
   * yet.
   */
  public static Optional<DirectoryReader> open(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    FSDirectory directory = FSDirectory.open(folder);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      return Optional.empty();
    }
    return Optional.of(DirectoryReader.open(directory));
  }
}
