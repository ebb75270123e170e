package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.PreservedItem;

/**
 * Lets a test make the hold records fail once: the N-th {@code preserve} after {@link
 * #failPreserveOnce(int)} throws, as a database would in the middle of a job (after the chunk's
 * contents were copied).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedHoldFailures implements HoldRepository {
  public static final String MESSAGE = "induced hold failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();

  @Inject @Delegate @Any HoldRepository delegate;

  /** Makes the {@code call}-th next {@code preserve} throw, once. */
  public static void failPreserveOnce(int call) {
    COUNTDOWN.set(call);
  }

  public static void reset() {
    COUNTDOWN.set(0);
  }

  @Override
  public void preserve(List<PreservedItem> preserved) {
    if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    delegate.preserve(preserved);
  }
}
