package io.conversationorchestrator.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 15 server run from the binaries zonky ships in a Maven artifact, so a machine
 * with only a JDK can run it (no Docker, no system package, works as root).
 */
public final class LocalPostgres implements PostgresServer {
  static final String USER = "postgres";
  // initdb runs with trust authentication: any password works; this one matches the defaults.
  static final String PASSWORD = "postgres";

  static {
    Logs.warningsOnly("io.zonky.test.db.postgres"); // initdb and pg_ctl chatter, ~80 lines a start
  }

  private final EmbeddedPostgres server;
  private final Endpoint endpoint;

  private LocalPostgres(EmbeddedPostgres server) {
    this.server = server;
    this.endpoint = Endpoint.of("127.0.0.1", server.getPort(), USER, PASSWORD, null);
  }

  /**
   * Starts a server on {@code port}. With a {@code dataDir} the cluster is kept across runs;
   * without one it lives in a throw-away directory under java.io.tmpdir.
   */
  public static LocalPostgres start(int port, Path dataDir) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              // Our Closer stops it in order (app first); zonky's own hook would race with it.
              .setRegisterShutdownHook(false);
      if (dataDir != null) {
        stopOrphanedPostmaster(dataDir);
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
      }
      LocalPostgres postgres = new LocalPostgres(builder.start());
      postgres.createDatabase();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void createDatabase() {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      if (!s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
        s.execute("create database " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + DATABASE, e);
    }
  }

  /**
   * A launcher killed with SIGKILL leaves its postmaster running, which would make the next start
   * fail on the data directory lock: ask it to shut down (SIGTERM, a "smart" shutdown).
   */
  private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    ProcessHandle.of(pid)
        .filter(p -> p.info().command().orElse("").endsWith("postgres"))
        .ifPresent(
            p -> {
              System.err.println(
                  "Stopping PostgreSQL left running by an earlier run (pid " + pid + ")");
              p.destroy();
              try {
                p.onExit().get(30, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL pid " + pid + " did not stop", e);
              }
            });
  }

  @Override
  public String reactiveUrl() {
    return endpoint.reactiveUrl();
  }

  @Override
  public String jdbcUrl() {
    return endpoint.jdbcUrl();
  }

  @Override
  public String username() {
    return USER;
  }

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "embedded PostgreSQL at " + jdbcUrl();
  }
}
