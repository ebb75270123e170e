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
      // One line for each probe that fails (a client may probe every second while the database is
      // down or the server still starts); the trace at FINE.
      LOG.log(Level.WARNING, () -> "Health probe: the database cannot be queried: " + reason(e));
      LOG.log(Level.FINE, "Health probe: the database cannot be queried", e);
      return Optional.of(e.getClass().getSimpleName());
    }
  }

  /** The error and its causes, each as its class's simple name and its message, innermost last. */
  static String reason(Throwable e) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
      if (depth++ > 0) {
        b.append(" <- ");
      }
      b.append(t.getClass().getSimpleName());
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        String line = message.strip().lines().findFirst().orElse("");
        b.append(": ").append(line.length() > 200 ? line.substring(0, 200) + "..." : line);
      }
    }
    return b.toString();
  }
}
