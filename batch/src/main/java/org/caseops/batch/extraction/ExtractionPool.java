package org.caseops.batch.extraction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.caseops.batch.concurrency.WorkExecutor;

/**
 * Runs extractions ahead of the chunk's processor on other threads, so parsing uses every core
 * while items are still indexed and catalogued in order. In the server the tasks go to its default
 * managed executor; outside it, to a small pool of daemon threads owned by this bean. Extraction
 * has no side effects, so work done ahead and then dropped (a chunk that fails) costs nothing but
 * time.
 */
@ApplicationScoped
public class ExtractionPool {
  @Inject TextExtractor extractor;

  private final WorkExecutor executor =
      new WorkExecutor("caseops-extraction", defaultParallelism());

  /** Starts extracting an item; see {@link TextExtractor#extract}. */
  public Future<Extraction> submit(
      byte[] content, String fileName, boolean message, int textLimit) {
    Callable<Extraction> task = () -> extractor.extract(content, fileName, message, textLimit);
    return executor.get().submit(task);
  }

  /** How many extractions to keep running ahead, when the job does not say. */
  public static int defaultParallelism() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  @PreDestroy
  void shutdown() {
    executor.shutdown();
  }
}
