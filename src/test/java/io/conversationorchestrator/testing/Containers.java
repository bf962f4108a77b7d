package io.conversationorchestrator.testing;

import java.util.List;
import java.util.logging.Level;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Docker path: used only when a Docker engine answers (never on the no-Docker machines). */
final class Containers {
  private Containers() {}

  /** Asks Testcontainers quietly: without Docker it would log a page-long ERROR on every run. */
  static boolean dockerAvailable() {
    Logs.set(Level.OFF, "org.testcontainers");
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    } finally {
      Logs.set(null, "org.testcontainers"); // inherit again, for image pulls and container logs
    }
  }

  static PostgresServer postgres() {
    PostgreSQLContainer container =
        new PostgreSQLContainer("postgres:15-alpine")
            .withDatabaseName(PostgresServer.DATABASE)
            .withUsername(LocalPostgres.USER)
            .withPassword(LocalPostgres.PASSWORD);
    container.start();
    return PostgresServer.Endpoint.of(
        container.getHost(),
        container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
        container.getUsername(),
        container.getPassword(),
        container::stop);
  }

  static KafkaBroker kafka() {
    KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
    // A fixed host port survives a container stop/start, so the app's bootstrap address stays
    // valid.
    container.setPortBindings(List.of(Ports.free() + ":9092"));
    container.start();
    return new KafkaBroker() {
      @Override
      public String bootstrapServers() {
        return container.getBootstrapServers();
      }

      @Override
      public void stop() {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
      }

      @Override
      public void start() {
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
      }

      @Override
      public void close() {
        container.stop();
      }

      @Override
      public String toString() {
        return "Kafka container at " + bootstrapServers();
      }
    };
  }
}
