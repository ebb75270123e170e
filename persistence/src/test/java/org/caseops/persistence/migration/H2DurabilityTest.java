package org.caseops.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit on the embedded H2 database survives the JVM being killed right after it: the server's
 * operations and checkpoints must not go back after a crash.
 */
class H2DurabilityTest {

  /**
   * The child JVM: migrates a file database, commits one row and dies at once, without closing the
   * database.
   */
  public static void main(String[] args) throws Exception {
    String url = "jdbc:h2:file:" + args[0];
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    ds.setPassword("");
    // A connection held from before the migrations to the end, as the server's pool holds its own:
    // the database stays open the whole time, as in a running server.
    Connection pooled = ds.getConnection();
    SchemaMigrations.migrate(ds, H2DurabilityTest.class.getClassLoader());
    Statement s = pooled.createStatement();
    s.execute("CREATE TABLE IF NOT EXISTS durable_probe (id INT PRIMARY KEY)");
    pooled.setAutoCommit(false);
    s.execute("INSERT INTO durable_probe VALUES (1)");
    pooled.commit();
    Runtime.getRuntime().halt(0); // as SIGKILL: no shutdown hook, nothing closed
  }

  @Test
  void aCommitSurvivesTheJvmDyingRightAfterIt(@TempDir Path dir) throws Exception {
    String db = dir.resolve("caseops").toAbsolutePath().toString();
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2DurabilityTest.class.getName(),
                db)
            .redirectErrorStream(true)
            .redirectOutput(new File(dir.toFile(), "child.log"))
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();

    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM durable_probe")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }
}
