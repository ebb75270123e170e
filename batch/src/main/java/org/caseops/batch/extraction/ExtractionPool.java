package org.caseops.batch.extraction;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs extractions ahead of the chunk's processor on other threads, so parsing uses every core while items are still
 * indexed and catalogued in order. In the server the tasks go to its default managed executor; outside it, to a small
 * pool of daemon threads owned by this bean. Extraction has no side effects, so work done ahead and then dropped (a
 * chunk that fails) costs nothing but time.
 */
@ApplicationScoped
public class ExtractionPool {
  private static final Logger LOG = Logger.getLogger(ExtractionPool.class.getName());
  private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

  @Inject TextExtractor extractor;

  private ExecutorService executor;
  private boolean owned;

  /** Starts extracting an item; see {@link TextExtractor#extract}. */
  public Future<Extraction> submit(byte[] content, String fileName, boolean message, int textLimit) {
    Callable<Extraction> task = () -> extractor.extract(content, fileName, message, textLimit);
    return executor().submit(task);
  }

  /** How many extractions to keep running ahead, when the job does not say. */
  public static int defaultParallelism() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private synchronized ExecutorService executor() {
    if (executor == null) {
      try {
        executor = (ExecutorService) new InitialContext().lookup(MANAGED_EXECUTOR);
      } catch (NamingException | RuntimeException e) {
        AtomicInteger count = new AtomicInteger();
        executor =
            Executors.newFixedThreadPool(
                defaultParallelism(),
                runnable -> {
                  Thread thread = new Thread(runnable, "caseops-extraction-" + count.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
        owned = true;
        LOG.fine("no managed executor; extracting on " + defaultParallelism() + " threads of our own");
      }
    }
    return executor;
  }

  @PreDestroy
  synchronized void shutdown() {
    if (owned && executor != null) {
      executor.shutdownNow();
    }
    executor = null;
  }
}
