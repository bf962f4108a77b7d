package io.conversationorchestrator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are strict, but the service's own events, read back by the callback intake, are
 * not request bodies: an event carrying fields this version does not know (as one written by a
 * newer replica would) is still delivered, not skipped.
 */
@QuarkusTest
class OwnEventsTest {

  @Test
  void anEventWithFieldsThisVersionDoesNotKnowIsStillDelivered() throws Exception {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    try (CallbackSink sink = new CallbackSink();
        KafkaProducer<String, String> producer = producer()) {
      String event =
          """
          {"eventType":"CONVERSATION_UPDATED","fieldOfANewerVersion":1,
           "data":{"id":"%s","accountId":"%s","status":"ACTIVE","newResponseField":true,
                   "configuration":{"statusCallbacks":[{"url":"%s","method":"POST","retries":3}]}}}"""
              .formatted(conversation, api.accountSid(), sink.url("/own"));
      ProducerRecord<String, String> record =
          new ProducerRecord<>("conversations", conversation, event);
      record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
      List<Received> received =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> sink.at("/own"), r -> !r.isEmpty());
      assertThat(received.get(0).body()).contains("\"fieldOfANewerVersion\":1");
    }
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
