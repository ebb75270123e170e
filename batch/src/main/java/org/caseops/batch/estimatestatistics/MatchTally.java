package org.caseops.batch.estimatestatistics;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.caseops.batch.fulltext.IndexFields;

/**
 * Counts the matching documents (one per item) and sums their size doc values, without scoring: the
 * Lucene work of an estimate (the search benchmark runs it bare, beside the job).
 */
public final class MatchTally extends SimpleCollector {
  private NumericDocValues sizes;
  private long count;
  private long size;

  /** The documents collected so far. */
  public long count() {
    return count;
  }

  /** The sum of their sizes, in bytes. */
  public long size() {
    return size;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    sizes = context.reader().getNumericDocValues(IndexFields.SIZE);
  }

  @Override
  public void collect(int doc) throws IOException {
    count++;
    if (sizes != null && sizes.advanceExact(doc)) {
      size += sizes.longValue();
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }
}
