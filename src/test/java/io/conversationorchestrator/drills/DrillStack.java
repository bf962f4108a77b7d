package io.conversationorchestrator.drills;

import io.conversationorchestrator.testing.Closer;
import io.conversationorchestrator.testing.LocalKafka;
import io.conversationorchestrator.testing.LocalPostgres;
import io.conversationorchestrator.testing.Ports;
import io.conversationorchestrator.testing.ServiceEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a drill breaks: a PostgreSQL and a Kafka broker in this JVM (so the drill can stop and
 * restart them) and service processes started from the packaged jar. Everything lives under {@code
 * target/drills/<drill>}, wiped at start; closing stops it all, services first.
 */
public final class DrillStack implements AutoCloseable {
  public static final String ACCOUNT = "AC00000000000000000000000000000000";
  public static final String AUTH_TOKEN = "dev-auth-token";

  private final Closer closer = new Closer().closeOnExit();
  private final Path dir;
  private final int postgresPort = Ports.free();
  private final LocalKafka kafka;
  private LocalPostgres postgres;

  private DrillStack(Path dir) {
    this.dir = dir;
    this.postgres = LocalPostgres.start(postgresPort, dir.resolve("postgres"));
    closer.register(() -> this.postgres.close()); // whichever instance runs by then; closed last
    this.kafka = closer.register(LocalKafka.start(Ports.free(), dir.resolve("kafka")));
  }

  public static DrillStack start(String drill) {
    Path dir = Path.of("target", "drills", drill).toAbsolutePath();
    deleteRecursively(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DrillStack(dir);
  }

  /** One service with the drill settings, a client for it and a configuration with SMS timers. */
  public Single single() {
    ServiceProcess service = service("service", Map.of());
    DrillApi api = new DrillApi(List.of(service));
    return new Single(service, api, api.createConfiguration(Drill.SMS_TIMERS, "[]"));
  }

  /** What {@link #single()} starts. */
  public record Single(ServiceProcess service, DrillApi api, String configuration) {
    /** The usual load on the service: sessions of a create and 3 messages, 10/s (quick) or 20/s. */
    public ConversationLoad startLoad(boolean quick) {
      return ConversationLoad.start(api, configuration, quick ? 10 : 20, 3);
    }
  }

  /**
   * A service process with the drill settings: timers in seconds, short callback retries, loopback
   * callback targets allowed; {@code overrides} win. Started and live when this returns.
   */
  public ServiceProcess service(String name, Map<String, String> overrides) {
    Map<String, String> env = ServiceEnvironment.of(postgres, kafka);
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("ORCHESTRATOR_BOOTSTRAP_ACCOUNT_SID", ACCOUNT);
    env.put("ORCHESTRATOR_BOOTSTRAP_AUTH_TOKEN", AUTH_TOKEN);
    env.put("ORCHESTRATOR_SECRETS_KEY", "ZHJpbGxzLW9ubHkta2V5LW5ldmVyLXVzZS1pdCEhISE=");
    env.put("ORCHESTRATOR_LIFECYCLE_TIMEOUT_UNIT", "SECONDS");
    env.put("ORCHESTRATOR_LIFECYCLE_SWEEP_INTERVAL", "100ms");
    env.put("ORCHESTRATOR_CALLBACKS_ALLOW_PRIVATE_TARGETS", "true");
    env.put("ORCHESTRATOR_CALLBACKS_RETRY_SCHEDULE", "1s,2s,2s");
    env.put("ORCHESTRATOR_CALLBACKS_RETRY_JITTER", "0");
    env.put("ORCHESTRATOR_CALLBACKS_TIMEOUT", "2s");
    env.putAll(overrides);
    ServiceProcess service = new ServiceProcess(name, env, dir.resolve(name + ".log"));
    return closer.register(service).start();
  }

  public Connection database() throws SQLException {
    return postgres.connect();
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public void stopKafka() {
    kafka.stop();
  }

  public void startKafka() {
    kafka.start();
  }

  /** Stops PostgreSQL (fast shutdown: open connections are cut, as in a crash or failover). */
  public void stopPostgres() {
    postgres.close();
  }

  /** Starts PostgreSQL again on the same port with the same data. */
  public void startPostgres() {
    postgres = LocalPostgres.start(postgresPort, dir.resolve("postgres"));
  }

  @Override
  public void close() {
    closer.close();
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
