package io.conversationorchestrator.callback;

import static io.conversationorchestrator.support.Callbacks.withCallbacks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conversationorchestrator.api.ResourceType;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.Callbacks;
import io.conversationorchestrator.support.Fixtures;
import io.conversationorchestrator.support.TopicReader;
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
 * newer replica would) is still delivered, not skipped. Where an event goes is never read from its
 * payload: a conversation event carries its callbacks, typed, in the {@code ce_callbacks} header
 * (an event without it goes to its conversation's current callbacks), so a renamed or missing
 * payload field cannot silence or redirect them.
 */
@QuarkusTest
class OwnEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anEventWithFieldsThisVersionDoesNotKnowIsStillDelivered() throws Exception {
    Api api = Api.newAccount();
    try (CallbackSink sink = new CallbackSink();
        KafkaProducer<String, String> producer = producer()) {
      String conversation =
          Callbacks.conversationWithCallbacks(
              api,
              """
              {"url":"%s","events":["CONVERSATION_UPDATED"]}"""
                  .formatted(sink.url("/own")));
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

  @Test
  void anEventGoesToTheCallbacksItCarriesWhateverItsPayloadNames() throws Exception {
    Api api = Api.newAccount();
    String configuration = Fixtures.createConfiguration(api, Fixtures.seedConfiguration());
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    try (CallbackSink sink = new CallbackSink();
        KafkaProducer<String, String> producer = producer()) {
      // the response's configuration renamed, its callbacks pointing elsewhere
      String event =
          """
          {"eventType":"CONVERSATION_UPDATED",
           "data":{"id":"%s","accountId":"%s","status":"ACTIVE",
                   "settings":{"statusCallbacks":[{"url":"%s","method":"POST"}]}}}"""
              .formatted(conversation, api.accountSid(), sink.url("/named-by-payload"));
      String eventId = UUID.randomUUID().toString();
      ProducerRecord<String, String> record =
          new ProducerRecord<>("conversations", conversation, event);
      header(record, "ce_id", eventId);
      header(record, "ce_type", "CONVERSATION_UPDATED");
      header(record, "ce_accountid", api.accountSid());
      header(
          record,
          "ce_callbacks",
          """
          {"configurationId":null,"statusCallbacks":[{"url":"%s","method":"POST"}]}"""
              .formatted(sink.url("/carried")));
      producer.send(record).get();

      List<Received> received =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> sink.at("/carried"), r -> !r.isEmpty());
      assertThat(received.get(0).body()).isEqualTo(event);
      JsonNode deliveries =
          JSON.readTree(
                  api.request()
                      .get("/v2/Conversations/" + conversation + "/CallbackDeliveries")
                      .asString())
              .path("callbackDeliveries");
      assertThat(deliveries.findValuesAsText("eventId")).containsExactly(eventId);
      assertThat(deliveries.findValuesAsText("url")).containsExactly(sink.url("/carried"));
    }
  }

  @Test
  void aConversationEventCarriesItsTypedCallbacksBesideItsPayload() throws Exception {
    Api api = Api.newAccount();
    String callback =
        """
        {"url":"https://callbacks.example.com/carried","method":"GET","events":["CONVERSATION_UPDATED"]}""";
    String configuration = Fixtures.createConfiguration(api, withCallbacks("{}", callback));
    String conversation =
        Fixtures.createConversation(api, Fixtures.seedConversation(configuration));
    api.request()
        .body("{\"type\":\"AGENT\",\"addresses\":[{\"channel\":\"CHAT\",\"address\":\"bot\"}]}")
        .post("/v2/Conversations/" + conversation + "/Participants")
        .then()
        .statusCode(201);
    try (TopicReader topic = new TopicReader("conversations")) {
      List<TopicReader.Event> events =
          topic.await(
              conversation,
              Duration.ofSeconds(30),
              e -> e.stream().anyMatch(x -> x.type().startsWith("PARTICIPANT_")));
      TopicReader.Event created =
          events.stream().filter(e -> e.type().equals("CONVERSATION_CREATED")).findFirst().get();
      assertThat(JSON.readTree(created.headers().get("ce_callbacks")))
          .isEqualTo(
              JSON.readTree(
                  """
                  {"configurationId":"%s","statusCallbacks":[%s]}"""
                      .formatted(ResourceType.CONFIGURATION.parse(configuration).get(), callback)));
      assertThat(events)
          .allSatisfy(e -> assertThat(e.headers()).containsEntry("ce_accountid", api.accountSid()))
          .filteredOn(e -> e.type().startsWith("PARTICIPANT_"))
          .allSatisfy(e -> assertThat(e.headers()).doesNotContainKey("ce_callbacks"));
    }
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
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
