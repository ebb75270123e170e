package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.SourceItemStats;

/**
 * Lets a test make the catalog fail once: the N-th {@code saveAll} after {@link #failSaveOnce(int)}
 * (or {@code findAll} after {@link #failFindAllOnce(int)}) throws, as a database would in the
 * middle of a job; or hold a job in the middle of a chunk: the N-th {@code saveAll} after {@link
 * #pauseSaveOnce(int)} waits for {@link #release()}; or make the next {@code moveAll} into one mbox
 * (the catalog following its rewrite) throw, once ({@link #failMoveAllOnceFor}).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedFailures implements ItemRepository {
  public static final String MESSAGE = "induced catalog failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();

  @Inject @Delegate @Any ItemRepository delegate;

  private static final AtomicInteger PAUSE_COUNTDOWN = new AtomicInteger();
  private static volatile CountDownLatch paused = new CountDownLatch(1);
  private static volatile CountDownLatch released = new CountDownLatch(0);

  /**
   * Makes the {@code call}-th next save wait, once, until {@link #release()}: a job held in the
   * middle of a chunk, as a slow source would hold it.
   */
  public static void pauseSaveOnce(int call) {
    paused = new CountDownLatch(1);
    released = new CountDownLatch(1);
    PAUSE_COUNTDOWN.set(call);
  }

  /** Waits until a save is held by {@link #pauseSaveOnce(int)}. */
  public static void awaitPaused() throws InterruptedException {
    if (!paused.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no save was held within 60 s");
    }
  }

  /** Lets the held save go on. */
  public static void release() {
    released.countDown();
  }

  private static final AtomicInteger FIND_COUNTDOWN = new AtomicInteger();

  /** Makes the {@code call}-th next {@code findAll} (a page of the catalog read) throw, once. */
  public static void failFindAllOnce(int call) {
    FIND_COUNTDOWN.set(call);
  }

  @Override
  public List<Item> findAll(Collection<String> itemIds) {
    if (FIND_COUNTDOWN.get() > 0 && FIND_COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    return delegate.findAll(itemIds);
  }

  private static volatile String failMoveTo;

  /**
   * Makes the next {@code moveAll} that moves an entry to a location starting with {@code prefix}
   * throw, once: the catalog entries of the messages a rewrite of that mbox moved are not moved, as
   * when a restore stops right after renaming the mbox into place.
   */
  public static void failMoveAllOnceFor(String prefix) {
    failMoveTo = prefix;
  }

  @Override
  public void moveAll(Map<String, String> locations) {
    String prefix = failMoveTo;
    if (prefix != null && locations.values().stream().anyMatch(l -> l.startsWith(prefix))) {
      failMoveTo = null;
      throw new IllegalStateException(MESSAGE);
    }
    delegate.moveAll(locations);
  }

  /** Makes the {@code call}-th next save throw, once. */
  public static void failSaveOnce(int call) {
    COUNTDOWN.set(call);
  }

  public static void reset() {
    COUNTDOWN.set(0);
    FIND_COUNTDOWN.set(0);
    PAUSE_COUNTDOWN.set(0);
    failMoveTo = null;
    released.countDown();
  }

  @Override
  public void saveAll(List<Item> items) {
    if (PAUSE_COUNTDOWN.get() > 0 && PAUSE_COUNTDOWN.decrementAndGet() == 0) {
      paused.countDown();
      try {
        if (!released.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a held save was not released within 60 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    delegate.saveAll(items);
  }

  @Override
  public Map<String, String> knownHashes(Collection<String> itemIds) {
    return delegate.knownHashes(itemIds);
  }

  @Override
  public List<SourceItemStats> statsOfCase(String caseId) {
    return delegate.statsOfCase(caseId);
  }
}
