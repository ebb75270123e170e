package org.caseops.persistence.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    makeCommitsDurable(dataSource);
    return result.migrationsExecuted;
  }

  /**
   * On H2, makes every commit reach the database file before it returns ({@code WRITE_DELAY 0}).
   * H2's default writes committed changes up to a second later, so a server killed in that window
   * came back without them: an operation seen {@code succeeded} was {@code running} again, and a
   * job's last checkpoint was lost. The setting holds while the database is open (a server's pool
   * keeps it open); H2 forgets it when the database closes, so WildFly's data source names it in
   * its URL too. PostgreSQL commits durably already.
   */
  static void makeCommitsDurable(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET WRITE_DELAY 0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The H2 database's write delay could not be set to 0", e);
    }
  }
}
