package org.caseops.batch.holds;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.caseops.batch.fulltext.CaseIndexes;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.domain.items.ItemRepository;

/**
 * The items the catalog keeps from their preserved copies only ({@code preservedOnly}), once no
 * hold preserves them any more: their source no longer has them, so they leave the catalog and the
 * case's index before their copies are freed. Both ends of a hold's release (a custodian's {@code
 * holdUpdate}, a legal hold's {@code holdPolicySync}) use it; the releases a closing case starts
 * together may end at once, so one drop runs at a time.
 */
public final class KeptItems {
  private static final Object LOCK = new Object();

  private KeptItems() {}

  /** Takes out of the catalog and the index the unpreserved kept items of the sources. */
  public static void dropUnpreserved(
      String caseId, Collection<String> sourceIds, ItemRepository items, CaseIndexes indexes)
      throws IOException {
    synchronized (LOCK) {
      List<String> gone = items.unpreservedKeptIds(caseId, sourceIds);
      if (gone.isEmpty()) {
        return;
      }
      IndexWriter writer = indexes.writer(caseId);
      for (String id : gone) {
        writer.deleteDocuments(new Term(IndexFields.ID, id));
      }
      writer.commit();
      indexes.close(caseId);
      items.deleteAll(gone);
    }
  }
}
