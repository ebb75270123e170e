package org.caseops.batch.applytags;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.KqlTranslator;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.reviewsets.TagChange;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Runs the operation's review-set query over the review set's index ({@code tag:name} matching the files that carry
 * the case's tag of that name when the job starts, nothing for an unknown name) and applies the tags to add and remove
 * to every matching file with the {@link TagChange} rule, {@code batchSize} files per transaction. The tags are
 * checked before anything changes: a tag that no longer exists ends the operation failed, saying which. Applying the
 * same tags again changes nothing, so a run that stopped halfway is simply run again.
 */
@Dependent
@Named
public class ApplyTagsBatchlet extends AbstractBatchlet {
  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject ReviewSetRepository reviewSets;
  @Inject ReviewTagRepository tags;

  @Inject @BatchProperty String caseId;
  @Inject @BatchProperty String batchSize;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    CaseOperation operation = operations.find(run.operationId()).orElseThrow();
    OperationTarget target = operation.getTarget();
    String reviewSetId = target.getReviewSetId();
    if (reviewSetId == null || reviewSets.find(caseId, reviewSetId).isEmpty()) {
      return fail(run, 404, "The review set " + reviewSetId + " does not exist in the case.");
    }
    Optional<ReviewSetQuery> query =
        target.getQueryId() == null
            ? Optional.empty()
            : reviewSets.findQuery(caseId, reviewSetId, target.getQueryId());
    if (query.isEmpty()) {
      return fail(run, 404, "The review set query " + target.getQueryId() + " does not exist in the review set.");
    }
    TagChange change;
    try {
      change = TagChange.of(target.getTagsToAdd(), target.getTagsToRemove(), tags.listAll(caseId));
    } catch (IllegalArgumentException e) {
      return fail(run, 400, e.getMessage());
    }
    Function<String, Query> tagQuery =
        name -> {
          Optional<ReviewTag> tag = tags.findByName(caseId, name);
          if (tag.isEmpty()) {
            return new MatchNoDocsQuery("no tag named " + name);
          }
          Set<String> itemIds = tags.itemIdsWithTag(reviewSetId, tag.get().getId());
          return itemIds.isEmpty()
              ? new MatchNoDocsQuery("no file carries " + name)
              : SearchQueries.anyOf(IndexFields.ID, itemIds);
        };
    Query lucene;
    try {
      lucene = KqlTranslator.toLucene(query.get().getContentQuery(), tagQuery);
    } catch (IllegalArgumentException e) {
      return fail(run, 400, "The review set query's contentQuery cannot be run: " + e.getMessage());
    }
    List<String> matching = matchingItemIds(reviewSetId, lucene);
    run.totalWork(matching.size());
    int batch = batchSize == null || batchSize.isBlank() ? 1000 : Integer.parseInt(batchSize.trim());
    long files = 0;
    long changed = 0;
    for (int from = 0; from < matching.size(); from += batch) {
      List<String> itemIds = matching.subList(from, Math.min(matching.size(), from + batch));
      Set<String> held = reviewSets.itemIdsPresent(reviewSetId, itemIds);
      List<String> fileIds = new ArrayList<>(held.size());
      for (String itemId : itemIds) {
        if (held.contains(itemId)) {
          fileIds.add(ReviewSetItem.idFor(reviewSetId, itemId));
        }
      }
      Map<String, Set<String>> current = tags.tagsOf(fileIds);
      Map<String, Set<String>> add = new HashMap<>();
      Map<String, Set<String>> remove = new HashMap<>();
      for (String fileId : fileIds) {
        Set<String> before = current.getOrDefault(fileId, Set.of());
        Set<String> after = change.applyTo(before);
        Set<String> on = new HashSet<>(after);
        on.removeAll(before);
        Set<String> off = new HashSet<>(before);
        off.removeAll(after);
        if (!on.isEmpty()) {
          add.put(fileId, on);
        }
        if (!off.isEmpty()) {
          remove.put(fileId, off);
        }
        if (!on.isEmpty() || !off.isEmpty()) {
          changed++;
        }
      }
      if (!add.isEmpty() || !remove.isEmpty()) {
        tags.retag(reviewSetId, add, remove);
      }
      files += fileIds.size();
      run.doneWork(from + itemIds.size());
      int percent = run.percentDone();
      if (percent >= 0) {
        operations.raiseProgress(run.operationId(), percent);
      }
    }
    run.conclude(
        CaseOperationStatus.succeeded,
        new ResultInfo(
            200,
            0,
            String.format(
                "The query matched %d %s; the tags changed on %d of them.",
                files, files == 1 ? "file" : "files", changed)));
    return "COMPLETED";
  }

  private static String fail(OperationRun run, int code, String message) {
    run.conclude(CaseOperationStatus.failed, new ResultInfo(code, 0, message));
    return "FAILED";
  }

  /** The catalogued item ids of the documents in the review set's index that the query matches. */
  private List<String> matchingItemIds(String reviewSetId, Query query) throws Exception {
    Optional<DirectoryReader> index = SearchQueries.open(CaseopsPaths.reviewSetIndexDir(caseId, reviewSetId));
    if (index.isEmpty()) {
      return List.of();
    }
    try (DirectoryReader reader = index.get()) {
      return ItemIds.matching(reader, query);
    }
  }
}
