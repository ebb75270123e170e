package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;

/**
 * Lets a test make the review sets fail once: the N-th {@code addItems} after {@link
 * #failAddOnce(int)} throws, as a database would in the middle of a job.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedReviewSetFailures implements ReviewSetRepository {
  public static final String MESSAGE = "induced review set failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();

  @Inject @Delegate @Any ReviewSetRepository delegate;

  /** Makes the {@code call}-th next {@code addItems} throw, once. */
  public static void failAddOnce(int call) {
    COUNTDOWN.set(call);
  }

  public static void reset() {
    COUNTDOWN.set(0);
  }

  @Override
  public void addItems(List<ReviewSetItem> items) {
    if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    delegate.addItems(items);
  }
}
