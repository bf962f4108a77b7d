package io.conversationorchestrator.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.conversationorchestrator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Results published on the results topic go through the same code as the REST call. */
@QuarkusTest
class ActionResultTopicTest {

  @Test
  void aResultOnTheResultsTopicCompletesTheActionAsTheApiWould() throws Exception {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("Reported on Kafka"));
    String result =
        """
        {"accountId":"%s","conversationId":"%s","actionId":"%s","status":"COMPLETED","messageId":"SMkafka"}"""
            .formatted(a.api().accountSid(), a.conversation(), id);
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("conversation-action-results", "bad", "{not json")).get();
      producer
          .send(new ProducerRecord<>("conversation-action-results", a.conversation(), result))
          .get();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "COMPLETED".equals(a.fetch(id).extract().path("status")));
    a.fetch(id).body("related.messageSid", equalTo("SMkafka"));
    a.api()
        .request()
        .get("/v2/Conversations/" + a.conversation() + "/Communications")
        .then()
        .body("communications[0].content.text", equalTo("Reported on Kafka"))
        .body("communications[0].channelId", equalTo("SMkafka"));
    try (KafkaConsumer<String, String> dlq = deadLetters()) {
      List<ConsumerRecord<String, String>> dead = new ArrayList<>();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(r -> "bad".equals(r.key()));
              });
      ConsumerRecord<String, String> bad =
          dead.stream().filter(r -> "bad".equals(r.key())).findFirst().orElseThrow();
      assertThat(bad.value()).isEqualTo("{not json");
      assertThat(
              new String(
                  bad.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
          .contains("not valid JSON");
    }
  }

  private static KafkaConsumer<String, String> deadLetters() {
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of("conversation-action-results-dlq"));
    return consumer;
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }
}
