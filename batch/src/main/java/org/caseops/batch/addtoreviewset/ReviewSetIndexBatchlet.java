package org.caseops.batch.addtoreviewset;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Ends an addToReviewSet run. Copies into the review set's own index ({@link CaseopsPaths#reviewSetIndexDir}) the
 * case-index documents of the matching items the review set holds and its index lacks, in one {@link
 * IndexWriter#addIndexes(CodecReader...)} over the case index's segments with only those documents live (memory: one
 * bit per document). Then sums the run up from the index and the catalog, so the result holds across restarts: files
 * the operation added, matching items the review set held already, and matching items that could not be copied (their
 * content can no longer be read), which make the operation partially succeed.
 */
@Dependent
@Named
public class ReviewSetIndexBatchlet extends AbstractBatchlet {
  private static final int BATCH = 1000;

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject ReviewSetRepository reviewSets;
  @Inject CustodianRepository custodians;
  @Inject ItemRepository catalog;

  @Inject @BatchProperty String caseId;

  private long matched;
  private long held;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    ReviewSetTarget target =
        ReviewSetTarget.of(operations.find(run.operationId()).orElseThrow(), searches, reviewSets, custodians);
    Path folder = CaseopsPaths.reviewSetIndexDir(caseId, target.reviewSetId());
    Files.createDirectories(folder);
    Optional<DirectoryReader> caseIndex = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(folder), config)) {
      if (caseIndex.isPresent() && !target.scope().isEmpty()) {
        try (DirectoryReader reader = caseIndex.get();
            DirectoryReader copied = DirectoryReader.open(writer)) {
          copy(target, reader, copied, writer);
        }
      }
      writer.commit();
    }
    if (target.unindexedToo()) {
      countUnindexed(target);
    }
    long added = reviewSets.countAddedBy(target.reviewSetId(), run.operationId());
    long already = Math.max(0, held - added);
    long unreadable = Math.max(0, matched - held);
    String message =
        String.format(
            "Added %d %s to the review set; %d %s already in it.",
            added, added == 1 ? "item" : "items", already, already == 1 ? "was" : "were");
    if (unreadable > 0) {
      run.conclude(
          CaseOperationStatus.partiallySucceeded,
          new ResultInfo(
              207,
              0,
              message
                  + String.format(
                      " %d matching %s could not be read from %s source and %s not added.",
                      unreadable,
                      unreadable == 1 ? "item" : "items",
                      unreadable == 1 ? "its" : "their",
                      unreadable == 1 ? "was" : "were")));
    } else {
      run.conclude(CaseOperationStatus.succeeded, new ResultInfo(200, 0, message));
    }
    return "COMPLETED";
  }

  private void copy(ReviewSetTarget target, DirectoryReader reader, IndexReader copied, IndexWriter writer)
      throws IOException {
    List<FixedBitSet> hits =
        SearchQueries.hits(reader, SearchQueries.restrict(target.query(), IndexFields.SOURCE_ID, target.scope()));
    List<CodecReader> toCopy = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FixedBitSet bits = hits.get(leaf.ord);
      keepHeldAndMissing(target, leaf, bits, copied);
      if (bits.cardinality() > 0) {
        toCopy.add(new LiveSubset((CodecReader) leaf.reader(), bits));
      }
    }
    if (!toCopy.isEmpty()) {
      writer.addIndexes(toCopy.toArray(CodecReader[]::new));
    }
  }

  /** Clears the bits of the documents whose item the review set does not hold, or whose copy is indexed already. */
  private void keepHeldAndMissing(ReviewSetTarget target, LeafReaderContext leaf, FixedBitSet bits, IndexReader copied)
      throws IOException {
    ItemIds itemIds = ItemIds.of(leaf.reader());
    List<Integer> docs = new ArrayList<>(BATCH);
    List<String> ids = new ArrayList<>(BATCH);
    BitSetIterator it = new BitSetIterator(bits, 0);
    for (int doc = it.nextDoc(); ; doc = it.nextDoc()) {
      if (doc != DocIdSetIterator.NO_MORE_DOCS) {
        docs.add(doc);
        ids.add(itemIds.get(doc));
      }
      if (docs.size() == BATCH || (doc == DocIdSetIterator.NO_MORE_DOCS && !docs.isEmpty())) {
        Set<String> present = reviewSets.itemIdsPresent(target.reviewSetId(), ids);
        matched += docs.size();
        held += present.size();
        for (int i = 0; i < docs.size(); i++) {
          if (!present.contains(ids.get(i)) || indexed(copied, ids.get(i))) {
            bits.clear(docs.get(i));
          }
        }
        docs.clear();
        ids.clear();
      }
      if (doc == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
    }
  }

  private static boolean indexed(IndexReader copied, String id) throws IOException {
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : copied.leaves()) {
      Terms terms = leaf.reader().terms(IndexFields.ID);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        if (te.seekExact(term)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Counts the unindexed items in scope, and those of them the review set holds. */
  private void countUnindexed(ReviewSetTarget target) {
    List<String> unindexed = catalog.unindexedIdsInSources(target.scope());
    for (int from = 0; from < unindexed.size(); from += BATCH) {
      List<String> part = unindexed.subList(from, Math.min(unindexed.size(), from + BATCH));
      matched += part.size();
      held += reviewSets.itemIdsPresent(target.reviewSetId(), part).size();
    }
  }

  /** A segment of the case index in which only the chosen documents are live. */
  private static final class LiveSubset extends FilterCodecReader {
    private final Bits live;
    private final int numDocs;

    LiveSubset(CodecReader in, FixedBitSet live) {
      super(in);
      this.live = live;
      this.numDocs = live.cardinality();
    }

    @Override
    public Bits getLiveDocs() {
      return live;
    }

    @Override
    public int numDocs() {
      return numDocs;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
