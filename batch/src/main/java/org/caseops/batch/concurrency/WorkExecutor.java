package org.caseops.batch.concurrency;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where a job's helper tasks run: in the server, its default managed executor (looked up on first
 * use); outside it, a fixed pool of daemon threads of our own, named after the work, which {@link
 * #shutdown} stops.
 */
public final class WorkExecutor {
  private static final Logger LOG = Logger.getLogger(WorkExecutor.class.getName());
  private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

  private final String threadName;
  private final int threads;
  private ExecutorService executor;
  private boolean owned;

  /** Threads of our own, when needed, are called {@code threadName-1}, {@code -2}, and so on. */
  public WorkExecutor(String threadName, int threads) {
    this.threadName = threadName;
    this.threads = threads;
  }

  public synchronized ExecutorService get() {
    if (executor == null) {
      try {
        executor = (ExecutorService) new InitialContext().lookup(MANAGED_EXECUTOR);
      } catch (NamingException | RuntimeException e) {
        AtomicInteger count = new AtomicInteger();
        executor =
            Executors.newFixedThreadPool(
                threads,
                runnable -> {
                  Thread thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
        owned = true;
        LOG.fine(
            () ->
                "no managed executor; "
                    + threadName
                    + " runs on "
                    + threads
                    + " threads of its own");
      }
    }
    return executor;
  }

  /** Stops the threads of our own, if any; the server's executor is the server's. */
  public synchronized void shutdown() {
    if (owned && executor != null) {
      executor.shutdownNow();
    }
    executor = null;
    owned = false;
  }
}
