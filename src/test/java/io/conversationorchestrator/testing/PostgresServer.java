package io.conversationorchestrator.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL database for the service; {@link #close()} stops it when we started it. */
public interface PostgresServer extends AutoCloseable {

  /** The service's database; we never use the default {@code postgres} one. */
  String DATABASE = "orchestrator";

  /** Vert.x form, e.g. {@code postgresql://127.0.0.1:15432/orchestrator}. */
  String reactiveUrl();

  /** JDBC form of the same database, for raw SQL in tests and benchmarks. */
  String jdbcUrl();

  String username();

  String password();

  default Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), username(), password());
  }

  @Override
  default void close() {}

  /** A database someone else runs (env vars, Testcontainers): only addresses. */
  record Endpoint(
      String reactiveUrl, String jdbcUrl, String username, String password, AutoCloseable owner)
      implements PostgresServer {

    static Endpoint of(String host, int port, String user, String password, AutoCloseable owner) {
      String address = "postgresql://" + host + ":" + port + "/" + DATABASE;
      return new Endpoint(address, "jdbc:" + address, user, password, owner);
    }

    @Override
    public void close() {
      if (owner != null) {
        Closer.closeQuietly(owner);
      }
    }

    @Override
    public String toString() {
      return (owner == null ? "configured PostgreSQL at " : "PostgreSQL container at ") + jdbcUrl;
    }
  }
}
