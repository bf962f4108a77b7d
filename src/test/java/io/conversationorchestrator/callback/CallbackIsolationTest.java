package io.conversationorchestrator.callback;

import static io.conversationorchestrator.support.Callbacks.awaitDelivery;
import static io.conversationorchestrator.support.Callbacks.withCallbacks;
import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
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

  @Inject EventIntake intake;
  @Inject CallbacksConfig config;
  @Inject Pool pool;

  /**
   * A receiver that never answers holds its own host's slots only: while it holds all of them,
   * every delivery to a healthy receiver on another host still arrives, at its first attempt. How
   * much slower the healthy one gets beside it is measured by bench/callbacks.sh, not asserted
   * here.
   */
  @Test
  void aHangingReceiverDoesNotStopAHealthyOne() throws Exception {
    try (CallbackSink sink = new CallbackSink()) {
      sink.hang("/hang");
      String hanging = "{\"url\":\"" + sink.otherHostUrl("/hang") + "\"}";
      createConversations(hanging, config.maxPerHost());
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sink.at("/hang").size() >= config.maxPerHost());

      String healthy = sink.url("/beside");
      createConversations(hanging + ",{\"url\":\"" + healthy + "\"}", CONVERSATIONS);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> succeededAtFirstAttempt(healthy) == CONVERSATIONS);
      assertThat(sink.at("/beside")).hasSize(CONVERSATIONS);
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
              api, withCallbacks("{}", "{\"url\":\"" + sink.url("/replay") + "\"}"));
      String id = Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
      awaitDelivery(api, id, "SUCCEEDED");
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

  /** In an account of their own: a grouping configuration keeps one conversation per customer. */
  private static void createConversations(String callbacks, int count) {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, withCallbacks("{}", callbacks));
    for (int i = 0; i < count; i++) {
      Fixtures.createConversation(api, Fixtures.customerConversation(configuration, i));
    }
  }

  private long succeededAtFirstAttempt(String url) {
    return count(
        "select count(*) from callback_delivery where url = $1 and status = 'SUCCEEDED'"
            + " and jsonb_array_length(attempts -> 'attempts') = 1",
        Tuple.of(url));
  }

  private long deliveries() {
    return count("select count(*) from callback_delivery", Tuple.tuple());
  }

  private long duplicates() {
    return count(
        "select count(*) from (select event_id, url from callback_delivery"
            + " group by event_id, url, method having count(*) > 1) d",
        Tuple.tuple());
  }

  private long count(String sql, Tuple parameters) {
    return pool.preparedQuery(sql)
        .execute(parameters)
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
