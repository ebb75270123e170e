package org.caseops.batch.addtoreviewset;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.caseops.batch.concurrency.WorkExecutor;

/**
 * Runs the copies of a chunk's contents on a few threads at once, so that reading the evidence,
 * hashing and writing the copies overlap. In the server the work goes to its default managed
 * executor; outside it, to a small pool of daemon threads owned by this bean. However large the
 * executor, a call keeps at most the given number of tasks running.
 */
@ApplicationScoped
public class CopyPool {
  private static final Logger LOG = Logger.getLogger(CopyPool.class.getName());

  /** Threads of the pool used outside the server: the most copies a job runs at once by default. */
  static final int DEFAULT_PARALLELISM = 4;

  /** One piece of work. */
  @FunctionalInterface
  public interface Work<T> {
    void run(T value) throws Exception;
  }

  private final WorkExecutor executor = new WorkExecutor("caseops-copy", DEFAULT_PARALLELISM);

  /**
   * Runs the work on every value, at most {@code parallelism} at once, and returns when all are
   * done.
   *
   * @throws Exception the first failure of the work, once all running work has ended
   */
  public <T> void forEach(List<T> values, int parallelism, Work<T> work) throws Exception {
    start(values, parallelism, work).await();
  }

  /**
   * Starts the work on every value, at most {@code parallelism} at once, and returns at once; the
   * caller does other work meanwhile, then {@link Running#await awaits} the end. With a parallelism
   * of 1 the work runs on the calling thread, when awaited.
   */
  public <T> Running start(List<T> values, int parallelism, Work<T> work) {
    AtomicInteger nextValue = new AtomicInteger();
    Runnable drain =
        () -> {
          for (int i = nextValue.getAndIncrement();
              i < values.size();
              i = nextValue.getAndIncrement()) {
            try {
              work.run(values.get(i));
            } catch (RuntimeException e) {
              throw e;
            } catch (Exception e) {
              throw new WorkFailed(e);
            }
          }
        };
    int tasks = Math.max(1, Math.min(parallelism, values.size()));
    List<Future<?>> running = new ArrayList<>(tasks);
    if (!values.isEmpty() && tasks > 1) {
      try {
        for (int t = 0; t < tasks; t++) {
          running.add(executor.get().submit(drain));
        }
      } catch (RuntimeException e) {
        // The executor refused more work: the tasks already running take it all, or the caller when
        // none runs.
        LOG.fine(() -> "copy task refused: " + e);
      }
    }
    return new Running(running, drain, () -> nextValue.set(values.size()));
  }

  /** Work started by {@link #start}. */
  public static final class Running {
    private final List<Future<?>> running;
    private final Runnable drain;
    private final Runnable cancel;

    private Running(List<Future<?>> running, Runnable drain, Runnable cancel) {
      this.running = running;
      this.drain = drain;
      this.cancel = cancel;
    }

    /**
     * Returns when all the work has ended.
     *
     * @throws Exception the first failure of the work, once all running work has ended
     */
    public void await() throws Exception {
      if (running.isEmpty()) {
        run(drain);
        return;
      }
      Throwable first = null;
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          first = first == null ? e.getCause() : first;
        } catch (InterruptedException e) {
          cancel.run();
          running.forEach(r -> r.cancel(true));
          Thread.currentThread().interrupt();
          throw e;
        }
      }
      if (first != null) {
        throw unwrap(first);
      }
    }
  }

  private static void run(Runnable drain) throws Exception {
    try {
      drain.run();
    } catch (WorkFailed e) {
      throw (Exception) e.getCause();
    }
  }

  private static Exception unwrap(Throwable failure) {
    if (failure instanceof WorkFailed w) {
      return (Exception) w.getCause();
    }
    if (failure instanceof Exception e) {
      return e;
    }
    throw (Error) failure;
  }

  @PreDestroy
  void shutdown() {
    executor.shutdown();
  }

  /** A checked failure of the work, carried out of a task. */
  private static final class WorkFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkFailed(Exception cause) {
      super(cause);
    }
  }
}
