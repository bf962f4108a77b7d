package io.conversationorchestrator.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.security.RequestValidator;
import io.conversationorchestrator.support.Api;
import io.conversationorchestrator.support.CallbackSink.Received;
import io.conversationorchestrator.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A command reaches the adapters both ways: on the actions topic, and POSTed to its sender. */
@QuarkusTest
class ActionDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommandIsPublishedOnTheActionsTopicAsACloudEvent() {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("On Kafka"));
    try (TopicReader topic = new TopicReader("conversation-actions")) {
      TopicReader.Event command =
          topic.await(a.conversation(), Duration.ofSeconds(30), e -> !e.isEmpty()).get(0);
      assertThat(command.key()).isEqualTo(a.conversation());
      assertThat(command.ceType()).isEqualTo("ACTION_SEND_MESSAGE_REQUESTED");
      assertThat(command.ceSubject()).isEqualTo(id);
      assertThat(command.ceId()).isNotEmpty();
      assertThat(command.type()).isEqualTo("ACTION_SEND_MESSAGE_REQUESTED");
      JsonNode data = command.value().path("data");
      assertThat(data.path("actionId").asText()).isEqualTo(id);
      assertThat(data.path("from").path("address").asText()).isEqualTo(Actions.AGENT_SMS);
      assertThat(data.path("to").get(0).path("participantId").asText()).isEqualTo(a.customer());
      assertThat(data.path("content").path("text").asText()).isEqualTo("On Kafka");
    }
  }

  @Test
  void theSmsSenderReceivesTheSignedCommandAndTheDeliveryIsLogged() throws Exception {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("Over HTTP"));
    Received received =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> commandFor(id), r -> r != null);
    JsonNode event = JSON.readTree(received.body());
    assertThat(event.path("eventType").asText()).isEqualTo("ACTION_SEND_MESSAGE_REQUESTED");
    assertThat(event.path("data").path("to").get(0).path("address").asText())
        .isEqualTo(Actions.CUSTOMER_SMS);
    String url = AdapterSink.sms().url(received.path()) + "?" + received.query();
    assertThat(
            new RequestValidator(a.api().authToken())
                .validate(url, received.body(), received.header("X-Twilio-Signature")))
        .isTrue();
    JsonNode delivery =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> deliveries(a), list -> list.size() == 1 && succeeded(list.get(0)))
            .get(0);
    assertThat(delivery.path("eventType").asText()).isEqualTo("ACTION_SEND_MESSAGE_REQUESTED");
    assertThat(delivery.path("url").asText())
        .isEqualTo(AdapterSink.sms().url(AdapterSink.SMS_PATH));
    assertThat(delivery.path("id").asText()).isEqualTo(received.header("webhook-id"));
  }

  @Test
  void theCommandCarriesTheActionRequestsTraceOnTheTopicAndToTheSender() {
    Actions a = Actions.create(Api.newAccount());
    String id = a.send(a.agentToCustomer("Traced"));
    try (TopicReader topic = new TopicReader("conversation-actions")) {
      String onTopic =
          topic
              .await(a.conversation(), Duration.ofSeconds(30), e -> !e.isEmpty())
              .get(0)
              .traceparent();
      Received sent =
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> commandFor(id), r -> r != null);
      assertThat(onTopic).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
      assertThat(sent.header("traceparent"))
          .as("the sender's request continues the trace of the action request")
          .startsWith(onTopic.substring(0, 36));
    }
  }

  @Test
  void aChannelWithoutASenderGetsNoDeliveryButTheCommandIsOnTheTopic() throws Exception {
    Actions a = Actions.create(Api.newAccount());
    String id =
        a.send(
            a.fill(
                Actions.sendMessage(
                    "{\"participantId\":\"$DUAL\",\"channel\":\"WHATSAPP\"}",
                    "{\"address\":\"whatsapp:+15551234567\",\"channel\":\"WHATSAPP\"}",
                    "No sender")));
    try (TopicReader topic = new TopicReader("conversation-actions")) {
      topic.await(a.conversation(), Duration.ofSeconds(30), e -> !e.isEmpty());
    }
    // the intake reads the topic in order: a later SMS command of the same conversation being
    // delivered shows the WhatsApp one was planned (to nobody) before it
    String later = a.send(a.agentToCustomer("After"));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> commandFor(later) != null);
    assertThat(deliveries(a))
        .extracting(d -> d.path("eventType").asText())
        .containsExactly("ACTION_SEND_MESSAGE_REQUESTED");
    assertThat(commandFor(id)).isNull();
  }

  private static Received commandFor(String action) {
    List<Received> all = AdapterSink.sms().at(AdapterSink.SMS_PATH);
    return all.stream().filter(r -> r.body().contains(action)).findFirst().orElse(null);
  }

  private static List<JsonNode> deliveries(Actions a) throws Exception {
    String body =
        a.api()
            .request()
            .get("/v2/Conversations/" + a.conversation() + "/CallbackDeliveries")
            .asString();
    JsonNode list = JSON.readTree(body).path("callbackDeliveries");
    return toList(list);
  }

  private static List<JsonNode> toList(JsonNode list) {
    java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  private static boolean succeeded(JsonNode delivery) {
    return "SUCCEEDED".equals(delivery.path("status").asText());
  }
}
