package io.conversationorchestrator.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment that points a service process at a PostgreSQL server and a Kafka broker. */
public final class ServiceEnvironment {
  private ServiceEnvironment() {}

  /** A mutable map, in a stable order, for callers to add their own settings to. */
  public static Map<String, String> of(PostgresServer postgres, KafkaBroker kafka) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    return env;
  }
}
