package io.conversationorchestrator.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * PostgreSQL and Kafka for the tests, started once and shared.
 *
 * <p>Where they come from, first match wins:
 *
 * <ol>
 *   <li>configured: {@code QUARKUS_DATASOURCE_REACTIVE_URL} / {@code KAFKA_BOOTSTRAP_SERVERS} (or
 *       the system properties {@code quarkus.datasource.reactive.url} / {@code
 *       kafka.bootstrap.servers}), each independently;
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>started here: an embedded PostgreSQL 15 and an in-JVM Kafka broker on random ports.
 * </ol>
 *
 * <p>State is per class loader: a {@code @QuarkusTest} sees what {@link InfrastructureResource}
 * started for its application; a plain JUnit test gets its own instance.
 */
public final class TestInfrastructure {
  private static Closer closer;
  private static PostgresServer postgres;
  private static KafkaBroker kafka;

  private TestInfrastructure() {}

  /** Starts both services unless already started; idempotent. */
  public static synchronized void start() {
    if (closer != null) {
      return;
    }
    long begin = System.nanoTime();
    Closer started = new Closer().closeOnExit();
    boolean docker =
        (configured("quarkus.datasource.reactive.url") == null
                || configured("kafka.bootstrap.servers") == null)
            && Containers.dockerAvailable();
    // Start both at once: each takes one to three seconds, mostly waiting. Plain threads, not the
    // common pool, whose threads would not carry this thread's context class loader.
    Executor thread = task -> new Thread(task, "infrastructure-start").start();
    CompletableFuture<PostgresServer> pg =
        CompletableFuture.supplyAsync(() -> started.register(startPostgres(docker)), thread);
    CompletableFuture<KafkaBroker> broker =
        CompletableFuture.supplyAsync(() -> started.register(startKafka(docker)), thread);
    try {
      CompletableFuture.allOf(pg, broker).join(); // waits for both, even when one fails
    } catch (CompletionException e) {
      started.close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    postgres = pg.join();
    kafka = broker.join();
    closer = started;
    System.out.printf(
        "Test infrastructure up in %d ms: %s, %s%n",
        (System.nanoTime() - begin) / 1_000_000, postgres, kafka);
  }

  /** Stops whatever {@link #start()} started. */
  public static synchronized void stop() {
    if (closer != null) {
      closer.close();
      closer = null;
      postgres = null;
      kafka = null;
    }
  }

  public static synchronized PostgresServer postgres() {
    start();
    return postgres;
  }

  public static synchronized KafkaBroker kafka() {
    start();
    return kafka;
  }

  /** The configuration Quarkus needs to reach both services. */
  public static Map<String, String> quarkusConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.datasource.reactive.url", postgres().reactiveUrl());
    config.put("quarkus.datasource.username", postgres().username());
    config.put("quarkus.datasource.password", postgres().password());
    config.put("kafka.bootstrap.servers", kafka().bootstrapServers());
    return config;
  }

  private static PostgresServer startPostgres(boolean docker) {
    PostgresServer configured = configuredPostgres();
    if (configured != null) {
      return configured;
    }
    return docker ? Containers.postgres() : LocalPostgres.start(Ports.free(), null);
  }

  private static KafkaBroker startKafka(boolean docker) {
    String configured = configured("kafka.bootstrap.servers");
    if (configured != null) {
      return new KafkaBroker.External(configured);
    }
    return docker ? Containers.kafka() : LocalKafka.start(Ports.free(), null);
  }

  /** The database named by {@code quarkus.datasource.*} settings, or null if none is. */
  static PostgresServer configuredPostgres() {
    String reactive = configured("quarkus.datasource.reactive.url");
    if (reactive == null) {
      return null;
    }
    String jdbc = configured("quarkus.datasource.jdbc.url");
    if (jdbc == null) {
      // "vertx-reactive:postgresql://h:p/db" and "postgresql://h:p/db" both become JDBC's form.
      jdbc = "jdbc:" + reactive.replaceFirst("^vertx-reactive:", "");
    }
    return new PostgresServer.Endpoint(
        reactive,
        jdbc,
        orDefault(configured("quarkus.datasource.username"), "postgres"),
        orDefault(configured("quarkus.datasource.password"), "postgres"),
        null);
  }

  /** A system property, else its environment variable (Quarkus' naming: a.b-c to A_B_C). */
  static String configured(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
    }
    return value == null || value.isBlank() ? null : value;
  }

  private static String orDefault(String value, String fallback) {
    return value != null ? value : fallback;
  }
}
