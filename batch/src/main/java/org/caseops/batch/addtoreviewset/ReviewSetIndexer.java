package org.caseops.batch.addtoreviewset;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
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
import org.caseops.batch.Outcome;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * The end of the addToReviewSet use case, once the files are in the review set. Copies into the
 * review set's own index ({@link CaseopsPaths#reviewSetIndexDir}) the case-index documents of the
 * matching items the review set holds and its index lacks, in one {@link
 * IndexWriter#addIndexes(CodecReader...)} over the case index's segments with only those documents
 * live (memory: one bit per document). Then sums the operation up from the index and the catalog,
 * so the result holds however often the work was started: files the operation added, matching items
 * the review set held already, and matching items that could not be copied (their content can no
 * longer be read), which make the operation partially succeed.
 */
@Dependent
public class ReviewSetIndexer {
  private static final int BATCH = 1000;

  private final CaseOperationRepository operations;
  private final SearchRepository searches;
  private final ReviewSetRepository reviewSets;
  private final CustodianRepository custodians;
  private final ItemRepository catalog;

  @Inject
  public ReviewSetIndexer(
      CaseOperationRepository operations,
      SearchRepository searches,
      ReviewSetRepository reviewSets,
      CustodianRepository custodians,
      ItemRepository catalog) {
    this.operations = operations;
    this.searches = searches;
    this.reviewSets = reviewSets;
    this.custodians = custodians;
    this.catalog = catalog;
  }

  /** Matching items seen, and those of them the review set holds. */
  private static final class Tally {
    long matched;
    long held;
  }

  /**
   * Brings the review set's index up to date with the files the operation (an addToReviewSet
   * operation of the case) left in the review set, and sums the operation up.
   *
   * @return how the operation ends: succeeded, or partially succeeded when matching items could not
   *     be added
   * @throws IllegalArgumentException when the review set or search is gone, or the query cannot be
   *     run
   * @throws IOException when an index cannot be read or written
   */
  public Outcome index(String operationId, String caseId) throws IOException {
    ReviewSetTarget target =
        ReviewSetTarget.of(
            operations.find(operationId).orElseThrow(), searches, reviewSets, custodians);
    Tally tally = new Tally();
    Path folder = CaseopsPaths.reviewSetIndexDir(caseId, target.reviewSetId());
    Files.createDirectories(folder);
    Optional<DirectoryReader> caseIndex = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(folder), config)) {
      if (caseIndex.isPresent() && !target.scope().isEmpty()) {
        try (DirectoryReader reader = caseIndex.get();
            DirectoryReader copied = DirectoryReader.open(writer)) {
          copy(target, reader, copied, writer, tally);
        }
      }
      writer.commit();
    }
    if (target.unindexedToo()) {
      countUnindexed(target, tally);
    }
    long added = reviewSets.countAddedBy(target.reviewSetId(), operationId);
    long already = Math.max(0, tally.held - added);
    long unreadable = Math.max(0, tally.matched - tally.held);
    String message =
        String.format(
            "Added %d %s to the review set; %d %s already in it.",
            added, added == 1 ? "item" : "items", already, already == 1 ? "was" : "were");
    if (unreadable == 0) {
      return Outcome.succeeded(message);
    }
    return Outcome.partiallySucceeded(
        message
            + String.format(
                " %d matching %s could not be read from %s source and %s not added.",
                unreadable,
                unreadable == 1 ? "item" : "items",
                unreadable == 1 ? "its" : "their",
                unreadable == 1 ? "was" : "were"));
  }

  private void copy(
      ReviewSetTarget target,
      DirectoryReader reader,
      IndexReader copied,
      IndexWriter writer,
      Tally tally)
      throws IOException {
    List<FixedBitSet> hits =
        SearchQueries.hits(
            reader, SearchQueries.restrict(target.query(), IndexFields.SOURCE_ID, target.scope()));
    List<CodecReader> toCopy = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      FixedBitSet bits = hits.get(leaf.ord);
      keepHeldAndMissing(target, leaf, bits, copied, tally);
      if (bits.cardinality() > 0) {
        toCopy.add(new LiveSubset((CodecReader) leaf.reader(), bits));
      }
    }
    if (!toCopy.isEmpty()) {
      writer.addIndexes(toCopy.toArray(CodecReader[]::new));
    }
  }

  /**
   * Clears the bits of the documents whose item the review set does not hold, or whose copy is
   * indexed already.
   */
  private void keepHeldAndMissing(
      ReviewSetTarget target,
      LeafReaderContext leaf,
      FixedBitSet bits,
      IndexReader copied,
      Tally tally)
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
        tally.matched += docs.size();
        tally.held += present.size();
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
  private void countUnindexed(ReviewSetTarget target, Tally tally) {
    List<String> unindexed = catalog.unindexedIdsInSources(target.scope());
    for (int from = 0; from < unindexed.size(); from += BATCH) {
      List<String> part = unindexed.subList(from, Math.min(unindexed.size(), from + BATCH));
      tally.matched += part.size();
      tally.held += reviewSets.itemIdsPresent(target.reviewSetId(), part).size();
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
