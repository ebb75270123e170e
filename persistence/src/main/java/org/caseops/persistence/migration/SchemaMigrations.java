package org.caseops.persistence.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema version with the versioned SQL scripts in {@code
 * db/migration}.
 */
public final class SchemaMigrations {
  public static final String LOCATION = "classpath:db/migration";
  public static final String HISTORY_TABLE = "caseops_schema_history";

  private SchemaMigrations() {}

  /** Applies every pending migration and returns the number applied. */
  public static int migrate(DataSource dataSource, ClassLoader classLoader) {
    Flyway flyway =
        Flyway.configure(classLoader)
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            // The batch runtime may already keep its job repository in the same schema.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    MigrateResult result = flyway.migrate();
    return result.migrationsExecuted;
  }
}
