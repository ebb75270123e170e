package org.caseops.api.health;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.persistence.config.CaseopsConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health checks of caseops, served by the runtime at its standard paths. Ready
 * ({@code /health/ready}): the database answers, the data directory is writable, the evidence root
 * is readable, the batch runtime answers. Live ({@code /health/live}): the application is deployed
 * and answers; a restart would not mend any of the readiness checks, so none of them is a liveness
 * check.
 */
@ApplicationScoped
public class ReadinessChecks {
  private static final Logger LOG = Logger.getLogger(ReadinessChecks.class.getName());

  @Inject DatabaseProbe database;

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> result("database", database.failure());
  }

  @Produces
  @Readiness
  HealthCheck dataDirectory() {
    return () -> {
      Path dir = CaseopsConfig.current().dataDir();
      return result("dataDirectory", writable(dir), dir);
    };
  }

  @Produces
  @Readiness
  HealthCheck evidenceRoot() {
    return () -> {
      Path root = CaseopsConfig.current().evidenceRoot();
      Optional<String> failure =
          !Files.isDirectory(root)
              ? Optional.of("not a folder")
              : Files.isReadable(root) ? Optional.empty() : Optional.of("not readable");
      return result("evidenceRoot", failure, root);
    };
  }

  @Produces
  @Readiness
  HealthCheck batchRuntime() {
    return () -> {
      try {
        BatchRuntime.getJobOperator().getJobNames();
        return result("batchRuntime", Optional.empty());
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            () -> "Health probe: the batch runtime does not answer: " + DatabaseProbe.reason(e));
        LOG.log(Level.FINE, "Health probe: the batch runtime does not answer", e);
        return result("batchRuntime", Optional.of(e.getClass().getSimpleName()));
      }
    };
  }

  @Produces
  @Liveness
  HealthCheck application() {
    return () -> HealthCheckResponse.up("caseops");
  }

  /** Empty when a file can be written (and removed) in the folder, made if missing. */
  static Optional<String> writable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".health", ".tmp");
      Files.delete(probe);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("not writable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static HealthCheckResponse result(String name, Optional<String> failure, Path path) {
    HealthCheckResponseBuilder builder =
        HealthCheckResponse.named(name).status(failure.isEmpty()).withData("path", path.toString());
    failure.ifPresent(reason -> builder.withData("reason", reason));
    return builder.build();
  }

  private static HealthCheckResponse result(String name, Optional<String> failure) {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).status(failure.isEmpty());
    failure.ifPresent(reason -> builder.withData("reason", reason));
    return builder.build();
  }
}
