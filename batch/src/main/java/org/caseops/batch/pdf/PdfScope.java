package org.caseops.batch.pdf;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * The review-set files a convertToPdf operation covers, as ascending file ids: every file of its
 * review set, or, with a review-set query, the files the query matches in the review set's index
 * ({@code tag:name} as applyTags reads it).
 */
@Dependent
public class PdfScope {
  private static final int PAGE = 1000;

  private final ReviewSetRepository reviewSets;
  private final ReviewTagRepository tags;

  @Inject
  public PdfScope(ReviewSetRepository reviewSets, ReviewTagRepository tags) {
    this.reviewSets = reviewSets;
    this.tags = tags;
  }

  /**
   * The ids of the files in scope, ascending.
   *
   * @throws IllegalArgumentException when the review set or its query is gone, or the query cannot
   *     be run; the message says which
   * @throws IOException when the review set's index cannot be read
   */
  public List<String> fileIds(String caseId, OperationTarget target) throws IOException {
    String reviewSetId = target.getReviewSetId();
    if (reviewSetId == null || reviewSets.find(caseId, reviewSetId).isEmpty()) {
      throw new IllegalArgumentException(
          "The review set " + reviewSetId + " does not exist in the case.");
    }
    List<String> ids = new ArrayList<>();
    if (target.getQueryId() == null) {
      for (int offset = 0; ; offset += PAGE) {
        List<ReviewSetItem> page = reviewSets.listItems(reviewSetId, offset, PAGE);
        for (ReviewSetItem file : page) {
          ids.add(file.getId());
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    } else {
      ReviewSetQuery query =
          reviewSets
              .findQuery(caseId, reviewSetId, target.getQueryId())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "The review set query "
                              + target.getQueryId()
                              + " does not exist in the review set."));
      Query lucene;
      try {
        lucene =
            KqlTranslator.toLucene(
                query.getContentQuery(), name -> tagQuery(caseId, reviewSetId, name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "The review set query's contentQuery cannot be run: " + e.getMessage(), e);
      }
      List<String> itemIds = matchingItemIds(caseId, reviewSetId, lucene);
      for (int from = 0; from < itemIds.size(); from += PAGE) {
        List<String> part = itemIds.subList(from, Math.min(itemIds.size(), from + PAGE));
        for (String itemId : reviewSets.itemIdsPresent(reviewSetId, part)) {
          ids.add(ReviewSetItem.idFor(reviewSetId, itemId));
        }
      }
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  private Query tagQuery(String caseId, String reviewSetId, String name) {
    Optional<ReviewTag> tag = tags.findByName(caseId, name);
    if (tag.isEmpty()) {
      return new MatchNoDocsQuery("no tag named " + name);
    }
    Set<String> itemIds = tags.itemIdsWithTag(reviewSetId, tag.get().getId());
    return itemIds.isEmpty()
        ? new MatchNoDocsQuery("no file carries " + name)
        : SearchQueries.anyOf(IndexFields.ID, itemIds);
  }

  private static List<String> matchingItemIds(String caseId, String reviewSetId, Query query)
      throws IOException {
    Optional<DirectoryReader> index =
        SearchQueries.open(CaseopsPaths.reviewSetIndexDir(caseId, reviewSetId));
    if (index.isEmpty()) {
      return List.of();
    }
    try (DirectoryReader reader = index.get()) {
      return ItemIds.matching(reader, query).stream().distinct().toList();
    }
  }
}
