package org.caseops.batch.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ItemIdsTest {
  private static Document doc(String id, boolean docValues) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.ID, id, Field.Store.YES));
    if (docValues) {
      doc.add(new BinaryDocValuesField(IndexFields.ID_VALUE, new BytesRef(id)));
    }
    return doc;
  }

  @Test
  void readsIdsFromDocValuesAndFromTheStoredFieldOfOlderDocuments() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
        // An older segment without doc values, then a segment mixing both.
        writer.addDocument(doc("old-1", false));
        writer.addDocument(doc("old-2", false));
        writer.commit();
        writer.addDocument(doc("new-1", true));
        writer.addDocument(doc("old-3", false));
        writer.addDocument(doc("new-2", true));
        writer.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSize(2);
        List<String> forwards = new ArrayList<>();
        for (LeafReaderContext leaf : reader.leaves()) {
          ItemIds ids = ItemIds.of(leaf.reader());
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            forwards.add(ids.get(doc));
          }
        }
        assertThat(forwards).containsExactly("old-1", "old-2", "new-1", "old-3", "new-2");

        ItemIds mixed = ItemIds.of(reader.leaves().get(1).reader());
        assertThat(mixed.get(2)).isEqualTo("new-2");
        assertThat(mixed.get(0)).isEqualTo("new-1");
        assertThat(mixed.get(1)).isEqualTo("old-3");

        assertThat(ItemIds.matching(reader, new MatchAllDocsQuery()))
            .containsExactly("old-1", "old-2", "new-1", "old-3", "new-2");
        assertThat(
                ItemIds.matching(
                    reader, SearchQueries.anyOf(IndexFields.ID, List.of("new-2", "old-2"))))
            .containsExactly("old-2", "new-2");
      }
    }
  }
}
