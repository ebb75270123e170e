package org.caseops.batch.holds;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.persistence.storage.CaseopsPaths;

/** What a legal hold's contentQuery matches in the case's full-text index. */
public final class HoldQueries {
  private HoldQueries() {}

  /**
   * The ids of the indexed items of {@code sourceIds} that the KQL query matches, restricted to
   * {@code itemIds} unless that is null; none when the case has no index yet.
   *
   * @throws IllegalArgumentException when the query cannot be run
   */
  public static Set<String> matching(
      String caseId, String kql, Collection<String> sourceIds, Collection<String> itemIds)
      throws IOException {
    if (sourceIds.isEmpty() || (itemIds != null && itemIds.isEmpty())) {
      return Set.of();
    }
    Query query =
        SearchQueries.restrict(KqlTranslator.toLucene(kql, null), IndexFields.SOURCE_ID, sourceIds);
    if (itemIds != null) {
      query = SearchQueries.restrict(query, IndexFields.ID, itemIds);
    }
    Optional<DirectoryReader> opened = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    if (opened.isEmpty()) {
      return Set.of();
    }
    try (DirectoryReader index = opened.get()) {
      return new HashSet<>(ItemIds.matching(index, query));
    }
  }
}
