package org.caseops.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of the API: UTC system time. Tests pass a fixed clock to the classes that take one.
 */
@ApplicationScoped
public class ClockProducer {
  @Produces
  public Clock clock() {
    return Clock.systemUTC();
  }
}
