package org.caseops.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Fresh PostgreSQL databases for the runs, on the cluster at 127.0.0.1:5432 (user postgres). */
final class Databases {
  static final String HOST = System.getProperty("reliability.pg.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("reliability.pg.port", 5432);

  private Databases() {}

  static String url(String name) {
    return url(HOST, PORT, name);
  }

  static String url(String host, int port, String name) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** Drops the database if it is there and makes it again, empty. */
  static void fresh(String name) throws SQLException {
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database name " + name);
    }
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    }
  }

  /**
   * Gives every new session of the database a {@code lock_timeout}: a statement that waits longer
   * than that for a lock fails (SQL state 55P03).
   */
  static void lockTimeout(String name, String timeout) throws SQLException {
    if (!name.matches("[a-z0-9_]+") || !timeout.matches("[0-9]+(ms|s|min)?")) {
      throw new IllegalArgumentException(name + " " + timeout);
    }
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("alter database " + name + " set lock_timeout = '" + timeout + "'");
    }
  }

  static void drop(String name) {
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("could not drop database " + name + ": " + e.getMessage());
    }
  }
}
