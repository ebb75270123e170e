package org.caseops.batch.testing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;

/**
 * Lets a test make the renditions fail once: the N-th {@code saveAll} after {@link
 * #failSaveOnce(int)} throws, as a database would in the middle of a chunk.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class InducedRenditionFailures implements PdfRenditionRepository {
  public static final String MESSAGE = "induced rendition failure";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger();

  @Inject @Delegate @Any PdfRenditionRepository delegate;

  /** Makes the {@code call}-th next {@code saveAll} throw, once. */
  public static void failSaveOnce(int call) {
    COUNTDOWN.set(call);
  }

  public static void reset() {
    COUNTDOWN.set(0);
  }

  @Override
  public void saveAll(List<PdfRendition> renditions) {
    if (COUNTDOWN.get() > 0 && COUNTDOWN.decrementAndGet() == 0) {
      throw new IllegalStateException(MESSAGE);
    }
    delegate.saveAll(renditions);
  }
}
