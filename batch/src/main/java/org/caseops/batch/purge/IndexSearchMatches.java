package org.caseops.batch.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchMatches;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.searches.SearchScope;
import org.caseops.domain.support.ResourceNotFoundException;
import org.caseops.persistence.storage.CaseopsPaths;

/** {@link SearchMatches} on the case's committed Lucene index, as the purge reader runs it. */
@ApplicationScoped
public class IndexSearchMatches implements SearchMatches {
  @Inject SearchRepository searches;
  @Inject CustodianRepository custodians;

  @Override
  public long count(String caseId, String searchId) {
    EdiscoverySearch search =
        searches
            .find(caseId, searchId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException("The search '" + searchId + "' does not exist."));
    Set<String> scope =
        SearchScope.sourceIds(
            search, custodians.listSourcesOfCase(caseId), custodians.releasedCustodianIds(caseId));
    if (scope.isEmpty()) {
      return 0;
    }
    try {
      Optional<DirectoryReader> opened = SearchQueries.open(CaseopsPaths.indexDir(caseId));
      if (opened.isEmpty()) {
        return 0;
      }
      try (DirectoryReader index = opened.get()) {
        return ItemIds.matching(
                index,
                SearchQueries.restrict(
                    KqlTranslator.toLucene(search.getContentQuery(), null),
                    IndexFields.SOURCE_ID,
                    scope))
            .stream()
            .distinct()
            .count();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the case's index cannot be read", e);
    }
  }
}
