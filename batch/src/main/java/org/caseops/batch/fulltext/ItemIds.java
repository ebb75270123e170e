package org.caseops.batch.fulltext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The item ids of one segment's documents: from their {@link IndexFields#ID_VALUE} doc values, a
 * cheap read, or, for documents written before those existed, from their stored {@link
 * IndexFields#ID}, which decodes a compressed block of stored fields. Ask for documents in
 * increasing order where possible: doc values are read forwards, and going back starts them again.
 */
public final class ItemIds {
  private final LeafReader reader;
  private BinaryDocValues values;
  private StoredFields stored;

  private ItemIds(LeafReader reader, BinaryDocValues values) {
    this.reader = reader;
    this.values = values;
  }

  /** The item ids of the documents the query matches, in document order. */
  public static List<String> matching(IndexReader reader, Query query) throws IOException {
    List<FixedBitSet> hits = SearchQueries.hits(reader, query);
    List<String> found = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      ItemIds ids = of(leaf.reader());
      BitSetIterator it = new BitSetIterator(hits.get(leaf.ord), 0);
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        String id = ids.get(doc);
        if (id != null) {
          found.add(id);
        }
      }
    }
    return found;
  }

  public static ItemIds of(LeafReader reader) throws IOException {
    return new ItemIds(reader, reader.getBinaryDocValues(IndexFields.ID_VALUE));
  }

  /** The item id of the document, or {@code null} when it has none. */
  public String get(int doc) throws IOException {
    if (values != null) {
      if (doc < values.docID()) {
        values = reader.getBinaryDocValues(IndexFields.ID_VALUE);
      }
      if (values.advanceExact(doc)) {
        return values.binaryValue().utf8ToString();
      }
    }
    if (stored == null) {
      stored = reader.storedFields();
    }
    return stored.document(doc, Set.of(IndexFields.ID)).get(IndexFields.ID);
  }
}
