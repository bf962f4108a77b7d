package io.conversationorchestrator.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/** JDBC for the harnesses: the benchmark's database (BENCH_JDBC_URL...) and one-value queries. */
final class Sql {
  private Sql() {}

  static Connection connect() throws SQLException {
    return connect(false);
  }

  /**
   * With {@code untyped}, parameters bound as strings reach PostgreSQL untyped, as pgbench's do.
   */
  static Connection connect(boolean untyped) throws SQLException {
    String url = Bench.env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:15432/orchestrator");
    if (untyped) {
      url += (url.contains("?") ? "&" : "?") + "stringtype=unspecified";
    }
    return DriverManager.getConnection(
        url, Bench.env("BENCH_DB_USER", "postgres"), Bench.env("BENCH_DB_PASSWORD", "postgres"));
  }

  static void exec(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row, or null without a row. */
  static String string(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }

  static long count(Connection db, String sql) throws SQLException {
    return Long.parseLong(string(db, sql));
  }

  static boolean exists(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      return r.next();
    }
  }

  static Instant instant(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  /** PostgreSQL's version, without the compiler and platform. */
  static String version(Connection db) throws SQLException {
    return string(db, "select version()").replaceFirst(" on .*", "");
  }
}
