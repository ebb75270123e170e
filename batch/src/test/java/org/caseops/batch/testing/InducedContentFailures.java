package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.items.ContentStore;

/**
 * Lets a test make the content store fail once: the N-th {@code open} after {@link
 * #failOpenOnce(int)} throws an unchecked exception, as a disk or a crash would in the middle of a
 * job.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedContentFailures implements ContentStore {
  public static final String MESSAGE = "induced content store failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();

  @Inject @Delegate @Any ContentStore delegate;

  /** Makes the {@code call}-th next {@code open} throw, once. */
  public static void failOpenOnce(int call) {
    COUNTDOWN.set(call);
  }

  public static void reset() {
    COUNTDOWN.set(0);
  }

  @Override
  public Optional<InputStream> open(String caseId, String sha256) throws IOException {
    if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    return delegate.open(caseId, sha256);
  }
}
