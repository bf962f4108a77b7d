package io.conversationorchestrator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallbackIsolationTest {
  private static final int CONVERSATIONS = 20;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Inject EventIntake intake;
  @Inject Pool pool;

  /**
   * The same events reach a healthy receiver as fast with a hanging receiver (on another host)
   * configured beside it: the hanging one holds its own host's slots only.
   */
  @Test
  void aHangingReceiverDoesNotSlowAHealthyOne() throws Exception {
    try (CallbackSink sink = new CallbackSink()) {
      sink.hang("/hang");
      List<Duration> alone = delays(sink, "/alone", "{\"url\":\"" + sink.url("/alone") + "\"}");
      List<Duration> beside =
          delays(
              sink,
              "/beside",
              "{\"url\":\""
                  + sink.otherHostUrl("/hang")
                  + "\"},{\"url\":\""
                  + sink.url("/beside")
                  + "\"}");
      Duration medianAlone = median(alone);
      Duration medianBeside = median(beside);
      System.out.printf(
          "healthy receiver p50: alone %d ms, beside a hanging one %d ms%n",
          medianAlone.toMillis(), medianBeside.toMillis());
      // 10% of the median, plus one dispatcher tick and a relay interval of scheduling noise
      assertThat(medianBeside)
          .isLessThanOrEqualTo(Duration.ofMillis(Math.round(medianAlone.toMillis() * 1.1) + 150));
      assertThat(sink.at("/hang")).isNotEmpty();
    }
  }

  /**
   * A consumer that dies mid-batch restarts from its last committed offset and reads events again.
   * Replaying the whole topic through the intake creates no second delivery of anything.
   */
  @Test
  void replayedEventsCreateNoDuplicateDeliveries() throws Throwable {
    try (CallbackSink sink = new CallbackSink()) {
      Api api = Api.newAccount();
      String configuration =
          Fixtures.createConfiguration(
              api,
              StatusCallbackTest.withCallbacks("{}", "{\"url\":\"" + sink.url("/replay") + "\"}"));
      String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
      StatusCallbackTest.awaitDelivery(api, id, "SUCCEEDED");
      long before = deliveries();
      try (KafkaConsumer<String, String> replay = consumer()) {
        ConsumerRecords<String, String> records = replay.poll(Duration.ofSeconds(5));
        assertThat(records.count()).isPositive();
        VertxContextSupport.subscribeAndAwait(() -> intake.intake(records));
      }
      assertThat(deliveries()).isEqualTo(before);
      assertThat(duplicates()).isZero();
    }
  }

  private List<Duration> delays(CallbackSink sink, String path, String callbacks) throws Exception {
    Api api = Api.newAccount();
    String configuration =
        Fixtures.createConfiguration(api, StatusCallbackTest.withCallbacks("{}", callbacks));
    for (int i = 0; i < CONVERSATIONS; i++) {
      Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i));
    }
    List<Received> received =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> sink.at(path), r -> r.size() >= CONVERSATIONS);
    List<Duration> delays = new ArrayList<>();
    for (Received r : received) {
      String timestamp = JSON.readTree(r.body()).path("timestamp").asText();
      delays.add(Duration.between(Instant.parse(timestamp), r.at()));
    }
    return delays;
  }

  private static Duration median(List<Duration> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private long deliveries() {
    return pool.query("select count(*) from callback_delivery")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private long duplicates() {
    return pool.query(
            "select count(*) from (select event_id, url from callback_delivery"
                + " group by event_id, url, method having count(*) > 1) d")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0))
        .await()
        .atMost(Duration.ofSeconds(5));
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of("conversations"));
    return consumer;
  }
}
