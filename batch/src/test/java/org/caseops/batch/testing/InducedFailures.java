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
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.SourceItemStats;

/**
 * Lets a test make the catalog fail once: the N-th {@code saveAll} after {@link #failSaveOnce(int)}
 * throws, as a database would in the middle of a job.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedFailures implements ItemRepository {
  public static final String MESSAGE = "induced catalog failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();

  @Inject @Delegate @Any ItemRepository delegate;

  /** Makes the {@code call}-th next save throw, once. */
  public static void failSaveOnce(int call) {
    COUNTDOWN.set(call);
  }

  public static void reset() {
    COUNTDOWN.set(0);
  }

  @Override
  public void saveAll(List<Item> items) {
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
