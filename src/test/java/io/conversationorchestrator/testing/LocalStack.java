package io.conversationorchestrator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service on http://localhost:8080 with its own PostgreSQL and Kafka; started by {@code
 * deployment/run-local.sh}. It lives with the tests because it reuses their provisioning code and
 * dependencies, which must stay out of the application.
 *
 * <p>PostgreSQL (data in {@code .local/postgres}) and Kafka (log in {@code .local/kafka}; {@code
 * LOCAL_STACK_DATA} names another directory than {@code .local}) keep their data across runs and
 * listen on 15432 and 19092 when free. Either is skipped when configured through the same
 * environment variables the application reads. On SIGINT/SIGTERM it stops the application, then
 * Kafka, then PostgreSQL.
 *
 * <p>With {@code LOCAL_STACK_SERVICE=none} it starts only PostgreSQL and Kafka, writes the
 * service's environment to {@code service.env} in the data directory (for {@code bench/startup.sh},
 * which starts the service itself many times) and waits for the signal. {@code
 * LOCAL_STACK_JAVA_OPTS} holds the service JVM's options (run-local.sh sets the defaults).
 */
public final class LocalStack {
  private static final int POSTGRES_PORT = 15432;
  private static final int KAFKA_PORT = 19092;
  // LOCAL_STACK_DATA moves it, so a benchmark can run a throw-away stack beside a developer's one.
  private static final Path DATA =
      Path.of(System.getenv().getOrDefault("LOCAL_STACK_DATA", ".local")).toAbsolutePath();
  private static final String APP_JAR = "target/quarkus-app/quarkus-run.jar";

  /** A development account and tokens, applied only where the environment sets none. */
  private static final Map<String, String> DEV_DEFAULTS =
      orderedMap(
          "ORCHESTRATOR_BOOTSTRAP_ACCOUNT_SID", "AC00000000000000000000000000000000",
          "ORCHESTRATOR_BOOTSTRAP_AUTH_TOKEN", "dev-auth-token",
          "ORCHESTRATOR_OPERATOR_TOKEN", "dev-operator-token",
          "ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS", "true",
          // Seals auth tokens and webhook secrets at rest; a production key comes from a Secret.
          "ORCHESTRATOR_SECRETS_KEY", "ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=",
          // The dev credentials are public: listen on loopback only unless told otherwise.
          "QUARKUS_HTTP_HOST", "127.0.0.1");

  private LocalStack() {}

  /** Arguments are passed on to the application. */
  public static void main(String[] args) throws Exception {
    Closer closer = new Closer().closeOnExit(); // closes newest first: app, Kafka, PostgreSQL
    PostgresServer postgres = TestInfrastructure.configuredPostgres();
    if (postgres == null) {
      postgres =
          closer.register(
              LocalPostgres.start(Ports.preferredOrFree(POSTGRES_PORT), DATA.resolve("postgres")));
    }
    String configuredKafka = TestInfrastructure.configured("kafka.bootstrap.servers");
    KafkaBroker kafka =
        configuredKafka != null
            ? new KafkaBroker.External(configuredKafka)
            : closer.register(
                LocalKafka.start(Ports.preferredOrFree(KAFKA_PORT), DATA.resolve("kafka")));

    Map<String, String> env = ServiceEnvironment.of(postgres, kafka);
    DEV_DEFAULTS.forEach((name, value) -> env.put(name, System.getenv().getOrDefault(name, value)));
    printSummary(postgres, kafka, env);
    if ("none".equals(System.getenv("LOCAL_STACK_SERVICE"))) {
      writeEnvironment(env);
      Thread.currentThread().join(); // until SIGINT/SIGTERM; the closer stops Kafka and PostgreSQL
    }

    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java")); // this JVM's java
    String javaOpts = System.getenv().getOrDefault("LOCAL_STACK_JAVA_OPTS", "").strip();
    if (!javaOpts.isEmpty()) {
      command.addAll(List.of(javaOpts.split("\\s+")));
    }
    command.addAll(List.of("-jar", APP_JAR));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(env);
    Process app = builder.start();
    closer.register(() -> stop(app));
    // The app ending by itself (a failed boot, say) ends the stack too; exit runs the closer.
    System.exit(app.waitFor());
  }

  /** Quarkus shuts down gracefully on SIGTERM; kill it only if it hangs. */
  private static void stop(Process app) throws InterruptedException {
    app.destroy();
    if (!app.waitFor(30, TimeUnit.SECONDS)) {
      app.destroyForcibly().waitFor();
    }
  }

  /** NAME='value' lines, for a shell to source. */
  private static void writeEnvironment(Map<String, String> env) throws IOException {
    StringBuilder lines = new StringBuilder();
    env.forEach(
        (name, value) ->
            lines.append(name).append("='").append(value.replace("'", "'\\''")).append("'\n"));
    Files.writeString(DATA.resolve("service.env"), lines);
    System.out.println("Service environment in " + DATA.resolve("service.env"));
  }

  private static void printSummary(
      PostgresServer postgres, KafkaBroker kafka, Map<String, String> env) {
    System.out.printf(
        """

        PostgreSQL  %s  (user %s, password %s)
        Kafka       %s
        Account     %s  auth token %s
        Operator    token %s
        Service     http://localhost:%s  (Ctrl-C stops it and whatever this started)

        """,
        postgres.jdbcUrl(),
        postgres.username(),
        postgres.password(),
        kafka.bootstrapServers(),
        env.get("ORCHESTRATOR_BOOTSTRAP_ACCOUNT_SID"),
        env.get("ORCHESTRATOR_BOOTSTRAP_AUTH_TOKEN"),
        env.get("ORCHESTRATOR_OPERATOR_TOKEN"),
        System.getenv().getOrDefault("QUARKUS_HTTP_PORT", "8080"));
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
