package io.conversationorchestrator.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies the Flyway migrations at start-up over one plain JDBC connection built from the reactive
 * datasource's URL and credentials: no JDBC pool, no blocking persistence unit, no transaction
 * manager stay in the running service for a job of a few milliseconds.
 *
 * <p>The observer runs first ({@link Interceptor.Priority#PLATFORM_BEFORE}), on the main thread,
 * before the Kafka consumers, the sweepers, the relay and the bootstrap account start, and before
 * the HTTP server opens (so readiness cannot answer before the schema is there). Flyway's advisory
 * lock serialises replicas that start together. (Hibernate Reactive's persistence unit starts
 * earlier still, without touching the database; that is why it does not validate the schema.)
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class);

  void migrate(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
      SchemaConfig config,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    if (!config.migrateAtStart()) {
      return;
    }
    MigrateResult result = migrate(dataSource(url, username, password));
    LOG.infof(
        "Schema at version %s (%d migrations applied)",
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion,
        result.migrationsExecuted);
  }

  /** Applies the pending migrations under Flyway's lock. */
  public static MigrateResult migrate(DataSource database) {
    return Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /**
   * The reactive URL in JDBC's form: {@code [vertx-reactive:]postgresql://[user:pw@]host:port/db?q}
   * (the first of a comma-separated list) becomes {@code jdbc:postgresql://host:port/db?q}; the
   * user and password come from the datasource's settings, else from the URL.
   */
  static PGSimpleDataSource dataSource(
      String reactiveUrl, Optional<String> username, Optional<String> password) {
    URI uri = URI.create(reactiveUrl.split(",")[0].trim().replaceFirst("^vertx-reactive:", ""));
    String[] userInfo =
        uri.getRawUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(
        "jdbc:postgresql://"
            + uri.getRawAuthority().replaceFirst("^.*@", "")
            + uri.getRawPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    username
        .or(() -> userInfo.length > 0 ? Optional.of(userInfo[0]) : Optional.empty())
        .ifPresent(database::setUser);
    password
        .or(() -> userInfo.length > 1 ? Optional.of(userInfo[1]) : Optional.empty())
        .ifPresent(database::setPassword);
    return database;
  }
}
