package org.caseops.persistence.testing;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.caseops.persistence.migration.SchemaMigrations;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated database for tests outside the server: a fresh in-memory H2 database, or a fresh
 * schema in the PostgreSQL database named by the {@code caseops.test.db.url} system property, and
 * an entity manager factory on it that uses resource-local transactions.
 */
public final class TestDatabase implements AutoCloseable {
  /** Connections of an H2 test database's pool: a job's threads, the test's, and room to spare. */
  private static final int H2_POOL_SIZE = 32;

  public enum Kind {
    H2,
    POSTGRESQL
  }

  private final Kind kind;
  private final DataSource dataSource;
  private final String url;
  private final String schema;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private EntityManagerFactory emf;

  private TestDatabase(
      Kind kind,
      DataSource dataSource,
      String url,
      String schema,
      String jdbcUrl,
      String user,
      String password) {
    this.kind = kind;
    this.dataSource = dataSource;
    this.url = url;
    this.schema = schema;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  public static TestDatabase h2() {
    String url = "jdbc:h2:mem:caseops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
    pool.setMaxConnections(H2_POOL_SIZE);
    return migrate(new TestDatabase(Kind.H2, pool, url, null, url, "", ""));
  }

  /** A fresh schema in the test PostgreSQL database; fails when that database cannot be reached. */
  public static TestDatabase postgresql() {
    String base =
        System.getProperty("caseops.test.db.url", "jdbc:postgresql://127.0.0.1:5432/caseops_it");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String user = System.getProperty("caseops.test.db.user", "postgres");
    String password = System.getProperty("caseops.test.db.password", "");
    try (Connection c = DriverManager.getConnection(base, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the test PostgreSQL database " + base + " cannot be reached", e);
    }
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    // As the server's pool does: JDBC batches of inserts go out as multi-row statements.
    ds.setReWriteBatchedInserts(true);
    ds.setUser(user);
    ds.setPassword(password);
    return migrate(
        new TestDatabase(
            Kind.POSTGRESQL, ds, url, schema, url + "&reWriteBatchedInserts=true", user, password));
  }

  private static TestDatabase migrate(TestDatabase db) {
    SchemaMigrations.migrate(db.dataSource, TestDatabase.class.getClassLoader());
    return db;
  }

  public Kind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The factory of the application's own persistence unit, switched to resource-local transactions
   * on this database.
   */
  public synchronized EntityManagerFactory entityManagerFactory() {
    if (emf == null) {
      Map<String, Object> props = new HashMap<>();
      props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
      props.put("jakarta.persistence.jtaDataSource", "");
      if (kind == Kind.H2) {
        // H2's own pool, as a server's pool would. With EclipseLink's internal pool on H2, a
        // transaction's update could be lost while another thread read the same table (a job's
        // writes while the test polls its operation).
        props.put("jakarta.persistence.nonJtaDataSource", dataSource);
      } else {
        // EclipseLink's own connection pool, as a server's pool would: a plain data source opens a
        // connection per transaction, which would make every job test and benchmark pay for
        // connection set-up.
        props.put("jakarta.persistence.nonJtaDataSource", "");
        props.put("jakarta.persistence.jdbc.url", jdbcUrl);
        props.put("jakarta.persistence.jdbc.user", user);
        props.put("jakarta.persistence.jdbc.password", password);
        props.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
      }
      props.put("eclipselink.logging.level", "WARNING");
      emf = Persistence.createEntityManagerFactory("caseops", props);
    }
    return emf;
  }

  @Override
  public void close() {
    if (emf != null) {
      emf.close();
    }
    if (kind == Kind.POSTGRESQL) {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      } catch (SQLException e) {
        // A leftover schema in the test database is harmless.
      }
    } else {
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // Already gone.
      }
      ((JdbcConnectionPool) dataSource).dispose();
    }
  }

  @Override
  public String toString() {
    return kind + " " + url;
  }
}
