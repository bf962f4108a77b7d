package io.conversationorchestrator.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft Kafka (broker and controller in one) running inside this JVM.
 *
 * <p>Not KafkaClusterTestKit: it starts its servers once, on ports it binds itself, and has no way
 * to restart them, while tests need to stop the broker and start it again on the same address (the
 * running app keeps its bootstrap servers). Here both ports are chosen once, and the log directory
 * is kept across restarts, so topics and committed offsets survive.
 */
public final class LocalKafka implements KafkaBroker {
  private static final int NODE_ID = 1;

  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private final boolean deleteLogDirOnClose;
  private KafkaRaftServer server;

  static {
    // Hundreds of INFO lines per start otherwise; clients (org.apache.kafka.clients) stay as set.
    Logs.warningsOnly(
        "kafka",
        "state.change.logger",
        "org.apache.kafka.common.config.AbstractConfig", // the broker's 300-line config dump
        "org.apache.kafka.controller",
        "org.apache.kafka.coordinator",
        "org.apache.kafka.image",
        "org.apache.kafka.metadata",
        "org.apache.kafka.queue",
        "org.apache.kafka.raft",
        "org.apache.kafka.server",
        "org.apache.kafka.snapshot",
        "org.apache.kafka.storage");
    // On a fatal fault the broker calls Exit.halt: that would kill the test JVM without a report,
    // or the launcher without stopping the app and PostgreSQL. Fail the broker's thread instead.
    Exit.Procedure fail =
        (status, message) -> {
          throw new IllegalStateException("Kafka broker exits (" + status + "): " + message);
        };
    Exit.setExitProcedure(fail);
    Exit.setHaltProcedure(fail);
  }

  private LocalKafka(int port, Path logDir, boolean deleteLogDirOnClose) {
    this.port = port;
    this.controllerPort = Ports.free();
    this.logDir = logDir.toAbsolutePath();
    this.deleteLogDirOnClose = deleteLogDirOnClose;
  }

  /** Starts a broker on {@code port}; without a {@code logDir} it uses a temporary one. */
  public static LocalKafka start(int port, Path logDir) {
    try {
      LocalKafka kafka =
          logDir == null
              ? new LocalKafka(port, Files.createTempDirectory("kafka-"), true)
              : new LocalKafka(port, Files.createDirectories(logDir), false);
      kafka.start();
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    // Kafka loads classes named in its config through the context class loader, and its threads
    // inherit it: make it the one that loaded Kafka (in a @QuarkusTest, not the system one).
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(LocalKafka.class.getClassLoader());
    try {
      KafkaConfig config = new KafkaConfig(config(), false);
      format();
      KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        // Returns once the broker is registered and unfenced, i.e. ready for clients.
        started.startup();
      } catch (RuntimeException e) {
        started.shutdown(); // release the ports and the log directory lock
        throw e;
      }
      server = started;
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
  }

  @Override
  public synchronized void close() {
    stop();
    if (deleteLogDirOnClose) {
      deleteRecursively(logDir);
    }
  }

  private Map<String, String> config() {
    return Map.ofEntries(
        Map.entry("node.id", String.valueOf(NODE_ID)),
        Map.entry("process.roles", "broker,controller"),
        Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry(
            "listeners",
            "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        // One node: internal topics can have one replica only; one partition keeps start-up fast.
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "1"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.num.partitions", "1"),
        // Consumers join at once instead of waiting 3 s for more group members.
        Map.entry("group.initial.rebalance.delay.ms", "0"));
  }

  /** Like {@code kafka-storage.sh format}, once: a kept log directory keeps its cluster id. */
  private void format() {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format Kafka log directory " + logDir, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e);
    }
  }

  @Override
  public String toString() {
    return "embedded Kafka at " + bootstrapServers();
  }
}
