package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgedItem;

/**
 * Lets a test make a purge's records fail once: the N-th {@code record} after {@link
 * #failRecordOnce(int)} throws, or the one of a given item ({@link #failRecordOnceFor}), as a
 * database would at the end of a chunk, after the chunk's files were moved, deleted or rewritten
 * and before its checkpoint; and lets a test watch or fail a restore's {@code markRestored}.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedPurgeFailures implements PurgeRepository {
  public static final String MESSAGE = "induced purge failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();
  private static volatile String location;
  private static volatile Consumer<String> onMarkRestored;

  @Inject @Delegate @Any PurgeRepository delegate;

  /** Makes the {@code call}-th next {@code record} throw, once. */
  public static void failRecordOnce(int call) {
    COUNTDOWN.set(call);
  }

  /**
   * Makes the next {@code record} of an outcome of the item at this location throw, once (the chunk
   * that purged that file).
   */
  public static void failRecordOnceFor(String itemLocation) {
    location = itemLocation;
  }

  /**
   * Calls {@code hook} with the item's id before each {@code markRestored}; what it throws is
   * thrown from there, as a database would, after the item's bytes were put back.
   */
  public static void onMarkRestored(Consumer<String> hook) {
    onMarkRestored = hook;
  }

  public static void reset() {
    COUNTDOWN.set(0);
    location = null;
    onMarkRestored = null;
  }

  @Override
  public void markRestored(String operationId, String itemId, Instant when) {
    Consumer<String> hook = onMarkRestored;
    if (hook != null) {
      hook.accept(itemId);
    }
    delegate.markRestored(operationId, itemId, when);
  }

  @Override
  public void record(List<PurgedItem> outcomes) {
    String failFor = location;
    if (failFor != null && outcomes.stream().anyMatch(o -> o.getLocation().equals(failFor))) {
      location = null;
      throw new IllegalStateException(MESSAGE);
    }
    if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    delegate.record(outcomes);
  }
}
