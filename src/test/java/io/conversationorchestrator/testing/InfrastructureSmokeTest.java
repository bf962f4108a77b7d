package io.conversationorchestrator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Plain JUnit: proves the test infrastructure itself, without booting Quarkus. */
class InfrastructureSmokeTest {

  @AfterAll
  static void stopInfrastructure() {
    TestInfrastructure.stop();
  }

  @Test
  void postgresAnswersSqlInTheServiceDatabase() throws Exception {
    PostgresServer postgres = TestInfrastructure.postgres();
    assertThat(postgres.reactiveUrl()).startsWith("postgresql://").endsWith("/orchestrator");
    try (Connection c = postgres.connect();
        ResultSet rs = c.createStatement().executeQuery("select 1, current_database()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo(PostgresServer.DATABASE);
    }
  }

  @Test
  void kafkaRestartsOnTheSameAddressAndLosesNothing() throws Exception {
    KafkaBroker kafka = TestInfrastructure.kafka();
    String address = kafka.bootstrapServers();
    String topic = "smoke-" + UUID.randomUUID();

    // One long-lived producer, like the service's, across the whole restart.
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "before")).get(30, TimeUnit.SECONDS);
      assertThat(consume(address, topic, 1)).containsExactly("before");

      assumeTrue(kafka.restartable(), "a configured Kafka cannot be restarted from a test");
      kafka.stop();
      // On its own thread: once the client has noticed the outage, send() blocks (up to
      // max.block.ms) until it gets metadata from the broker again.
      CompletableFuture<RecordMetadata> whileDown =
          CompletableFuture.supplyAsync(() -> send(producer, topic, "while down"));
      kafka.start();
      assertThat(kafka.bootstrapServers()).isEqualTo(address);

      whileDown.get(60, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(topic, "after")).get(30, TimeUnit.SECONDS);
    }
    assertThat(consume(address, topic, 3)).containsExactly("before", "while down", "after");
  }

  private static RecordMetadata send(
      KafkaProducer<String, String> producer, String topic, String value) {
    try {
      return producer.send(new ProducerRecord<>(topic, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send " + value, e);
    }
  }

  /** Reads the topic from the start with a fresh consumer group until {@code count} values. */
  private static List<String> consume(String bootstrap, String topic, int count) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "smoke-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= count;
              });
    }
    return values;
  }
}
