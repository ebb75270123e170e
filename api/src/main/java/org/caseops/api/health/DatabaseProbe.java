package org.caseops.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.domain.cases.CaseRepository;

/** Asks the database one cheap question: whether a case that cannot exist exists. */
@ApplicationScoped
public class DatabaseProbe {
  private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
  private static final String PROBE_ID = "00000000-0000-0000-0000-000000000000";

  @Inject CaseRepository cases;

  /** Empty when the database answers; otherwise what went wrong, in a few words. */
  public Optional<String> failure() {
    try {
      cases.exists(PROBE_ID);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Health probe: the database cannot be queried", e);
      return Optional.of(e.getClass().getSimpleName());
    }
  }
}
