package org.caseops.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.caseops.persistence.migration.SchemaMigrations;
import org.caseops.persistence.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for one run: in-memory H2 or a new PostgreSQL schema (both from the
 * persistence test support), or an H2 file database, which keeps a large catalog out of the heap
 * for the memory check; or, for the search benchmark, a database kept between runs ({@link
 * #persistent}).
 */
final class BenchDatabase implements AutoCloseable {
  enum Kind {
    H2,
    H2FILE,
    POSTGRESQL;

    static Kind parse(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT).replace("-", ""));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--db must be h2, h2file or postgresql: " + name);
      }
    }
  }

  private final TestDatabase testDatabase;
  private final DataSource fileDataSource;
  private final String description;
  private EntityManagerFactory fileEmf;

  private BenchDatabase(TestDatabase testDatabase, DataSource fileDataSource, String description) {
    this.testDatabase = testDatabase;
    this.fileDataSource = fileDataSource;
    this.description = description;
  }

  /** A fresh database; {@code workDir} holds the H2 file database. */
  static BenchDatabase open(Kind kind, Path workDir) {
    return switch (kind) {
      case H2 -> new BenchDatabase(TestDatabase.h2(), null, "H2 in memory");
      case POSTGRESQL -> new BenchDatabase(TestDatabase.postgresql(), null, "PostgreSQL");
      case H2FILE -> {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(
            "jdbc:h2:file:" + workDir.resolve("caseops").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrations.migrate(ds, BenchDatabase.class.getClassLoader());
        yield new BenchDatabase(null, ds, "H2 file");
      }
    };
  }

  /**
   * A migrated database that outlives the run: an H2 file database in {@code workDir} (for {@code
   * h2} and {@code h2file}), or the PostgreSQL database {@code caseops_bench} on 127.0.0.1:5432
   * (user postgres; created when absent, or the database named by {@code -Dcaseops.bench.db.url}).
   */
  static BenchDatabase persistent(Kind kind, Path workDir) {
    if (kind != Kind.POSTGRESQL) {
      return open(Kind.H2FILE, workDir);
    }
    String url =
        System.getProperty(
            "caseops.bench.db.url", "jdbc:postgresql://127.0.0.1:5432/caseops_bench");
    String user = System.getProperty("caseops.bench.db.user", "postgres");
    String name = url.substring(url.lastIndexOf('/') + 1);
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(url.substring(0, url.lastIndexOf('/') + 1) + "postgres");
    admin.setUser(user);
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      var rs =
          s.executeQuery(
              "SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create the PostgreSQL database " + name + ": " + e.getMessage(), e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser(user);
    SchemaMigrations.migrate(ds, BenchDatabase.class.getClassLoader());
    return new BenchDatabase(null, ds, "PostgreSQL (" + name + ")");
  }

  /** The database's data source, for the figures read with plain SQL. */
  DataSource dataSource() {
    return testDatabase != null ? testDatabase.dataSource() : fileDataSource;
  }

  synchronized EntityManagerFactory entityManagerFactory() {
    if (testDatabase != null) {
      return testDatabase.entityManagerFactory();
    }
    if (fileEmf == null) {
      // The same switch to resource-local transactions as the persistence test support makes.
      Map<String, Object> props = new HashMap<>();
      props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
      props.put("jakarta.persistence.jtaDataSource", "");
      props.put("jakarta.persistence.nonJtaDataSource", fileDataSource);
      props.put("eclipselink.logging.level", "WARNING");
      fileEmf = Persistence.createEntityManagerFactory("caseops", props);
    }
    return fileEmf;
  }

  @Override
  public void close() {
    if (testDatabase != null) {
      testDatabase.close();
      return;
    }
    if (fileEmf != null) {
      fileEmf.close();
    }
    if (!(fileDataSource instanceof JdbcDataSource)) {
      return;
    }
    try (Connection c = fileDataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // Already shut down.
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
