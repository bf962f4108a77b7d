package io.conversationorchestrator.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.Ingestion;
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

/**
 * The Kafka path routes like REST; a malformed record (bad JSON, an unknown field: the input is as
 * strict as a request body) is dead-lettered with the reason and does not block.
 */
@QuarkusTest
class InboundTopicTest {

  @Test
  void kafkaIngestionMatchesRestAndDeadLettersBadRecords() throws Exception {
    Api api = Api.newAccount();
    String config = Ingestion.configuration(api, "GROUP_BY_PROFILE", Ingestion.smsRules());
    String viaRest =
        Ingestion.ingest(
                api,
                Ingestion.message(
                    "\"configurationId\":\"" + config + "\",",
                    "SMS",
                    "+15550102030",
                    Ingestion.BUSINESS,
                    "over REST"),
                201)
            .getString("conversation.id");
    String good =
        Ingestion.message(
            "\"accountId\":\"" + api.accountSid() + "\",\"configurationId\":\"" + config + "\",",
            "SMS",
            "+15550102030",
            Ingestion.BUSINESS,
            "over Kafka");
    String unknownField = good.replace("\"content\":{", "\"content\":{\"txet\":\"x\",");
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("communications-inbound", "bad", "{not json")).get();
      producer.send(new ProducerRecord<>("communications-inbound", "unknown", unknownField)).get();
      producer.send(new ProducerRecord<>("communications-inbound", "good", good)).get();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.request()
                    .get("/v2/Conversations/" + viaRest + "/Communications")
                    .jsonPath()
                    .getList("communications.content.text")
                    .contains("over Kafka"));
    List<ConsumerRecord<String, String>> dead = new ArrayList<>();
    try (KafkaConsumer<String, String> dlq = consumer()) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().map(ConsumerRecord::key).toList().containsAll(KEYS);
              });
    }
    assertDeadLettered(dead, "bad", "{not json", "not valid JSON");
    assertDeadLettered(dead, "unknown", unknownField, "Unknown field 'content.txet'");
  }

  private static final List<String> KEYS = List.of("bad", "unknown");

  private static void assertDeadLettered(
      List<ConsumerRecord<String, String>> dead, String key, String value, String reason) {
    ConsumerRecord<String, String> record =
        dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    assertThat(record.value()).isEqualTo(value);
    assertThat(
            new String(
                record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
        .contains(reason);
  }

  @Test
  void emailTrafficRoutesOverKafkaLikeOverRest() throws Exception {
    Api api = Api.newAccount();
    String config =
        Ingestion.configuration(
            api,
            "GROUP_BY_PROFILE",
            "{\"EMAIL\":{\"captureRules\":[{\"from\":\"*\",\"to\":\"support@example.com\"}]}}");
    String viaRest =
        Ingestion.ingest(
                api,
                Ingestion.message(
                    "\"configurationId\":\"" + config + "\",",
                    "EMAIL",
                    "kiran@example.com",
                    "support@example.com",
                    "email over REST"),
                201)
            .getString("conversation.id");
    String record =
        Ingestion.message(
            "\"accountId\":\"" + api.accountSid() + "\",\"configurationId\":\"" + config + "\",",
            "EMAIL",
            "kiran@EXAMPLE.com",
            "support@Example.com",
            "email over Kafka");
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>("communications-inbound", "email", record)).get();
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.request()
                    .get("/v2/Conversations/" + viaRest + "/Communications")
                    .jsonPath()
                    .getList("communications.content.text")
                    .contains("email over Kafka"));
  }

  private static String bootstrap() {
    return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of("communications-inbound-dlq"));
    return consumer;
  }
}
